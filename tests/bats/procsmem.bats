#!/usr/bin/env bats
# procsmem on live processes the test starts and stops itself (SIGSTOP), so their
# memory holds still: tests/bats/procsmem-hog.c linked statically (its PSS then does
# not depend on which tools map libc), differential against /usr/bin/smem with a -P
# filter that matches only them, a zombie, a process that exits mid-scan, the
# permission-denied count as another user (setpriv), and the command-line surface.

load helper
bats_require_minimum_version 1.5.0

setup_file() {
	export PSMEM="${PROCSMEM:-$PSKIT_BIN/procsmem}"
	local d=$BATS_FILE_TMPDIR
	if ! cc -static -O1 -o "$d/pkhog" "$BATS_TEST_DIRNAME/procsmem-hog.c" 2>/dev/null; then
		# shared libc: PSS then depends on which tool maps it
		cc -O1 -o "$d/pkhog" "$BATS_TEST_DIRNAME/procsmem-hog.c" || return 1
		touch "$d/dynamic"
	fi
	cp "$d/pkhog" "$d/pk hog) x"
	head -c 8388608 /dev/urandom >"$d/shared.dat"
	"$d/pkhog" -m 4 -f "$d/shared.dat" 3>&- &
	echo $! >"$d/pids"
	"$d/pkhog" -m 2 -f "$d/shared.dat" -n pkhogb 3>&- &
	echo $! >>"$d/pids"
	"$d/pk hog) x" -m 1 3>&- &
	echo $! >>"$d/pids"
	"$d/pkhog" -z -n pkhogz 3>&- &
	echo $! >>"$d/pids"
	local p n
	for p in $(cat "$d/pids"); do
		for n in $(seq 100); do
			[ "$(awk '{ print $3 }' /proc/$p/stat 2>/dev/null)" = T ] && break
			sleep 0.05
		done
	done
}

teardown_file() {
	local p
	for p in $(cat "$BATS_FILE_TMPDIR/pids" 2>/dev/null); do
		kill -KILL "$p" 2>/dev/null || true
	done
	wait 2>/dev/null || true
}

pid_n() {	# pid_n N: the Nth process started by setup_file
	sed -n "${1}p" "$BATS_FILE_TMPDIR/pids"
}

@test "live: --smaps text equals smem on the stopped processes, for common options" {
	[ -x /usr/bin/smem ] || skip "smem not installed"
	[ ! -e "$BATS_FILE_TMPDIR/dynamic" ] || skip "no static libc: PSS would vary with the tool"
	local o fails=() a b
	for o in "" "-t" "-k -t" "-p -t" "-r -s uss" "-H -n -t" "-u -t" "-u -k -r" \
	    "-c 'pid user command maps vss swap uss pss rss' -t" "-s rss -c 'command rss'" \
	    "-M 'heap|stack' -t" "-m -M 'heap|stack|shared' -t"; do
		a=$(eval "\"$PSMEM\" --smaps -P '^pk[h ]' $o" 2>/dev/null)
		b=$(eval "/usr/bin/smem -P '^pk[h ]' $o" 2>/dev/null)
		[ "$a" = "$b" ] || fails+=("[$o]: $(diff <(echo "$b") <(echo "$a"))")
	done
	[ "${#fails[@]}" -eq 0 ] || fail "differs from smem: ${fails[*]}"
}

@test "live: rollup mode has smem's USS, RSS and Swap; PSS within the rollup rounding" {
	[ -x /usr/bin/smem ] || skip "smem not installed"
	local ours pid swap uss rss pss maps line
	ours=$("$PSMEM" -P '^pk[h ]' -H -c "pid swap uss rss pss")
	while read -r pid swap uss rss pss maps; do
		line=$(awk -v p="$pid" '$1 == p' <<<"$ours")
		[ -n "$line" ] || fail "pid $pid missing"
		set -- $line
		[ "$2 $3 $4" = "$swap $uss $rss" ] || fail "pid $pid: $line vs smem $swap $uss $rss"
		# smaps truncates each mapping's PSS to kB, the rollup once
		[ "$5" -ge "$pss" ] && [ "$5" -le $((pss + maps)) ] ||
			fail "pid $pid: rollup pss $5, smem $pss over $maps maps"
	done < <(/usr/bin/smem -P '^pk[h ]' -H -c "pid swap uss rss pss maps")
}

