#!/bin/sh
# check.sh: run every test that can run here and end with one line
# "N passed, N failed, N skipped".  Each part speaks TAP; this tallies it.
# Run from the top of the tree (make check does).
set -u
pass=0 fail=0 skip=0
if [ "${SANITIZE:-}" = 1 ]; then
	# faketime (iostat's golden tests) is preloaded: ASan need not come first
	ASAN_OPTIONS=${ASAN_OPTIONS:-verify_asan_link_order=0}
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
	export ASAN_OPTIONS UBSAN_OPTIONS SANITIZE
fi
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

# Counters live in this shell, so tally always reads a file, never a pipe.
run_tap() {	# run_tap NAME CMD...: tally the TAP that CMD prints
	name=$1; shift
	"$@" > "$log.t" 2>&1
	tally "$name" < "$log.t"
	rm -f "$log.t"
}

one() {		# one NAME CMD...: a single pass/fail item
	name=$1; shift
	if "$@" >"$log" 2>&1; then
		echo "ok 1 - $name" > "$log.t"
	else
		{ echo "not ok 1 - $name"; sed 's/^/# /' "$log"; } > "$log.t"
	fi
	tally "$name" < "$log.t"
	rm -f "$log.t"
}

skipped() {	# skipped NAME REASON
	echo "ok 1 - $1 # skip $2" > "$log.t"
	tally "$1" < "$log.t"
	rm -f "$log.t"
}

# Unit tests: C programs printing TAP.
for t in tests/unit/bin/test_*; do
	[ -x "$t" ] || continue
	{ "$t" || echo "not ok - $t exited $?"; } > "$log.u" 2>&1
	tally "unit/${t##*/}" < "$log.u"
	rm -f "$log.u"
done

# Leak tests: the library's probes and each command's main, thousands of
# times in one process; the heap and the descriptors must not grow.
if [ -x tests/leak/bin/leak_lib ]; then
	run_tap leak sh -c 'tests/leak/bin/leak_lib || echo "not ok - leak_lib exited $?"'
fi
for t in tests/leak/bin/leak_*; do
	[ -x "$t" ] || continue
	c=${t##*/leak_}
	[ "$c" = lib ] && continue
	run_tap "leak/$c" sh -c "'$t' tests/leak/$c.args 2>&1 || echo 'not ok - $t exited'"
done

# Man pages.
if command -v mandoc >/dev/null 2>&1; then
	for m in man/*.1 man/*.7; do
		[ -f "$m" ] || continue
		one "lint $m" sh -c "test -z \"\$(mandoc -Tlint -Wwarning '$m' 2>&1)\""
	done
else
	skipped lint "mandoc not installed"
fi

# Each command's man SYNOPSIS and --help name the same options (issue 15).
if command -v mandoc >/dev/null 2>&1; then
	one "synopsis-check" python3 scripts/synopsis-check.py bin man
else
	skipped synopsis-check "mandoc not installed"
fi

# Builds first, so the command tests can run the stub and .exe binaries.
# The Windows cross build, where the compiler exists.
if command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
	one "windows build" make -s windows
else
	skipped "windows build" "x86_64-w64-mingw32-gcc not installed"
fi

# The stub platform must keep building.
one "stub build" make -s PLATFORM=stub

# Command tests.
if command -v bats >/dev/null 2>&1; then
	run_tap bats bats --tap tests/bats
else
	skipped bats "bats not installed"
fi


echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
