#!/usr/bin/env bats
# iostat on hostile /proc/stat, /proc/uptime, /proc/diskstats and sys
# block/*/stat files: every case ends under a timeout with a documented
# status (0; 2 when uptime or stat cannot be read, as sysstat), at most one
# line on stderr and never a signal.  A failure leaves no structured output
# at all (text keeps sysstat's banner); json parses strictly (no NaN) and
# tsv rows keep the header's column count.

bats_require_minimum_version 1.5.0
load helper
load hostile

IOSTAT=${IOSTAT:-$PSKIT_BIN/iostat}
M=18446744073709551615	# 2^64 - 1
O=18446744073709551616	# 2^64

setup() {
	D=$BATS_TEST_TMPDIR/t
	mkdir -p "$D"
	cp -R "$PSKIT_FIXTURES/iostat/basic/proc" "$PSKIT_FIXTURES/iostat/basic/sys" "$D/"
	RODIR=
}

teardown() {
	[ -z "$RODIR" ] || rm -rf "$RODIR"
}

# judge WHAT FMT: the outcome of the last `run` for format FMT.
judge() {
	local nf
	[ "$status" -lt 124 ] || fail "$1 ($2): status $status (timeout or signal)"
	[ "$status" -eq 0 ] || [ "$status" -eq 2 ] || fail "$1 ($2): status $status"
	[ "$(printf '%s' "$stderr" | wc -l)" -le 1 ] || fail "$1 ($2): stderr: $stderr"
	if [ "$status" -ne 0 ]; then
		[ -n "$stderr" ] || fail "$1 ($2): failed silently"
		[ "$2" = text ] || [ -z "$output" ] || fail "$1 ($2): partial output"
		return 0
	fi
	case $2 in
	json|JSON) json_strict <<<"$output" || fail "$1: invalid JSON: ${output:0:300}" ;;
	tsv)	nf=$(awk -F'\t' '{ print NF }' <<<"$output" | sort -u | wc -l)
		[ "$nf" -eq 1 ] || fail "$1: ragged tsv" ;;
	esac
}

# check_case WHAT: every format, for each option set of $ARGSETS (commas
# for blanks; -x reads sys block/*/stat, -p ALL /proc/diskstats, -N
# /proc/devices).
check_case() {
	local fmt args
	for args in ${ARGSETS:-"-x" "-d,-p,ALL" "-c,-N,-p,sda"}; do
		for fmt in text tsv json JSON prom; do
			qrun timeout 10 "$IOSTAT" -o $fmt \
			    --procfs "$D/proc" --sysfs "$D/sys" ${args//,/ }
			judge "$1 [$args]" $fmt
		done
	done
}

# each_file CMD: for every file iostat reads (or those of $FILES), restore
# the fixture, run CMD FILE (which spoils it) and check every format.
each_file() {
	local f
	for f in ${FILES:-proc/stat proc/uptime proc/diskstats sys/block/sda/stat \
	    sys/block/sda/sda1/stat sys/devices/system/cpu/online}; do
		rm -rf "$D/proc" "$D/sys"
		cp -R "$PSKIT_FIXTURES/iostat/basic/proc" "$PSKIT_FIXTURES/iostat/basic/sys" "$D/"
		"$@" "$D/$f"
		check_case "$* $f"
	done
}

empty() { : >"$1"; }
truncated() { local t; t=$(head -c 23 "$1"); printf '%s' "$t" >"$1"; }
garbage() { head -c 65536 /dev/urandom >"$1"; }
longline() {
	{ head -c 1048576 /dev/zero | tr '\0' 7; printf ' 1 2 3 4 5 6 7 8 9 10 11\n'; cat "$1"; } >"$1.new"
	mv "$1.new" "$1"
}
nonfile() {
	rm -rf "$2"
	case $1 in
	dir)	mkdir "$2" ;;
	loop)	ln -s "${2##*/}" "$2" ;;
	fifo)	mkfifo "$2" ;;
	zero)	ln -s /dev/zero "$2" ;;
	esac
}

@test "iostat hostile: empty files" {
	each_file empty
}

@test "iostat hostile: truncated mid-line, no final newline" {
	each_file truncated
}

@test "iostat hostile: binary garbage" {
	each_file garbage
}

@test "iostat hostile: a 1 MiB line in every file" {
	each_file longline
}

@test "iostat hostile: directories, symlink loops, FIFOs and /dev/zero" {
	local kind
	each_file nonfile dir
	# the same check in pk_file_read() refuses all three: one fatal file,
	# one that sysstat skips silently, one per-device file
	for kind in loop fifo zero; do
		FILES="proc/uptime proc/diskstats sys/block/sda/stat" each_file nonfile $kind
	done
	# sysstat's message and status for the two files it cannot do without
	nonfile fifo "$D/proc/uptime"
	run --separate-stderr timeout 10 "$IOSTAT" -o json --procfs "$D/proc" --sysfs "$D/sys"
	[ "$status" -eq 2 ] && [ -z "$output" ] && [ "$stderr" = "Cannot read $D/proc/uptime" ] ||
	    fail "uptime fifo: $status, $stderr"
}

