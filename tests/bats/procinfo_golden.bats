#!/usr/bin/env bats
# procinfo on captured /proc trees against psutil 5.9.4's procinfo.py output
# taken at capture time (tests/fixtures/procinfo/README).

load helper

PI=$PSKIT_BIN/procinfo

# golden CASE: compare procinfo's text with the golden file
golden() {
	local d pid
	d=$(fixture_dir procinfo "$1")
	pid=$(ls "$d/proc" | sort -n | tail -1)
	TZ=UTC "$PI" -v --procfs "$d/proc" "$pid" >"$BATS_TEST_TMPDIR/ours"
	# the script's bugs fixed on purpose: the second "uids" is the gids
	# (equal for these root-owned captures), RLIMIT_LOCKS is "locks"
	awk '/^uids/ { if (u++) sub(/^uids/, "gids") } { print }' "$PSKIT_GOLDEN/procinfo/$1.out" |
		sed -e 's/^            RLIMIT_LOCKS/            locks       /' \
		    -e '/^cpu-tspent/d' -e '/^I\/O/d' -e '/^ionice/d' >"$BATS_TEST_TMPDIR/ref"
	sed -e '/^cpu-tspent/d' -e '/^I\/O/d' -e '/^memory-full/d' \
		"$BATS_TEST_TMPDIR/ours" >"$BATS_TEST_TMPDIR/ours.n"
	diff "$BATS_TEST_TMPDIR/ref" "$BATS_TEST_TMPDIR/ours.n"
	TZ=UTC "$PI" --json --procfs "$d/proc" "$pid" | jq -e ".[0].pid == $pid" >/dev/null
}

@test "golden: every fixture case has a test" {
	[ "$(fixture_cases procinfo)" = "$(tested_cases golden)" ]
}

@test "golden: sleep" {
	golden sleep
}

@test "golden: longname" {
	golden longname
}
