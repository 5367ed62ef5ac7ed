#!/usr/bin/env bats
# Golden-output tests of bin/free: every fixture x every option set.
#
# For each case (tests/fixtures/free/<case> or tests/fixtures/free-bad/<case>) and each
# golden file tests/golden/free/<case>/<optset>.out, run
#   LC_ALL=C $FREE --procfs <fixture>/proc <options of optset>
# and compare stdout with <optset>.out (cmp) and the exit status with <optset>.rc (0 when
# the file is absent). Stderr is not compared (the reference names /proc/meminfo, pskit the
# --procfs path). The golden files come from procps-ng 4.0.2: scripts/golden-free.sh.
# One @test per fixture; each reports every mismatching option set, with a diff.
#
# FREE overrides the binary under test (default: bin/free of this tree).

load helper

setup_file() {
	export FREE_BIN="${FREE:-$BATS_TEST_DIRNAME/../../bin/free}"
}

setup() {
	FREE_GOLDEN=$PSKIT_GOLDEN/free
	optsets_load "$FREE_GOLDEN/optsets"
}

# golden_case CASE: compare bin/free with every golden file of CASE.
golden_case() {
	local case=$1 fx gdir out name want_rc rc got
	local -a failures=()
	local shown=0
	fx=$(fixture_dir free "$case") || fail "no fixture directory for case '$case'"
	gdir=$FREE_GOLDEN/$case
	[ -d "$gdir" ] || fail "no golden files in $gdir (run scripts/golden-free.sh as root)"
	if [ ! -x "$FREE_BIN" ]; then
		fail "binary under test $FREE_BIN does not exist (run make, or set FREE)"
	fi
	for name in "${OPTSET_NAMES[@]}"; do
		[ -f "$gdir/$name.out" ] || failures+=("$name: golden file $gdir/$name.out missing")
	done
	for out in "$gdir"/*.out; do
		name=${out##*/}
		name=${name%.out}
		if [ -z "${OPTSET[$name]+set}" ]; then
			failures+=("$name: golden file without an entry in optsets")
			continue
		fi
		want_rc=0
		[ -f "$gdir/$name.rc" ] && want_rc=$(<"$gdir/$name.rc")
		got=$BATS_TEST_TMPDIR/$name
		rc=0
		# shellcheck disable=SC2086  # options are split on blanks on purpose
		env -i PATH="$PATH" LC_ALL=C timeout 20 "$FREE_BIN" --procfs "$fx/proc" ${OPTSET[$name]} \
			>"$got.out" 2>"$got.err" || rc=$?
		if ! cmp -s "$out" "$got.out"; then
			failures+=("$name (${OPTSET[$name]:-no options}): stdout differs")
			shown=$((shown + 1))
			if [ "$shown" -le 5 ]; then
				echo "--- $case/$name: free --procfs $fx/proc ${OPTSET[$name]}"
				diff -u --label "golden $case/$name.out" --label "bin/free" "$out" "$got.out" |
					head -n 40
				if [ -s "$got.err" ]; then
					echo "stderr:"
					head -n 5 "$got.err"
				fi
			fi
		fi
		if [ "$rc" != "$want_rc" ]; then
			failures+=("$name (${OPTSET[$name]:-no options}): exit status $rc, expected $want_rc")
		fi
	done
	if [ "${#failures[@]}" -gt 0 ]; then
		printf '%s\n' "case $case: ${#failures[@]} mismatch(es):" "${failures[@]/#/  }"
		return 1
	fi
}

@test "free golden: every fixture has golden files and a @test here" {
	local fixtures tested golden
	fixtures=$(fixture_cases free)
	tested=$(tested_cases golden_case)
	golden=$(for d in "$PSKIT_GOLDEN"/free/*/; do d=${d%/}; echo "${d##*/}"; done | LC_ALL=C sort)
	assert_equal "$tested" "$fixtures"
	assert_equal "$golden" "$fixtures"
}

@test "free golden: all-zero" {
	golden_case all-zero
}

@test "free golden: around-2p32" {
	golden_case around-2p32
}

@test "free golden: around-2p63-bytes" {
	golden_case around-2p63-bytes
}

@test "free golden: bad-dir" {
	golden_case bad-dir
}

@test "free golden: bad-empty" {
	golden_case bad-empty
}

@test "free golden: bad-missing" {
	golden_case bad-missing
}

@test "free golden: beyond-uint64" {
	golden_case beyond-uint64
}

@test "free golden: big-20kb" {
	golden_case big-20kb
}

@test "free golden: keys-past-8191" {
	golden_case keys-past-8191
}

@test "free golden: crlf" {
	golden_case crlf
}

@test "free golden: duplicate-keys" {
	golden_case duplicate-keys
}

@test "free golden: f1" {
	golden_case f1
}

@test "free golden: f2" {
	golden_case f2
}

@test "free golden: f3" {
	golden_case f3
}

@test "free golden: f4" {
	golden_case f4
}

@test "free golden: f5" {
	golden_case f5
}

@test "free golden: garbage-lines" {
	golden_case garbage-lines
}

@test "free golden: h-bin-float" {
	golden_case h-bin-float
}

@test "free golden: h-bin-gtp" {
	golden_case h-bin-gtp
}

@test "free golden: h-bin-k" {
	golden_case h-bin-k
}

@test "free golden: h-bin-m" {
	golden_case h-bin-m
}

@test "free golden: h-boundaries" {
	golden_case h-boundaries
}

@test "free golden: h-si-gtp" {
	golden_case h-si-gtp
}

@test "free golden: h-si-km" {
	golden_case h-si-km
}

@test "free golden: host-1tib" {
	golden_case host-1tib
}

@test "free golden: host-64tib" {
	golden_case host-64tib
}

@test "free golden: inconsistent" {
	golden_case inconsistent
}

@test "free golden: kernel-2.6.18" {
	golden_case kernel-2.6.18
}

@test "free golden: kernel-3.2" {
	golden_case kernel-3.2
}

@test "free golden: live-capture" {
	golden_case live-capture
}

@test "free golden: lxcfs-memtotal-0" {
	golden_case lxcfs-memtotal-0
}

@test "free golden: no-kb-unit" {
	golden_case no-kb-unit
}

@test "free golden: no-swap" {
	golden_case no-swap
}

@test "free golden: no-trailing-newline" {
	golden_case no-trailing-newline
}

@test "free golden: nul-byte" {
	golden_case nul-byte
}

@test "free golden: only-memtotal" {
	golden_case only-memtotal
}

@test "free golden: signed-values" {
	golden_case signed-values
}

@test "free golden: swap-full" {
	golden_case swap-full
}

@test "free golden: swap-keys-absent" {
	golden_case swap-keys-absent
}

@test "free golden: tabs" {
	golden_case tabs
}

@test "free golden: uint64-max" {
	golden_case uint64-max
}

@test "free golden: value-on-next-line" {
	golden_case value-on-next-line
}
