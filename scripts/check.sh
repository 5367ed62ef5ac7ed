#!/bin/sh
# check.sh: run every test that can run here and end with one line
# "N passed, N failed, N skipped".  Each part speaks TAP; this tallies it.
# Run from the top of the tree (make check does).
set -u
pass=0 fail=0 skip=0
log=$(mktemp "${TMPDIR:-/tmp}/pskit-check.XXXXXX")
trap 'rm -f "$log"' EXIT

tally() {	# tally NAME < TAP
	name=$1
	while IFS= read -r line; do
		case $line in
		"not ok"*"# TODO"*) printf '%s: %s\n' "$name" "$line" ;;
		"not ok"*) fail=$((fail + 1)); printf '%s: %s\n' "$name" "$line" ;;
		"ok"*"# skip"*|"ok"*"# SKIP"*) skip=$((skip + 1)); printf '%s: %s\n' "$name" "$line" ;;
		"ok"*) pass=$((pass + 1)) ;;
		"#"*) printf '%s: %s\n' "$name" "$line" ;;
		esac
	done
}

one() {		# one NAME CMD...: a single pass/fail item
	name=$1; shift
	if "$@" >"$log" 2>&1; then
		echo "ok 1 - $name"
	else
		echo "not ok 1 - $name"
		sed 's/^/# /' "$log"
	fi
}

# Unit tests: C programs printing TAP.
for t in tests/unit/bin/test_*; do
	[ -x "$t" ] || continue
	{ "$t" || echo "not ok - $t exited $?"; } > "$log.u" 2>&1
	tally "unit/${t##*/}" < "$log.u"
	rm -f "$log.u"
done

# Man pages.
if command -v mandoc >/dev/null 2>&1; then
	for m in man/*.1 man/*.7; do
		[ -f "$m" ] || continue
		one "lint $m" sh -c "mandoc -Tlint -Wwarning '$m' && test -z \"\$(mandoc -Tlint -Wwarning '$m')\"" | tally lint
	done
else
	echo "ok 1 - mandoc # skip mandoc not installed" | tally lint
fi

# Command tests.
if command -v bats >/dev/null 2>&1; then
	bats --tap tests/bats 2>&1 | tally bats
else
	echo "ok 1 - bats # skip bats not installed" | tally bats
fi

# The Windows cross build, where the compiler exists.
if command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
	one "windows build" make -s windows | tally windows
else
	echo "ok 1 - windows build # skip x86_64-w64-mingw32-gcc not installed" | tally windows
fi

# The stub platform must keep building.
one "stub build" make -s PLATFORM=stub | tally stub

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
