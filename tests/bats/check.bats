#!/usr/bin/env bats
# scripts/check.sh tallies TAP: a run that dies halfway, or exits non-zero
# with every result ok, must count as failed (the missing results would
# otherwise vanish from "N passed, N failed").

load helper

# kill_run: kill the whole fake bats run (every ancestor up to check.sh)
# with SIGKILL, as the OOM killer or a CI timeout would.
kill_run='kill_run() {
	local pids="" p=$$
	while p=$(awk "{ print \$4 }" "/proc/$p/stat") && [ "$p" -gt 1 ]; do
		grep -q check.sh "/proc/$p/cmdline" && break
		pids="$pids $p"
	done
	kill -KILL $pids $$
}'

# fake_suite DIR: three tests; with KILL set the second kills the run, so
# test 3 never reports.
fake_suite() {
	mkdir -p "$1"
	{
		echo "$kill_run"
		echo '@test "one" { true; }'
		echo '@test "two" { [ -z "${KILL:-}" ] || kill_run; }'
		echo '@test "three" { true; }'
	} >"$1/fake.bats"
}

check_bats() {	# check_bats DIR: check.sh's bats part over DIR only
	local path
	# the inner bats must not see this run's state, nor bats' libexec
	# directory on PATH (its `bats` there expects the wrapper's functions)
	path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v bats-core | paste -sd:)
	cd "$PSKIT_ROOT" && env -i PATH="$path" HOME="$HOME" KILL="${KILL:-}" \
		PSKIT_CHECK_ONLY=bats PSKIT_CHECK_BATS="$1" sh scripts/check.sh 3>&-
}

@test "check.sh: a complete bats run is tallied as passed" {
	fake_suite "$BATS_TEST_TMPDIR/s"
	run check_bats "$BATS_TEST_TMPDIR/s"
	assert_success
	assert_line "3 passed, 0 failed, 0 skipped"
}

@test "check.sh: a bats run killed halfway counts its missing results as failures" {
	fake_suite "$BATS_TEST_TMPDIR/s"
	KILL=1 run check_bats "$BATS_TEST_TMPDIR/s"
	assert_failure
	assert_line "1 passed, 2 failed, 0 skipped"
	assert_line --partial "2 of 3 planned results missing"
}

@test "check.sh: a TAP run that exits non-zero with every result ok fails" {
	mkdir -p "$BATS_TEST_TMPDIR/s"
	# killed after its last result: bats exits 137, every result printed ok
	printf '%s\n' "$kill_run" '@test "one" { true; }' \
		'teardown_file() { kill_run; }' >"$BATS_TEST_TMPDIR/s/exit.bats"
	run check_bats "$BATS_TEST_TMPDIR/s"
	assert_failure
	assert_line --partial "not ok - exited"
}
