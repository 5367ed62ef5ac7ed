#!/usr/bin/env bats
# The shared command shell (cmd/common/shell.c) against issue 18's items
# on output files: 18.1 file modes, 18.7 incomplete reports, 18.8 stop
# signals.  Each test is named after its item.

bats_require_minimum_version 1.5.0
load helper
load hostile

# as_nobody FILE: nobody can read FILE (runuser, else setpriv).
as_nobody_reads() {
	if command -v runuser >/dev/null; then
		runuser -u nobody -- cat "$1" >/dev/null 2>&1
	else
		setpriv --reuid=nobody --regid=nogroup --clear-groups cat "$1" >/dev/null 2>&1
	fi
}

# need_nobody: skip unless root can act as nobody; NDIR is then a
# directory nobody can reach (bats' own temporary directory is 0700), and
# a 0644 file in it is readable by nobody, so a failed read means the mode.
need_nobody() {
	[ "$(id -u)" -eq 0 ] || skip "needs root to read back as nobody"
	id nobody >/dev/null 2>&1 || skip "no user nobody"
	command -v runuser >/dev/null || command -v setpriv >/dev/null ||
	    skip "needs runuser or setpriv"
	NDIR=$(mktemp -d /tmp/pskit-shell.XXXXXX)
	chmod 755 "$NDIR"
	echo probe > "$NDIR/probe"
	chmod 644 "$NDIR/probe"
	as_nobody_reads "$NDIR/probe" || fail "nobody cannot read a 0644 file in $NDIR"
}

teardown() {
	[ -z "${NDIR:-}" ] || rm -rf "$NDIR"
}

@test "18.1 procinfo -o json -w: a child's environment is not readable by nobody" {
	need_nobody
	local f=$NDIR/pi.json pid
	SECRET_TOKEN=hunter2 sleep 30 &
	pid=$!
	umask 022
	run "$PSKIT_BIN/procinfo" -o json -w "$f" "$pid"
	kill "$pid"
	assert_success
	grep -q hunter2 "$f" || fail "the environment is not in the file"
	[ "$(stat -c %a "$f")" = 600 ] || fail "mode $(stat -c %a "$f")"
	! as_nobody_reads "$f" || fail "nobody read the environment"
	# every format of procinfo carries command lines: text and tsv too
	for fmt in text tsv prom; do
		run "$PSKIT_BIN/procinfo" -o "$fmt" -w "$f.$fmt"
		assert_success
		[ "$(stat -c %a "$f.$fmt")" = 600 ] || fail "$fmt: mode $(stat -c %a "$f.$fmt")"
	done
}

@test "18.1 prom files follow the umask and stay readable by nobody" {
	need_nobody
	local f=$NDIR/free.prom
	umask 022
	run "$PSKIT_BIN/free" --procfs "$PSKIT_FIXTURES/free/f1/proc" -o prom --outfile "$f"
	assert_success
	[ "$(stat -c %a "$f")" = 644 ]
	as_nobody_reads "$f" || fail "node_exporter's user cannot read the prom file"
	rm "$f"
	umask 027
	run "$PSKIT_BIN/free" --procfs "$PSKIT_FIXTURES/free/f1/proc" -o prom --outfile "$f"
	[ "$(stat -c %a "$f")" = 640 ] || fail "umask 027: mode $(stat -c %a "$f")"
}

@test "18.1 an existing file's stricter mode is kept, a wider one is not" {
	local f=$BATS_TEST_TMPDIR/m.prom
	umask 022
	echo old > "$f"
	chmod 640 "$f"
	run "$PSKIT_BIN/free" --procfs "$PSKIT_FIXTURES/free/f1/proc" -o prom --outfile "$f"
	assert_success
	[ "$(stat -c %a "$f")" = 640 ]
	chmod 666 "$f"
	run "$PSKIT_BIN/free" --procfs "$PSKIT_FIXTURES/free/f1/proc" -o prom --outfile "$f"
	[ "$(stat -c %a "$f")" = 644 ]
	# a private report never widens to the old file's mode
	run "$PSKIT_BIN/procinfo" -o json -w "$f"
	assert_success
	[ "$(stat -c %a "$f")" = 600 ]
}

@test "18.1 procsmem: a command column makes the file private, prom stays public" {
	local f=$BATS_TEST_TMPDIR/ps F=$PSKIT_FIXTURES/procsmem/basic/proc
	umask 022
	run "$PSKIT_BIN/procsmem" --procfs "$F" --outfile "$f.txt"
	assert_success
	[ "$(stat -c %a "$f.txt")" = 600 ]
	run "$PSKIT_BIN/procsmem" --procfs "$F" -c "pid pss" --outfile "$f.nocmd"
	[ "$(stat -c %a "$f.nocmd")" = 644 ]
	run "$PSKIT_BIN/procsmem" --procfs "$F" -o json --outfile "$f.json"
	[ "$(stat -c %a "$f.json")" = 600 ]
	run "$PSKIT_BIN/procsmem" --procfs "$F" -o prom --outfile "$f.prom"
	[ "$(stat -c %a "$f.prom")" = 644 ]
}

