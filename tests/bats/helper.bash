# Shared setup for the pskit bats suites: load it with `load helper`.
# bats-core 1.8.2 with the Debian bats-support and bats-assert packages.

load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

# Repository root and the directory of the binaries under test.
PSKIT_ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
PSKIT_BIN=$PSKIT_ROOT/bin
PSKIT_FIXTURES=$PSKIT_ROOT/tests/fixtures
PSKIT_GOLDEN=$PSKIT_ROOT/tests/golden
export PSKIT_ROOT PSKIT_BIN PSKIT_FIXTURES PSKIT_GOLDEN

# need_root: skip the current test, with the reason, unless we are root and may create
# a private mount namespace (unshare -m).
need_root() {
	if [ "$(id -u)" -ne 0 ]; then
		skip "needs root (bind mounts inside unshare -m)"
	fi
	if ! command -v unshare >/dev/null 2>&1; then
		skip "needs unshare(1) from util-linux"
	fi
	if ! unshare -m true 2>/dev/null; then
		skip "unshare -m failed: mount namespaces are not available here"
	fi
}

# optsets_load FILE: read an option-set list (lines "NAME OPTIONS...", '#' comments and
# blank lines ignored) into the associative array OPTSET (NAME -> options) and the array
# OPTSET_NAMES (file order).
optsets_load() {
	local name opts
	declare -gA OPTSET=()
	declare -ga OPTSET_NAMES=()
	while read -r name opts; do
		case $name in '' | '#'*) continue ;; esac
		OPTSET[$name]=$opts
		OPTSET_NAMES+=("$name")
	done <"$1"
}

# fixture_dir TOOL CASE: print the fixture directory of CASE (the directory that holds
# proc/), looking in tests/fixtures/TOOL then tests/fixtures/TOOL-bad; fail if neither.
fixture_dir() {
	local d
	for d in "$PSKIT_FIXTURES/$1/$2" "$PSKIT_FIXTURES/$1-bad/$2"; do
		if [ -d "$d/proc" ]; then
			printf '%s\n' "$d"
			return 0
		fi
	done
	return 1
}

# fixture_cases TOOL: print every case name of tests/fixtures/TOOL and TOOL-bad, sorted.
fixture_cases() {
	local p
	for p in "$PSKIT_FIXTURES/$1"/*/proc "$PSKIT_FIXTURES/$1-bad"/*/proc; do
		[ -d "$p" ] || continue
		p=${p%/proc}
		printf '%s\n' "${p##*/}"
	done | LC_ALL=C sort
}

# tested_cases FUNC: print the case names this .bats file passes to FUNC in its @test
# bodies (lines of the form `FUNC CASE`), sorted, so a suite can check it covers every
# fixture.
tested_cases() {
	sed -n "s/^[[:space:]]*$1[[:space:]]\{1,\}\([^[:space:]]\{1,\}\)[[:space:]]*\$/\1/p" \
		"$BATS_TEST_FILENAME" | LC_ALL=C sort
}

# skip_fake_proc_under_asan: tests that bind-mount a fixture over /proc
# cannot run ASan binaries (the runtime reads /proc/self); say so.
skip_fake_proc_under_asan() {
	if [ "${SANITIZE:-}" = 1 ]; then
		skip "ASan binaries need the real /proc/self (fixture mounted over /proc)"
	fi
}