@test "iostat hostile: numbers at and past 2^64, negative numbers" {
	printf 'cpu  %s %s -1 -%s 99999999999999999999999 0 0 0 0 0\ncpu0 %s %s %s %s\n' \
	    $M $O $M $M $M $M $M >"$D/proc/stat"
	printf '%s.99 -5.00\n' $O >"$D/proc/uptime"
	printf '8 0 sda %s %s -1 -%s %s %s %s %s %s %s %s %s %s %s %s %s %s\n8 1 sda1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1\n 99999999999 -1 dm-0 1 2 3 4 5 6 7 8 9 10 11\n' \
	    $M $O $M $M $M $M $M $M $M $M $M $M $M $M $M >"$D/proc/diskstats"
	printf '%s %s -1 -%s %s %s %s %s %s %s %s %s %s %s %s %s %s\n' \
	    $M $O $M $M $M $M $M $M $M $M $M $M $M $M $M >"$D/sys/block/sda/stat"
	printf -- '-1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1\n' >"$D/sys/block/sda/sda1/stat"
	check_case huge
	# all-zero counters and a zero uptime: no division by zero
	printf 'cpu  0 0 0 0 0 0 0 0 0 0\n' >"$D/proc/stat"
	printf '0.00 0.00\n' >"$D/proc/uptime"
	printf '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n' | tee "$D/sys/block/sda/stat" \
	    "$D/sys/block/sda/sda1/stat" >/dev/null
	check_case zero
}

@test "iostat hostile: NUL bytes in names and numbers" {
	printf '8 0 s\0da 1 2 3 4 5 6 7 8 9 10 11\n8 16 sdb\0x 1 2 3 4 5 6 7 8 9 10 11\n' >"$D/proc/diskstats"
	printf '1 2\0 3 4 5 6 7 8 9 10 11\n' >"$D/sys/block/sda/stat"
	printf 'cpu  1 2 3\0 4 5 6 7 8 9 10\n' >"$D/proc/stat"
	printf '10.0\0 5.0\n' >"$D/proc/uptime"
	check_case nul
}

@test "iostat hostile: control characters and invalid UTF-8 in device names" {
	local n
	for n in $'nl\nx' $'tab\tx' $'esc\e[31m' $'cr\rx' $'\xff\xfeinv' 'q"uote\' \
	    $'c1\xc2\x9b2J' $'h\x9bx'; do
		mkdir -p "$D/sys/block/$n"
		echo "1 2 3 4 5 6 7 8 9 10 11" >"$D/sys/block/$n/stat"
	done
	check_case names
	run --separate-stderr "$IOSTAT" -d --procfs "$D/proc" --sysfs "$D/sys"
	assert_success
	assert_line --regexp '^nl\\012x +0'
	assert_line --regexp '^tab\\011x +0'
	assert_line --regexp '^esc\\033\[31m +0'
	# issue 18 item 2: C1 as UTF-8 and a raw 0x9b (put_name())
	assert_line --regexp '^c1\\302\\2332J +0'
	assert_line --regexp '^h\\233x +0'
	run --separate-stderr "$IOSTAT" -d -o tsv --procfs "$D/proc" --sysfs "$D/sys"
	assert_line --partial $'\tnl\\nx\t'
	# Prometheus rejects a whole file for one invalid UTF-8 label byte
	"$IOSTAT" -d -o prom --procfs "$D/proc" --sysfs "$D/sys" >"$BATS_TEST_TMPDIR/prom"
	iconv -f UTF-8 -t UTF-8 "$BATS_TEST_TMPDIR/prom" >/dev/null || fail "prom: invalid UTF-8"
	# the label decodes to \xff\xfeinv: each invalid byte as \xHH (esc.c)
	grep -qF 'device="\\xff\\xfeinv"}' "$BATS_TEST_TMPDIR/prom"
}

@test "iostat hostile: unreadable files (mode 000, as a normal user)" {
	local -a asuser=()
	local f
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv >/dev/null ||
		    skip "root reads mode-000 files and setpriv(1) is missing"
		asuser=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
		"${asuser[@]}" true 2>/dev/null || skip "cannot run as nobody"
	fi
	RODIR=$(mktemp -d "${TMPDIR:-/tmp}/pskit-hostile.XXXXXX")
	cp -R "$D/proc" "$D/sys" "$RODIR/"
	chmod -R a+rX "$RODIR"
	for f in proc/diskstats sys/block/sda/stat proc/stat proc/uptime; do
		chmod 000 "$RODIR/$f"
		run --separate-stderr timeout 10 "${asuser[@]}" "$IOSTAT" -o json -x -p ALL \
		    --procfs "$RODIR/proc" --sysfs "$RODIR/sys"
		judge "$f 000" json
		chmod 644 "$RODIR/$f"
	done
	# the last one, uptime, is fatal as in sysstat
	[ "$status" -eq 2 ] && [ "$stderr" = "Cannot read $RODIR/proc/uptime" ] ||
	    fail "uptime 000: $status, $stderr"
}

