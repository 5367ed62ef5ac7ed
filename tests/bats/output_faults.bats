#!/usr/bin/env bats
# Output faults, for every command and format: a full device, a reader
# that goes away, a -w/--outfile that cannot be written (read-only
# directory, full file system), SIGTERM/SIGINT in interval modes and a
# closed stdout.  Inputs are the fixtures, so outputs are deterministic
# (ifconfig's flags and addresses come from this machine).  winservices
# only says "not supported" on Linux; its cases check just that.

bats_require_minimum_version 1.5.0
load helper
load hostile

CMDS="free ifconfig iostat procinfo procsmem winservices"
FMTS="text tsv json prom"

setup() {
	local F=$PSKIT_FIXTURES pid
	pid=$(ls "$F/procinfo/sleep/proc" | grep -E '^[0-9]+$' | sort -n | tail -1)
	declare -gA ARGS=(
		[free]="--procfs $F/free/f1/proc -w"
		[ifconfig]="-a --procfs $F/ifconfig/units/proc"
		[iostat]="-x --procfs $F/iostat/basic/proc --sysfs $F/iostat/basic/sys"
		[procinfo]="-v --procfs $F/procinfo/sleep/proc $pid"
		[procsmem]="--procfs $F/procsmem/basic/proc"
		[winservices]=""
	)
	WORLD=
}

teardown() {
	[ -z "$WORLD" ] || rm -rf "$WORLD"
}

# cmdline CMD FMT [OPTS...]: print nothing, set CMDLINE to the argv of CMD
# in format FMT with OPTS before the command's fixture arguments (procinfo's
# PID must come last).
cmdline() {
	local c=$1 f=$2
	shift 2
	# shellcheck disable=SC2206  # fixture paths have no blanks
	CMDLINE=("$PSKIT_BIN/$c" -o "$f" "$@" ${ARGS[$c]})
}

# unsupported: the outcome of the last qrun is winservices' on Linux.
unsupported() {
	[ "$status" -eq 1 ] && [ -z "$output" ] &&
	    [[ $stderr == "winservices: not supported on this system"* ]]
}

@test "output faults: > /dev/full exits 1 with \"write error\"" {
	local c f
	for c in $CMDS; do
		for f in $FMTS; do
			cmdline $c $f
			if [ $c = winservices ]; then
				qrun timeout 10 "${CMDLINE[@]}"
				unsupported || fail "$c $f: $status $stderr"
				continue
			fi
			timeout 10 "${CMDLINE[@]}" >/dev/full 2>"$BATS_TEST_TMPDIR/err" && status=0 || status=$?
			[ "$status" -eq 1 ] || fail "$c $f: status $status"
			[ "$(cat "$BATS_TEST_TMPDIR/err")" = "$c: write error" ] ||
			    fail "$c $f: stderr: $(cat "$BATS_TEST_TMPDIR/err")"
		done
	done
	# interval modes fail at the first sample, not at the end
	for f in $FMTS; do
		timeout 5 "$PSKIT_BIN/free" -o $f -s 1 -c 100 --procfs "$PSKIT_FIXTURES/free/f1/proc" \
		    >/dev/full 2>"$BATS_TEST_TMPDIR/err" && status=0 || status=$?
		[ "$status" -eq 1 ] || fail "free -s $f: status $status"
		grep -qx "free: write error" "$BATS_TEST_TMPDIR/err" || fail "free $f: $(cat "$BATS_TEST_TMPDIR/err")"
		# shellcheck disable=SC2086  # fixture paths have no blanks
		timeout 5 "$PSKIT_BIN/iostat" -o $f ${ARGS[iostat]} 1 100 \
		    >/dev/full 2>"$BATS_TEST_TMPDIR/err" && status=0 || status=$?
		[ "$status" -eq 1 ] || fail "iostat 1 100 $f: status $status"
		grep -qx "iostat: write error" "$BATS_TEST_TMPDIR/err" || fail "iostat $f: $(cat "$BATS_TEST_TMPDIR/err")"
	done
}

