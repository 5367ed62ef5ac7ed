#!/usr/bin/env bats
# Golden-output tests of bin/iostat: every fixture x every option set.
#
# For each case tests/fixtures/iostat/<case> and each option set (see
# tests/bats/iostat_lib.bash, iostat_optsets), run
#   LC_ALL=C TZ=UTC faketime -f '@2024-01-15 10:20:30' \
#       bin/iostat --procfs <copy>/proc --sysfs <copy>/sys <options>
# on a scratch copy of the fixture (interval sets: <case>/next copied over
# it 0.5 s after the start) and cmp its stdout, with the banner's release
# and host name normalised, against tests/golden/iostat/<case>/<set>.out
# (from sysstat 12.6.1: scripts/golden-iostat.sh); exit status against
# <set>.rc, and stderr against <set>.err where the reference printed one.

load helper
load iostat_lib

setup_file() {
	export IOSTAT_BIN="${IOSTAT:-$BATS_TEST_DIRNAME/../../bin/iostat}"
}

setup() {
	command -v faketime >/dev/null ||
		skip "needs faketime (banner date and -t timestamps)"
	[ -x "$IOSTAT_BIN" ] || fail "no $IOSTAT_BIN (run make)"
}

# run_set FIXTURE KIND ENVS OPTS OUTDIR: bin/iostat on a copy of FIXTURE.
run_set() {
	local fx=$1 kind=$2 envs=$3 opts=$4 o=$5 rc=0 pid p
	rm -rf "$o/t"
	mkdir -p "$o/t"
	cp -r "$fx/proc" "$fx/sys" "$o/t/"
	export IOSTAT_SYS=$o/t/sys
	if [ "$kind" = i ]; then
		# shellcheck disable=SC2086
		iostat_env $envs "$IOSTAT_BIN" --procfs "$o/t/proc" \
			--sysfs "$o/t/sys" $opts >"$o/out" 2>"$o/err" &
		pid=$!
		sleep 0.5
		cp -r "$fx/next/." "$o/t/"
		if [ -f "$fx/next.remove" ]; then
			while read -r p; do rm -rf "${o:?}/t/$p"; done <"$fx/next.remove"
		fi
		wait "$pid" || rc=$?
	else
		# shellcheck disable=SC2086
		iostat_env $envs "$IOSTAT_BIN" --procfs "$o/t/proc" \
			--sysfs "$o/t/sys" $opts >"$o/out" 2>"$o/err" || rc=$?
	fi
	iostat_norm <"$o/out" >"$o/out.n"
	sed "s|$IOSTAT_BIN|iostat|g" "$o/err" >"$o/err.n"
	echo "$rc" >"$o/rc"
}

# golden_case CASE [KIND]: every option set of CASE (of one kind).
golden_case() {
	local case=$1 only=${2:-} fx=$PSKIT_FIXTURES/iostat/$1
	local g=$PSKIT_GOLDEN/iostat/$1 o=$BATS_TEST_TMPDIR
	local kind name envs opts want_rc n=0
	local -a bad=()
	while IFS='|' read -r kind name envs opts; do
		[ -z "$only" ] || [ "$kind" = "$only" ] || continue
		[ -f "$g/$name.out" ] || { bad+=("$name: no golden file"); continue; }
		run_set "$fx" "$kind" "$envs" "$opts" "$o"
		n=$((n + 1))
		want_rc=0
		[ -f "$g/$name.rc" ] && want_rc=$(<"$g/$name.rc")
		if ! cmp -s "$g/$name.out" "$o/out.n"; then
			bad+=("$name ($envs $opts): stdout differs")
			diff -u "$g/$name.out" "$o/out.n" | head -n 20
		fi
		[ "$(<"$o/rc")" = "$want_rc" ] ||
			bad+=("$name: exit $(<"$o/rc"), want $want_rc")
		if [ -f "$g/$name.err" ] && ! cmp -s "$g/$name.err" "$o/err.n"; then
			bad+=("$name: stderr differs")
			diff -u "$g/$name.err" "$o/err.n" | head -n 10
		fi
	done < <(iostat_optsets "$fx")
	[ "$n" -gt 0 ] || fail "no option sets ran for $case"
	if [ "${#bad[@]}" -gt 0 ]; then
		printf '%s\n' "${bad[@]}"
		return 1
	fi
}

@test "iostat golden: basic (sda, sda1, unused dm-0)" {
	golden_case basic s
}

@test "iostat golden: many (nvme, 16-char name, old layouts, wraps)" {
	golden_case many s
}

@test "iostat golden: old (14-field diskstats, 7-field partitions)" {
	golden_case old s
}

@test "iostat golden: back (counters going backwards)" {
	golden_case back s
}

@test "iostat golden: basic interval samples (files rewritten)" {
	golden_case basic i
}

@test "iostat golden: back interval samples (idle and counters backwards)" {
	golden_case back i
}

@test "iostat golden: every fixture has golden files" {
	local p c
	for p in "$PSKIT_FIXTURES"/iostat/*/proc; do
		c=${p%/proc}
		c=${c##*/}
		[ -f "$PSKIT_GOLDEN/iostat/$c/default.out" ] ||
			fail "fixture $c has no golden files (run scripts/golden-iostat.sh)"
		grep -q "golden_case $c " "$BATS_TEST_FILENAME" ||
			fail "fixture $c is not tested here"
	done
}
