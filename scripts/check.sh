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

tally() {	# tally NAME [STATUS] < TAP: STATUS is the exit status of what printed it
	name=$1 status=${2:-0} plan='' seen=0 bad=0
	while IFS= read -r line; do
		case $line in
		"not ok"*"# TODO"*) seen=$((seen + 1)); printf '%s: %s\n' "$name" "$line" ;;
		"not ok"*) seen=$((seen + 1)) bad=$((bad + 1)); fail=$((fail + 1)); printf '%s: %s\n' "$name" "$line" ;;
		"ok"*"# skip"*|"ok"*"# SKIP"*) seen=$((seen + 1)); skip=$((skip + 1)); printf '%s: %s\n' "$name" "$line" ;;
		"ok"*) seen=$((seen + 1)); pass=$((pass + 1)) ;;
		"1.."*) plan=${line#1..}; plan=${plan%%[!0-9]*} ;;
		"#"*) printf '%s: %s\n' "$name" "$line" ;;
		esac
	done
	# A run killed halfway loses its remaining results silently: every
	# result the plan promised and never came is a failure, and so is a
	# run that exited non-zero without reporting a failing result.
	if [ -z "$plan" ]; then
		bad=$((bad + 1)); fail=$((fail + 1)); printf '%s: not ok - no TAP plan (%d results)\n' "$name" "$seen"
	elif [ "$seen" -lt "$plan" ]; then
		bad=$((bad + plan - seen)); fail=$((fail + plan - seen))
		printf '%s: not ok - %d of %d planned results missing\n' "$name" $((plan - seen)) "$plan"
	elif [ "$seen" -gt "$plan" ]; then
		bad=$((bad + 1)); fail=$((fail + 1)); printf '%s: not ok - %d results, plan 1..%d\n' "$name" "$seen" "$plan"
	fi
	if [ "$status" -ne 0 ] && [ "$bad" -eq 0 ]; then
		fail=$((fail + 1)); printf '%s: not ok - exited %d with no failing result\n' "$name" "$status"
	fi
}

# Counters live in this shell, so tally always reads a file, never a pipe.
run_tap() {	# run_tap NAME CMD...: tally the TAP that CMD prints
	name=$1; shift
	st=0
	"$@" > "$log.t" 2>&1 || st=$?
	tally "$name" "$st" < "$log.t"
	rm -f "$log.t"
}

one() {		# one NAME CMD...: a single pass/fail item
	name=$1; shift
	if "$@" >"$log" 2>&1; then
		printf 'ok 1 - %s\n1..1\n' "$name" > "$log.t"
	else
		{ echo "not ok 1 - $name"; sed 's/^/# /' "$log"; echo 1..1; } > "$log.t"
	fi
	tally "$name" < "$log.t"
	rm -f "$log.t"
}

skipped() {	# skipped NAME REASON
	printf 'ok 1 - %s # skip %s\n1..1\n' "$1" "$2" > "$log.t"
	tally "$1" < "$log.t"
	rm -f "$log.t"
}

# PSKIT_CHECK_ONLY="bats ..." runs only those parts (tests/bats/check.bats
# runs this script on a fake bats directory, PSKIT_CHECK_BATS).
want() {
	case " ${PSKIT_CHECK_ONLY:-unit leak lint builds fuzz bats} " in
	*" $1 "*) return 0 ;;
	esac
	return 1
}

# Unit tests: C programs printing TAP.
want unit && for t in tests/unit/bin/test_*; do
	[ -x "$t" ] || continue
	run_tap "unit/${t##*/}" "$t"
done

# Leak tests: the library's probes and each command's main, thousands of
# times in one process; the heap and the descriptors must not grow.
if want leak && [ -x tests/leak/bin/leak_lib ]; then
	run_tap leak tests/leak/bin/leak_lib
fi
want leak && for t in tests/leak/bin/leak_*; do
	[ -x "$t" ] || continue
	c=${t##*/leak_}
	[ "$c" = lib ] && continue
	run_tap "leak/$c" "$t" "tests/leak/$c.args"
done

# Man pages.
if ! want lint; then
	:
elif command -v mandoc >/dev/null 2>&1; then
	for m in man/*.1 man/*.7; do
		[ -f "$m" ] || continue
		one "lint $m" sh -c "test -z \"\$(mandoc -Tlint -Wwarning '$m' 2>&1)\""
	done
else
	skipped lint "mandoc not installed"
fi

# Each command's man SYNOPSIS and --help name the same options (issue 15).
if ! want lint; then
	:
elif command -v mandoc >/dev/null 2>&1; then
	one "synopsis-check" python3 scripts/synopsis-check.py bin man
else
	skipped synopsis-check "mandoc not installed"
fi

# Builds first, so the command tests can run the stub and .exe binaries.
# The Windows cross build, where the compiler exists.
if ! want builds; then
	:
elif [ "${SANITIZE:-}" = 1 ]; then
	# compile checks: no sanitizer is in either build, the plain run has both
	skipped "windows build" "no sanitizer in the mingw build; the plain run builds it"
elif command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
	one "windows build" make -s windows
else
	skipped "windows build" "x86_64-w64-mingw32-gcc not installed"
fi

# The stub platform must keep building.
want builds && one "stub build" make -s PLATFORM=stub

# Fuzzing: every lib/common parser has a target (parsers.sh), and every
# target replays its seeds once (-runs=0; the timed run is .ci/run's).
if want fuzz; then
	run_tap "fuzz/parsers" sh tests/fuzz/parsers.sh
	if [ "${SANITIZE:-}" = 1 ]; then
		# the fuzzers are ASan builds in either run: replaying the same
		# seeds twice proves nothing more
		skipped "fuzz replay" "the same ASan fuzzers replay in the plain run"
	elif ! command -v clang >/dev/null 2>&1; then
		skipped "fuzz replay" "clang not installed (libFuzzer targets need it)"
	elif make -s fuzz CC=clang >"$log" 2>&1; then
		run_tap "fuzz/replay" sh tests/fuzz/replay.sh
	else
		{ echo "not ok 1 - fuzz build"; sed 's/^/# /' "$log"; echo 1..1; } > "$log.t"
		tally "fuzz build" < "$log.t"
		rm -f "$log.t"
	fi
fi

# Command tests.
if ! want bats; then
	:
elif command -v bats >/dev/null 2>&1; then
	if [ "${SANITIZE:-}" = 1 ] && [ -z "${PSKIT_CHECK_BATS:-}" ]; then
		# Wine runs the mingw .exe files, which no sanitizer builds: the
		# plain run tests those same binaries
		skipped "wine suites" "the .exe files are not sanitizer builds; the plain run covers them"
		# free_diff runs the fixtures and option sets free_golden runs
		# (procps beside pskit instead of procps' stored output): under
		# ASan the golden pass is the same pskit code on the same input
		skipped "free_diff" "free_golden runs the same inputs under ASan; the plain run compares both tools"
		# likewise iostat_diff: iostat_golden's snapshot option sets
		skipped "iostat_diff" "iostat_golden runs the same inputs under ASan; the plain run compares both tools"
		run_tap bats bats --tap $(ls tests/bats/*.bats | grep -v -e '_wine\.bats$' \
		    -e '^tests/bats/free_diff\.bats$' -e '^tests/bats/iostat_diff\.bats$')
	else
		run_tap bats bats --tap "${PSKIT_CHECK_BATS:-tests/bats}"
	fi
else
	skipped bats "bats not installed"
fi


echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