# piped CMD...: run CMD into `head -1`; sets status (CMD's) and stderr.
piped() {
	"$@" 2>"$BATS_TEST_TMPDIR/err" | head -1 >/dev/null
	status=${PIPESTATUS[0]}
	stderr=$(<"$BATS_TEST_TMPDIR/err")
}

@test "output faults: | head -1 ends quietly (0, or 141 from SIGPIPE)" {
	local c f n
	for c in $CMDS; do
		for f in $FMTS; do
			cmdline $c $f
			piped timeout 10 "${CMDLINE[@]}"
			if [ $c = winservices ]; then
				[ "$status" -eq 1 ] || fail "$c $f: $status"
				continue
			fi
			[ "$status" -eq 0 ] || [ "$status" -eq 141 ] || fail "$c $f: status $status"
			[ -z "$stderr" ] || fail "$c $f: stderr: $stderr"
		done
	done
	# outputs far larger than a pipe buffer, and interval modes: SIGPIPE
	mkdir -p "$BATS_TEST_TMPDIR/t"
	cp -R "$PSKIT_FIXTURES/iostat/basic/proc" "$PSKIT_FIXTURES/iostat/basic/sys" "$BATS_TEST_TMPDIR/t/"
	"$HOSTILE_PY" -I - "$BATS_TEST_TMPDIR/t" <<-'EOF'
	import os, sys
	d = sys.argv[1]
	for i in range(3000):
	    os.makedirs("%s/sys/block/vd%d" % (d, i))
	    with open("%s/sys/block/vd%d/stat" % (d, i), "w") as f:
	        f.write("%d 2 3 4 5 6 7 8 9 10 11\n" % (i + 1))
	EOF
	for f in $FMTS; do
		piped timeout 10 "$PSKIT_BIN/iostat" -x -o $f --procfs "$BATS_TEST_TMPDIR/t/proc" \
		    --sysfs "$BATS_TEST_TMPDIR/t/sys"
		[ "$status" -eq 141 ] && [ -z "$stderr" ] || fail "iostat 3,000 disks $f: $status $stderr"
		piped timeout 10 "$PSKIT_BIN/free" -o $f -s 0.05 -c 1000 --procfs "$PSKIT_FIXTURES/free/f1/proc"
		[ "$status" -eq 141 ] && [ -z "$stderr" ] || fail "free -s $f: $status $stderr"
	done
}

@test "output faults: a closed stdout or stdin does not crash" {
	local c f
	for c in $CMDS; do
		for f in $FMTS; do
			cmdline $c $f
			timeout 10 "${CMDLINE[@]}" >&- 2>"$BATS_TEST_TMPDIR/err" && status=0 || status=$?
			[ "$status" -le 1 ] || fail "$c $f >&-: status $status"
			[ "$status" -eq 0 ] || [ -s "$BATS_TEST_TMPDIR/err" ] || fail "$c $f >&-: silent failure"
			[ "$(wc -l <"$BATS_TEST_TMPDIR/err")" -le 1 ] || fail "$c $f >&-: $(cat "$BATS_TEST_TMPDIR/err")"
			[ $c = winservices ] && continue
			qrun timeout 10 "${CMDLINE[@]}" <&-
			[ "$status" -eq 0 ] && [ -n "$output" ] || fail "$c $f <&-: $status $stderr"
		done
	done
}

# world_dir: WORLD, a fresh directory that the user nobody may enter.
world_dir() {
	WORLD=$(mktemp -d "${TMPDIR:-/tmp}/pskit-faults.XXXXXX")
	chmod 755 "$WORLD"
}

# wfmts CMD: the formats CMD can write with --outfile (iostat: sysstat's
# text and -o JSON report are for a terminal; its man page says so).
wfmts() {
	if [ "$1" = iostat ]; then
		echo tsv json prom
	else
		echo $FMTS
	fi
}