@test "live: known private memory shows as USS" {
	run "$PSMEM" -P '^pk[h ]' -H -c "pid uss"
	assert_success
	local u1 u2 u4
	u1=$(awk -v p="$(pid_n 1)" '$1 == p { print $2 }' <<<"$output")
	u2=$(awk -v p="$(pid_n 2)" '$1 == p { print $2 }' <<<"$output")
	u4=$(awk -v p="$(pid_n 4)" '$1 == p { print $2 }' <<<"$output")
	# the same binary with and without -m N: N MiB more of private pages
	[ $((u1 - u4)) -ge 4096 ] && [ $((u1 - u4)) -lt 4352 ] ||
		fail "-m 4: uss $u1, baseline $u4"
	[ $((u2 - u4)) -ge 2048 ] && [ $((u2 - u4)) -lt 2304 ] ||
		fail "-m 2: uss $u2, baseline $u4"
}

@test "live: two processes sharing an 8 MiB file mapping split its PSS" {
	run "$PSMEM" -P '^pk[h ]' -M 'shared\.dat' -H -c "pid rss pss"
	assert_success
	assert_line --regexp "^ *$(pid_n 1)  +8192  +4096 $"
	assert_line --regexp "^ *$(pid_n 2)  +8192  +4096 $"
}

@test "live: a name with spaces and ')' stays whole" {
	run "$PSMEM" -P '[p]k hog' -H -c "name"
	assert_success
	assert_output "pk hog) x                "
}

@test "live: zombies and kernel threads are not listed" {
	local z
	z=$(cat "/proc/$(pid_n 4)/task/$(pid_n 4)/children" 2>/dev/null ||
		pgrep -P "$(pid_n 4)")
	z=${z%% *}
	[ -n "$z" ] || skip "the zombie child was not found"
	[ "$(awk '{ print $3 }' /proc/$z/stat)" = Z ] || skip "child $z is not a zombie"
	run "$PSMEM" -H -c pid
	assert_success
	refute_line --regexp "^ *$z $"
	refute_line --regexp "^ +2 $"
	assert_line --regexp "^ *$(pid_n 4) $"
}

@test "live: processes exiting during the scan are skipped silently" {
	local i churn
	( for i in $(seq 200); do /bin/true; sleep 0.001 & done; wait ) 3>&- &
	churn=$!
	for i in 1 2 3 4 5; do
		run --separate-stderr "$PSMEM" -q --smaps
		assert_success
		[ -z "$stderr" ] || fail "stderr: $stderr"
	done
	wait "$churn" || true
}

@test "live: unreadable processes are counted on stderr as another user" {
	command -v setpriv >/dev/null || skip "setpriv not installed"
	[ "$(id -u)" -eq 0 ] || skip "needs root to switch to nobody"
	run --separate-stderr setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$PSMEM" -P '^pk[h ]'
	[ "$status" -ne 126 ] && [ "$status" -ne 127 ] || skip "nobody cannot run $PSMEM"
	assert_equal "$stderr" "procsmem: 4 processes could not be read (permission denied)"
	assert_equal "$status" 1
	run --separate-stderr setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$PSMEM" -q -P '^pk[h ]'
	assert_equal "$stderr" ""
}

@test "cli: --help on stdout exit 0, --version, usage errors exit 2" {
	run "$PSMEM" --help
	assert_success
	assert_line --index 0 --partial "Usage: procsmem [options]"
	run "$PSMEM" --version
	assert_output "procsmem (pskit) 0.1.0"
	run "$PSMEM" --bogus
	assert_failure 2
	run "$PSMEM" --pie pss -o tsv
	assert_failure 2
	assert_output --partial "--pie and --bar write SVG: no -o"
	run "$PSMEM" -o xml
	assert_failure 2
}

