#!/usr/bin/env bats
# Issue 18 item 10, unbounded memory: smaps is parsed as a stream, so a
# process mapping one file 32,000 times under a 3,800-character path
# (145 MB of smaps) costs procsmem -m, --smaps and procinfo a bounded
# amount of memory (before: ~144 MB RSS each).  This is a memory bound,
# not a timing: max RSS from /usr/bin/time -f %M.  Allocation failures
# are errors: a message and status 1, never "memory_maps": null.

bats_require_minimum_version 1.5.0
load helper

PROCSMEM=${PROCSMEM:-$PSKIT_BIN/procsmem}
PROCINFO=${PROCINFO:-$PSKIT_BIN/procinfo}
LIMIT_KB=20480

# start_maps DIR N [distinct]: run manymaps.py; its pid in MPID, its stdin
# on fd 8 (closing it ends the process).
start_maps() {
	local py=/usr/bin/python3
	[ -x "$py" ] || py=$(command -v python3) || skip "python3 not installed"
	mkdir -p "$1"
	mkfifo "$1/in"
	"$py" "$BATS_TEST_DIRNAME/manymaps.py" "$1/tree" "$2" ${3-} <"$1/in" >"$1/pid" &
	exec 8>"$1/in"
	for _ in $(seq 600); do [ -s "$1/pid" ] && break; sleep 0.1; done
	MPID=$(<"$1/pid")
	[ -n "$MPID" ] || fail "manymaps.py did not start"
}

stop_maps() {
	exec 8>&-
	wait
}

# max_rss CMD...: run CMD (stdout discarded), its max RSS in kB in RSS.
max_rss() {
	local t=$BATS_TEST_TMPDIR/time
	/usr/bin/time -f %M -o "$t" "$@" >/dev/null || fail "$* failed"
	RSS=$(tail -1 "$t")
}

# base_rss CMD...: BASE is CMD's max RSS under SANITIZE=1, else 0.
base_rss() {
	BASE=0
	[ "${SANITIZE:-}" = 1 ] || return 0
	max_rss "$@"
	BASE=$RSS
}

@test "18.10 unbounded memory: 32,000 mappings of a 3,800-character path stay under 20 MB RSS" {
	[ -x /usr/bin/time ] || skip "GNU time not installed"
	# ASan's runtime alone holds ~20 MB before main(): under SANITIZE=1
	# the bound is on the growth over the same command with no big process
	base_rss "$PROCSMEM" -m; local base_m=$BASE
	base_rss "$PROCSMEM" --smaps; local base_s=$BASE
	base_rss "$PROCINFO" $$; local base_p=$BASE
	start_maps "$BATS_TEST_TMPDIR/m" 32000
	[ "$(wc -l <"/proc/$MPID/maps")" -ge 32000 ] || fail "mappings merged"
	max_rss "$PROCSMEM" -m
	[ $((RSS - base_m)) -lt $LIMIT_KB ] || fail "procsmem -m: $RSS kB (base $base_m)"
	max_rss "$PROCSMEM" --smaps
	[ $((RSS - base_s)) -lt $LIMIT_KB ] || fail "procsmem --smaps: $RSS kB (base $base_s)"
	max_rss "$PROCINFO" "$MPID"
	[ $((RSS - base_p)) -lt $LIMIT_KB ] || fail "procinfo: $RSS kB (base $base_p)"
	# and under a 30 MB address space both still report the process
	# (ASan reserves its shadow memory first and dies under ulimit -v)
	[ "${SANITIZE:-}" != 1 ] || { stop_maps; skip "ulimit -v under ASan (SANITIZE=1); the plain build runs it"; }
	run -0 bash -c "ulimit -v 30000; \"$PROCSMEM\" --smaps -c pid -H"
	assert_line --regexp "^ *$MPID $"
	run -0 bash -c "ulimit -v 30000; \"$PROCINFO\" -o json $MPID"
	jq -e '.[0].memory_maps | length > 0' <<<"$output" >/dev/null ||
		fail "no memory_maps under ulimit -v 30000"
	stop_maps
}

@test "18.10 unbounded memory: out of memory is an error, never memory_maps null" {
	[ "${SANITIZE:-}" != 1 ] || skip "ulimit -v under ASan (SANITIZE=1): ASan cannot map its shadow memory; the plain build runs it"
	start_maps "$BATS_TEST_TMPDIR/m" 10000 distinct
	# 10,000 distinct 3,800-byte paths are 38 MB to keep: more than 30 MB
	run bash -c "ulimit -v 30000; \"$PROCINFO\" -o json $MPID"
	assert_failure 1
	assert_output --partial "Cannot allocate memory"
	refute_output --partial '"memory_maps":null'
	run bash -c "ulimit -v 30000; \"$PROCINFO\" $MPID"
	assert_failure 1
	stop_maps
}