# intact CMD FMT: after a failed --outfile into $dir: status 1, one line on
# stderr, the old file unchanged and no temporary file left.
intact() {
	if [ "$1" = winservices ]; then
		unsupported || fail "$1 $2: $status $stderr"
	else
		[ "$status" -eq 1 ] || fail "$1 $2: status $status"
		[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ] && [[ $stderr == "$1: "* ]] ||
		    fail "$1 $2: stderr: $stderr"
	fi
	[ "$(cat "$dir/out")" = "the last good report" ] || fail "$1 $2: old file changed"
	[ "$(ls -A "$dir" | wc -l)" -eq "${3:-1}" ] || fail "$1 $2: left $(ls -A "$dir")"
}

@test "output faults: --outfile into a read-only directory keeps the old file" {
	local c f dir
	local -a asuser=()
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv >/dev/null || skip "root writes anywhere and setpriv(1) is missing"
		asuser=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
		"${asuser[@]}" true 2>/dev/null || skip "cannot run as nobody"
	fi
	world_dir
	dir=$WORLD/ro
	mkdir "$dir"
	echo "the last good report" >"$dir/out"
	chmod 555 "$dir"
	for c in $CMDS; do
		for f in $(wfmts $c); do
			cmdline $c $f --outfile "$dir/out"
			qrun timeout 10 "${asuser[@]}" "${CMDLINE[@]}"
			intact $c $f
			[ $c = winservices ] || [[ $stderr == *"Permission denied" ]] ||
			    fail "$c $f: $stderr"
		done
	done
	chmod 755 "$dir"
}

@test "output faults: --outfile onto a full file system keeps the old file" {
	local c f dir res
	need_root
	mountpoint -q /proc || skip "no /proc"
	world_dir
	dir=$WORLD/full
	mkdir "$dir"
	res=$BATS_TEST_TMPDIR/results
	# In a private mount namespace: a 64 KiB tmpfs, the old report, then
	# a filler that takes the rest.  One line per case: CMD FMT STATUS.
	# shellcheck disable=SC2016  # expanded by the inner shell
	unshare -m bash -c '
		set -u
		dir=$1 res=$2
		shift 2
		mount -t tmpfs -o size=64k pskit-full "$dir" || exit 99
		echo "the last good report" >"$dir/out"
		head -c 1048576 /dev/zero >"$dir/fill" 2>/dev/null
		while [ $# -gt 0 ]; do
			c=$1 f=$2 n=$3
			shift 3
			st=0
			"${@:1:n}" >/dev/null 2>"$res.$c.$f" || st=$?
			shift "$n"
			echo "$c $f $st $(cat "$dir/out" | tr " " _) $(ls -A "$dir" | wc -l)"
		done >"$res"
	' full "$dir" "$res" $(for c in $CMDS; do for f in $(wfmts $c); do
		cmdline $c $f --outfile "$dir/out"
		printf '%s %s %s ' $c $f ${#CMDLINE[@]}
		printf '%s ' "${CMDLINE[@]}"
	done; done) || skip "cannot mount a tmpfs in a private mount namespace"
	[ "$(wc -l <"$res")" -eq 23 ] || fail "$(cat "$res")"	# iostat: no text
	while read -r c f status old n; do
		stderr=$(<"$res.$c.$f")
		[ "$old" = the_last_good_report ] || fail "$c $f: old file changed: $old"
		[ "$n" -eq 2 ] || fail "$c $f: $n files left in the file system"
		if [ $c = winservices ]; then
			output=
			unsupported || fail "$c $f: $status $stderr"
			continue
		fi
		[ "$status" -eq 1 ] || fail "$c $f: status $status"
		[ "$stderr" != "${stderr/$'\n'/}" ] && fail "$c $f: stderr: $stderr"
		[[ $stderr == "$c: write $dir/.out."*": No space left on device" ]] ||
		    fail "$c $f: stderr: $stderr"
	done <"$res"
}

@test "output faults: --outfile into a missing directory fails cleanly" {
	local c f
	for c in $CMDS; do
		for f in tsv prom; do
			cmdline $c $f --outfile "$BATS_TEST_TMPDIR/no/such/dir/out"
			qrun timeout 10 "${CMDLINE[@]}"
			if [ $c = winservices ]; then
				unsupported || fail "$c $f: $status $stderr"
				continue
			fi
			[ "$status" -eq 1 ] && [[ $stderr == "$c: create "*"No such file or directory" ]] ||
			    fail "$c $f: $status $stderr"
		done
	done
}

# Start CMD... in the background into $BATS_TEST_TMPDIR/NAME.{out,err}
# with SIGINT at its default disposition (a non-interactive shell starts
# background jobs with SIGINT ignored); sets PIDS[NAME].
start() {
	local name=$1
	shift
	env --default-signal=INT "$@" >"$BATS_TEST_TMPDIR/$name.out" \
	    2>"$BATS_TEST_TMPDIR/$name.err" &
	PIDS[$name]=$!
}

# complete NAME FMT: NAME's output is whole: strict JSON (JSON Lines for
# free), tsv rows of one width ending in a newline, prom ending with its
# last-success sample.
complete() {
	local o=$BATS_TEST_TMPDIR/$1.out
	[ -s "$o" ] || fail "$1: no output"
	[ "$(tail -c 1 "$o" | od -An -c | tr -d ' ')" = '\n' ] || fail "$1: no final newline"
	case $2 in
	json)	if [[ $1 == free* || $1 == iostat* ]]; then
			json_strict --lines <"$o" || fail "$1: $(cat "$o")"
		else
			json_strict <"$o" || fail "$1: $(cat "$o")"
		fi ;;
	JSON)	json_strict <"$o" || fail "$1: $(cat "$o")" ;;	# sysstat's document
	tsv)	[ "$(awk -F'\t' '{ print NF }' "$o" | sort -u | wc -l)" -eq 1 ] ||
		    fail "$1: ragged tsv" ;;
	prom)	tail -1 "$o" | grep -q '_last_success_timestamp_seconds ' ||
		    fail "$1: $(tail -3 "$o")" ;;
	esac
}