@test "cli: unknown fields and bad sizes as smem (stdout text, exit 255)" {
	[ -x /usr/bin/smem ] || skip "smem not installed"
	local o a b ra rb
	for o in "-s bogus" "-u -s bogus" "-m -c 'map nope'" "-w -c 'area x'"; do
		ra=0 rb=0
		a=$(eval "\"$PSMEM\" -P '^$' $o" 2>/dev/null) || ra=$?
		b=$(eval "/usr/bin/smem -P '^$' $o" 2>/dev/null) || rb=$?
		[ "$ra" -eq 255 ] && [ "$rb" -eq 255 ] ||
			fail "$o: status $ra (smem $rb), want 255"
		[ "$a" = "$b" ] || fail "$o: [$a] vs [$b]"
	done
	run --separate-stderr "$PSMEM" -R 12
	assert_equal "$status" 255
	assert_equal "$stderr" "Memory size should be written with units, for example 1024M"
}

@test "cli: write errors exit 1, a closed pipe ends quietly" {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr "$PSMEM" -q
	assert_success
	run --separate-stderr sh -c "\"$PSMEM\" -q > /dev/full"
	assert_failure 1
	assert_equal "$stderr" "procsmem: write error"
	run sh -c "\"$PSMEM\" -q --smaps | head -1"
	assert_success
	assert_output --partial "PID User"
}

@test "cli: the stub build says it is not supported" {
	[ -x "$PSKIT_BIN/stub/procsmem" ] || skip "make PLATFORM=stub not built"
	run "$PSKIT_BIN/stub/procsmem"
	assert_failure 1
	assert_output "procsmem: not supported on this system"
}

# Issue 18 item 6: every file of a process is opened relative to its
# /proc/PID directory, opened once, so a PID that dies and is reused
# between two reads cannot mix two processes in one row (strace -y names
# the directory behind each descriptor).
@test "oneshot: each file of a process is opened at most once (strace)" {
	command -v strace >/dev/null || skip "strace not installed"
	local log=$BATS_TEST_TMPDIR/strace o
	for o in "" "--smaps" "-u" "-m" "--cgroup"; do
		strace -f -qq -y -e trace=openat -o "$log" "$PSMEM" -q $o >/dev/null ||
			skip "strace cannot trace here"
		! grep -E 'openat\([^,]*, "[0-9]+/' "$log" ||
			fail "a process file opened by path with [$o]"
		dup=$(grep -oE '</proc/[0-9]+>, "[a-z_]+"' "$log" | sort | uniq -d)
		[ -z "$dup" ] || fail "opened twice with [$o]: $dup"
		dup=$(grep -oE '</proc>, "[0-9]+"' "$log" | sort | uniq -d)
		[ -z "$dup" ] || fail "PID directory opened twice with [$o]: $dup"
		grep -qE '</proc/[0-9]+>, "(smaps|smaps_rollup|stat|cmdline)"' "$log" ||
			fail "no file read through a PID directory with [$o]"
		if [ -z "$o" ]; then
			grep -q '>, "smaps_rollup"' "$log" || fail "no smaps_rollup read"
			! grep -q '>, "smaps"' "$log" || fail "smaps read in rollup mode"
		fi
	done
}

@test "structured output of every view is valid and complete" {
	command -v jq >/dev/null || skip "jq not installed"
	local v
	for v in "" "-u" "-m" "-w"; do
		"$PSMEM" -q $v -o json | jq -e 'type == "array" and length > 0' >/dev/null ||
			fail "json [$v]"
		"$PSMEM" -q $v -o tsv | awk -F'\t' 'NR == 1 { n = NF } NF != n { exit 1 }' ||
			fail "tsv [$v]"
		"$PSMEM" -q $v -o prom | grep -q '^pskit_procsmem_' || fail "prom [$v]"
	done
}