@test "iostat hostile: 3,000 disks with a partition each" {
	python3 - "$D" <<-'EOF'
	import os, sys
	d = sys.argv[1]
	with open(d + "/proc/diskstats", "a") as ds:
	    for i in range(3000):
	        p = "%s/sys/block/vd%d/vd%dp1" % (d, i, i)
	        os.makedirs(p)
	        with open(p + "/../stat", "w") as f:
	            f.write("%d 2 3 4 5 6 7 8 9 10 11\n" % (i + 1))
	        with open(p + "/stat", "w") as f:
	            f.write("1 2 3 4 5 6 7 8 9 10 11\n")
	        ds.write("253 %d vd%d %d 2 3 4 5 6 7 8 9 10 11\n" % (i, i, i + 1))
	EOF
	ARGSETS="-x -d,-p,ALL" check_case many
	run --separate-stderr timeout 10 "$IOSTAT" -x -o JSON --procfs "$D/proc" --sysfs "$D/sys"
	assert_success
	run jq '.sysstat.hosts[0].statistics[0].disk | length' <<<"$output"
	assert_output 3001	# vd0..vd2999 and sda (dm-0 was never used)
	run --separate-stderr timeout 10 "$IOSTAT" -d -p ALL -o tsv --procfs "$D/proc" --sysfs "$D/sys"
	assert_success
	[ "${#lines[@]}" -eq 3004 ] || fail "tsv: ${#lines[@]} lines"	# + header, sda1, dm-0
}

@test "iostat hostile: uptime vanishing mid-run leaves closed documents" {
	local fmt
	for fmt in JSON tsv prom; do
		timeout 10 "$IOSTAT" -x -o $fmt --procfs "$D/proc" --sysfs "$D/sys" 1 3 \
		    >"$BATS_TEST_TMPDIR/$fmt.out" 2>"$BATS_TEST_TMPDIR/$fmt.err" &
		eval "pid_$fmt=$!"
	done
	sleep 0.5
	mv "$D/proc/uptime" "$D/proc/uptime.gone"
	for fmt in JSON tsv prom; do
		eval "wait \$pid_$fmt" && status=0 || status=$?
		[ "$status" -eq 2 ] || fail "$fmt: status $status"
		run cat "$BATS_TEST_TMPDIR/$fmt.err"
		assert_output "Cannot read $D/proc/uptime"
	done
	json_strict <"$BATS_TEST_TMPDIR/JSON.out" || fail "json: $(cat "$BATS_TEST_TMPDIR/JSON.out")"
	run jq '.sysstat.hosts[0].statistics | length' "$BATS_TEST_TMPDIR/JSON.out"
	assert_output 1
	run awk -F'\t' '{ print NF }' "$BATS_TEST_TMPDIR/tsv.out"
	[ "$(sort -u <<<"$output" | wc -l)" -eq 1 ] || fail "ragged tsv"
	grep -q '^pskit_iostat_last_success_timestamp_seconds ' "$BATS_TEST_TMPDIR/prom.out"
}

# ms_of CMD...: the wall time of CMD in milliseconds (its status ignored
# only after checking it is 0)
ms_of() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null || fail "$* failed"
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000000))
}

@test "iostat -p ALL: 40,000 devices within ten times the linear time (issue 18.9)" {
	local t limit worst=0 i
	mkdir -p "$D/s/block"
	awk 'BEGIN { for (i = 0; i < 40000; i++)
		print " 240 " i " dev" i " 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0" }' \
		>"$D/s/diskstats"
	cp "$D/proc/stat" "$D/proc/uptime" "$D/s/"
	# the linear time: the same binary printing all 40,000 records as
	# psutil does (one pass, no device list); the slowest of three, so
	# a loaded machine errs towards a longer limit.  The quadratic list
	# took 40 times that here, the hashed one 3.
	for i in 1 2 3; do
		t=$(ms_of "$IOSTAT" --psutil --procfs "$D/s" --sysfs "$D/s")
		[ "$t" -gt "$worst" ] && worst=$t
	done
	limit=$(( (worst > 20 ? worst : 20) * 10 ))
	run timeout "$(awk -v m="$limit" 'BEGIN { printf "%.3f", m / 1000 }')" \
		"$IOSTAT" -dz -p ALL --procfs "$D/s" --sysfs "$D/s"
	[ "$status" -eq 0 ] || fail "status $status under a ${limit} ms limit (--psutil: ${worst} ms)"
}