# want_status NAME: the exit status after the signal in NAME (CMD-SIG-FMT):
# sysstat's -o JSON exits 0 after SIGINT; every other case (pskit's -o
# json included) re-raises the
# signal after the sample (issue 18 item 8), 128+signal.
want_status() {
	local sig=${1#*-}
	sig=${sig%-*}
	if [ "$1" = iostat-INT-JSON ]; then echo 0; else echo $((128 + $(kill -l "$sig"))); fi
}

@test "output faults: SIGTERM, SIGINT, SIGHUP in interval modes leave complete output" {
	local sig f name
	local -A PIDS=()
	command -v env >/dev/null && env --default-signal=INT true 2>/dev/null ||
	    skip "needs env --default-signal (coreutils 8.31)"
	for sig in TERM INT HUP; do
		for f in $FMTS JSON; do
			# JSON is sysstat's document: iostat only
			[ $f = JSON ] || start free-$sig-$f "$PSKIT_BIN/free" -o $f \
			    -s 0.2 -c 1000 --procfs "$PSKIT_FIXTURES/free/f1/proc"
			# shellcheck disable=SC2086  # fixture paths have no blanks
			start iostat-$sig-$f "$PSKIT_BIN/iostat" -o $f ${ARGS[iostat]} 1 1000
		done
	done
	sleep 1.5	# two iostat samples, several of free
	for name in "${!PIDS[@]}"; do
		sig=${name#*-}
		kill -"${sig%-*}" "${PIDS[$name]}"
	done
	for name in "${!PIDS[@]}"; do
		status=0
		timeout 5 tail --pid="${PIDS[$name]}" -f /dev/null || fail "$name: still running"
		wait "${PIDS[$name]}" || status=$?
		[ "$status" -eq "$(want_status "$name")" ] || fail "$name: status $status"
		[ ! -s "$BATS_TEST_TMPDIR/$name.err" ] || fail "$name: $(cat "$BATS_TEST_TMPDIR/$name.err")"
		complete "$name" "${name##*-}"
	done
	# the iostat -o JSON document (sysstat's) holds every sample it began,
	# -o json has one line per sample (two, or three when the signal comes
	# late on a loaded machine)
	for sig in TERM INT HUP; do
		jq -e '.sysstat.hosts[0].statistics | length >= 2' \
		    "$BATS_TEST_TMPDIR/iostat-$sig-JSON.out" ||
		    fail "iostat-$sig-JSON: $(cat "$BATS_TEST_TMPDIR/iostat-$sig-JSON.out")"
		[ "$(wc -l <"$BATS_TEST_TMPDIR/iostat-$sig-json.out")" -ge 2 ] ||
		    fail "iostat -o json: $(cat "$BATS_TEST_TMPDIR/iostat-$sig-json.out")"
	done
}

# slow NAME CMD...: CMD writes into a pipe whose reader waits 1.5 s, so CMD
# blocks in write(2); SIGTERM comes 0.5 s in.  Sets status (CMD's).
slow() {
	local name=$1 d=$BATS_TEST_TMPDIR
	shift
	# errexit holds in the group: a status other than 0 must not end it
	{ "$@" 2>"$d/$name.err" & echo $! >"$d/$name.pid"; s=0; wait $! || s=$?; echo $s >"$d/$name.rc"; } |
	    { sleep 1.5; cat >"$d/$name.out"; } &
	sleep 0.5
	kill -TERM "$(cat "$d/$name.pid")"
	wait $!
	# the writer's side of the pipeline may end after the reader's
	timeout 5 sh -c 'while [ ! -s "$1" ]; do sleep 0.05; done' sh "$d/$name.rc"
	status=$(cat "$d/$name.rc")
}

@test "output faults: SIGTERM while blocked on a slow reader still ends whole" {
	local f
	mkdir -p "$BATS_TEST_TMPDIR/t"
	cp -R "$PSKIT_FIXTURES/iostat/basic/proc" "$PSKIT_FIXTURES/iostat/basic/sys" "$BATS_TEST_TMPDIR/t/"
	"$HOSTILE_PY" -I - "$BATS_TEST_TMPDIR/t" <<-'PY'
	import os, sys
	d = sys.argv[1]
	for i in range(3000):
	    os.makedirs("%s/sys/block/vd%d" % (d, i))
	    with open("%s/sys/block/vd%d/stat" % (d, i), "w") as f:
	        f.write("%d 2 3 4 5 6 7 8 9 10 11\n" % (i + 1))
	PY
	for f in json tsv JSON; do
		# one sample is ~1 MB, far more than the pipe holds
		slow iostat-$f env --default-signal=INT "$PSKIT_BIN/iostat" -x -o $f \
		    --procfs "$BATS_TEST_TMPDIR/t/proc" --sysfs "$BATS_TEST_TMPDIR/t/sys" 1 1000
		[ "$status" -eq 143 ] || fail "iostat $f: status $status $(cat "$BATS_TEST_TMPDIR/iostat-$f.err")"
		[ ! -s "$BATS_TEST_TMPDIR/iostat-$f.err" ] || fail "iostat $f: $(cat "$BATS_TEST_TMPDIR/iostat-$f.err")"
		complete iostat-$f $f
		[ $f != JSON ] || continue	# sysstat's document: iostat only
		# free fills the pipe with small samples, then blocks
		slow free-$f "$PSKIT_BIN/free" -o $f -s 0.001 -c 1000000 \
		    --procfs "$PSKIT_FIXTURES/free/f1/proc"
		[ "$status" -eq 143 ] || fail "free $f: status $status $(cat "$BATS_TEST_TMPDIR/free-$f.err")"
		complete free-$f $f
	done
}