# fds6 CMD...: CMD with six file descriptors at most (ulimit -n 6) and
# only 0-2 open, whatever bats keeps open.
fds6() {
	bash -c 'for f in /proc/$$/fd/*; do n=${f##*/}
		[ "$n" -gt 2 ] && eval "exec $n>&-"; done
		ulimit -n 6; exec "$@"' bash "$@"
}

@test "18.7 ifconfig without file descriptors fails and keeps the old prom file" {
	local f=$BATS_TEST_TMPDIR/if.prom
	echo old > "$f"
	run -1 fds6 "$PSKIT_BIN/ifconfig" -a -o prom -w "$f"
	[ "$(cat "$f")" = old ] || fail "the old file was replaced: $(head -3 "$f")"
	assert_output --partial "Too many open files"
	# structured output to stdout: nothing, exit 1
	run -1 --separate-stderr fds6 "$PSKIT_BIN/ifconfig" -a -o json
	[ -z "$output" ]
	# net-tools' text keeps its "Limited output" and status
	run fds6 "$PSKIT_BIN/ifconfig" -a
	assert_output --partial "Limited output"
}

# hup_loop FMT CMD...: start CMD with an --outfile in a fresh directory
# and HUP it at random moments, 20 times; no temporary file may remain
# and the file must be whole each time.  FMT names the check.  A
# one-shot command may end before the signal comes: status 0, else 129.
hup_loop() {
	local fmt=$1 i pid d rc want
	shift
	for i in $(seq 20); do
		d=$(mktemp -d "$BATS_TEST_TMPDIR/hup.XXXXXX")
		"$@" "$d/out" 2>"$d/err" &
		pid=$!
		sleep "0.0$((RANDOM % 10))"
		want=129
		kill -HUP "$pid" 2>/dev/null || want=0
		rc=0
		wait "$pid" || rc=$?
		[ "$rc" -eq "$want" ] || [ "$rc" -eq 0 ] ||
		    fail "run $i: status $rc $(cat "$d/err")"
		[ -z "$(ls -A "$d" | grep -v -e '^out$' -e '^err$')" ] ||
		    fail "run $i: left $(ls -A "$d")"
		if [ -e "$d/out" ]; then
			case $fmt in
			json) json_strict <"$d/out" || fail "run $i: broken JSON" ;;
			prom) tail -1 "$d/out" | grep -q '_last_success_timestamp_seconds ' ||
			    fail "run $i: $(tail -2 "$d/out")" ;;
			esac
		fi
	done
}

@test "18.8 free --outfile killed with HUP leaves no temporary file, exit 129" {
	hup_loop prom "$PSKIT_BIN/free" -s 0.001 -o prom --procfs "$PSKIT_FIXTURES/free/f1/proc" --outfile
	hup_loop json "$PSKIT_BIN/free" -s 0.001 -o json --procfs "$PSKIT_FIXTURES/free/f1/proc" --outfile
}

@test "18.8 iostat -w killed with HUP leaves no temporary file, exit 129" {
	local F=$PSKIT_FIXTURES/iostat/basic
	hup_loop prom "$PSKIT_BIN/iostat" -x -o prom --procfs "$F/proc" --sysfs "$F/sys" 1 -w
}

@test "18.8 one-shot commands killed with HUP end whole or not at all" {
	hup_loop json "$PSKIT_BIN/procsmem" -o json --procfs "$PSKIT_FIXTURES/procsmem/basic/proc" --outfile
	hup_loop json "$PSKIT_BIN/procinfo" -o json -w
	hup_loop json "$PSKIT_BIN/ifconfig" -a -o json -w
}

@test "18.8 iostat -o JSON killed with HUP ends with a closed document" {
	local F=$PSKIT_FIXTURES/iostat/basic out=$BATS_TEST_TMPDIR/io.json pid rc i
	for i in 1 2 3; do
		"$PSKIT_BIN/iostat" -o JSON -d --procfs "$F/proc" --sysfs "$F/sys" 1 >"$out" &
		pid=$!
		# a signal before main() installs its handler kills at once:
		# wait for the first sample, then pick a moment
		timeout 5 sh -c 'until [ -s "$1" ]; do sleep 0.01; done' sh "$out"
		sleep "0.$((RANDOM % 10))"
		kill -HUP "$pid"
		rc=0
		wait "$pid" || rc=$?
		[ "$rc" -eq 129 ] || fail "status $rc"
		json_strict <"$out" || fail "broken JSON: $(cat "$out")"
	done
}
