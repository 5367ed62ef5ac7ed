#!/usr/bin/env bats
# Differential tests of bin/free against the reference free (procps-ng 4.0.2).
#
# As root, inside a private mount namespace (unshare -m), each fixture is bind-mounted over
# the real path: <fixture>/proc/meminfo over /proc/meminfo, or <fixture>/proc over /proc when
# the fixture has no regular meminfo file. Then /usr/bin/free and bin/free both read
# /proc/meminfo (no --procfs) with LC_ALL=C, for every option set of
# tests/golden/free/optsets (the list scripts/golden-free.sh uses). Compared: stdout (cmp),
# exit status, and whether stderr is empty (the texts differ: program name, wording).
# Without root or mount namespaces every test is skipped with the reason.
#
# FREE overrides the binary under test (default: bin/free); REF_FREE the reference.

load helper

setup_file() {
	export FREE_BIN="${FREE:-$PSKIT_BIN/free}"
	export REF_FREE="${REF_FREE:-/usr/bin/free}"
	REF_VERSION=$(LC_ALL=C "$REF_FREE" -V 2>&1) || true
	export REF_VERSION
}

setup() {
	FREE_OPTSETS=$PSKIT_GOLDEN/free/optsets
	optsets_load "$FREE_OPTSETS"
}

# Runs inside `unshare -m`: $1 fixture proc dir, $2 output dir, $3 reference, $4 pskit
# free, $5 option-set file. Writes $2/{ref,pskit}/NAME.{out,err,rc}.
NS_SCRIPT='
set -u
procdir=$1 outdir=$2 ref=$3 mine=$4 optsets=$5
if [ -f "$procdir/meminfo" ] && [ ! -L "$procdir/meminfo" ]; then
	mount --bind "$procdir/meminfo" /proc/meminfo || exit 90
	cmp -s "$procdir/meminfo" /proc/meminfo || exit 91
else
	mount --bind "$procdir" /proc || exit 92
	[ ! -d /proc/self ] || exit 93
fi
mkdir -p "$outdir/ref" "$outdir/pskit"
while read -r name opts; do
	case $name in ""|"#"*) continue ;; esac
	for side in ref pskit; do
		bin=$ref; [ "$side" = pskit ] && bin=$mine
		rc=0
		env -i PATH="$PATH" LC_ALL=C timeout 20 "$bin" $opts \
			>"$outdir/$side/$name.out" 2>"$outdir/$side/$name.err" || rc=$?
		echo "$rc" >"$outdir/$side/$name.rc"
	done
done <"$optsets"
'

# diff_case CASE: run both tools on CASE with every option set and report all mismatches.
diff_case() {
	local case=$1 fx name r p re pe
	local -a failures=()
	local shown=0
	need_root
	[ -x "$REF_FREE" ] || skip "reference $REF_FREE not installed (procps)"
	[ "$REF_VERSION" = "free from procps-ng 4.0.2" ] ||
		skip "reference is '$REF_VERSION', not procps-ng 4.0.2"
	fx=$(fixture_dir free "$case") || fail "no fixture directory for case '$case'"
	[ -x "$FREE_BIN" ] || fail "binary under test $FREE_BIN does not exist (run make, or set FREE)"
	run unshare -m --propagation private -- bash -c "$NS_SCRIPT" ns "$fx/proc" \
		"$BATS_TEST_TMPDIR" "$REF_FREE" "$FREE_BIN" "$FREE_OPTSETS"
	assert_success
	for name in "${OPTSET_NAMES[@]}"; do
		r=$BATS_TEST_TMPDIR/ref/$name
		p=$BATS_TEST_TMPDIR/pskit/$name
		if ! cmp -s "$r.out" "$p.out"; then
			failures+=("$name (${OPTSET[$name]:-no options}): stdout differs")
			shown=$((shown + 1))
			if [ "$shown" -le 5 ]; then
				echo "--- $case/$name: free ${OPTSET[$name]}"
				diff -u --label "/usr/bin/free" --label "bin/free" "$r.out" "$p.out" | head -n 40
			fi
		fi
		if [ "$(<"$r.rc")" != "$(<"$p.rc")" ]; then
			failures+=("$name (${OPTSET[$name]:-no options}): exit status $(<"$p.rc"), reference $(<"$r.rc")")
		fi
		if [ -s "$r.err" ]; then re=nonempty; else re=empty; fi
		if [ -s "$p.err" ]; then pe=nonempty; else pe=empty; fi
		if [ "$re" != "$pe" ]; then
			failures+=("$name (${OPTSET[$name]:-no options}): stderr $pe, reference stderr $re")
		fi
	done
	if [ "${#failures[@]}" -gt 0 ]; then
		printf '%s\n' "case $case: ${#failures[@]} mismatch(es):" "${failures[@]/#/  }"
		return 1
	fi
}

@test "free diff: every fixture has a @test here" {
	assert_equal "$(tested_cases diff_case)" "$(fixture_cases free)"
}

# bats test_tags=root
@test "free diff: all-zero" {
	diff_case all-zero
}

# bats test_tags=root
@test "free diff: around-2p32" {
	diff_case around-2p32
}

# bats test_tags=root
@test "free diff: around-2p63-bytes" {
	diff_case around-2p63-bytes
}

# bats test_tags=root
@test "free diff: bad-dir" {
	diff_case bad-dir
}

# bats test_tags=root
@test "free diff: bad-empty" {
	diff_case bad-empty
}

# bats test_tags=root
@test "free diff: bad-missing" {
	diff_case bad-missing
}

# bats test_tags=root
@test "free diff: beyond-uint64" {
	diff_case beyond-uint64
}

# bats test_tags=root
@test "free diff: big-20kb" {
	diff_case big-20kb
}

@test "free diff: keys-past-8191" {
	diff_case keys-past-8191
}

# bats test_tags=root
@test "free diff: crlf" {
	diff_case crlf
}

# bats test_tags=root
@test "free diff: duplicate-keys" {
	diff_case duplicate-keys
}

# bats test_tags=root
@test "free diff: f1" {
	diff_case f1
}

# bats test_tags=root
@test "free diff: f2" {
	diff_case f2
}

# bats test_tags=root
@test "free diff: f3" {
	diff_case f3
}

# bats test_tags=root
@test "free diff: f4" {
	diff_case f4
}

# bats test_tags=root
@test "free diff: f5" {
	diff_case f5
}

# bats test_tags=root
@test "free diff: garbage-lines" {
	diff_case garbage-lines
}

# bats test_tags=root
@test "free diff: h-bin-float" {
	diff_case h-bin-float
}

# bats test_tags=root
@test "free diff: h-bin-gtp" {
	diff_case h-bin-gtp
}

# bats test_tags=root
@test "free diff: h-bin-k" {
	diff_case h-bin-k
}

# bats test_tags=root
@test "free diff: h-bin-m" {
	diff_case h-bin-m
}

# bats test_tags=root
@test "free diff: h-boundaries" {
	diff_case h-boundaries
}

# bats test_tags=root
@test "free diff: h-si-gtp" {
	diff_case h-si-gtp
}

# bats test_tags=root
@test "free diff: h-si-km" {
	diff_case h-si-km
}

# bats test_tags=root
@test "free diff: host-1tib" {
	diff_case host-1tib
}

# bats test_tags=root
@test "free diff: host-64tib" {
	diff_case host-64tib
}

# bats test_tags=root
@test "free diff: inconsistent" {
	diff_case inconsistent
}

# bats test_tags=root
@test "free diff: kernel-2.6.18" {
	diff_case kernel-2.6.18
}

# bats test_tags=root
@test "free diff: kernel-3.2" {
	diff_case kernel-3.2
}

# bats test_tags=root
@test "free diff: live-capture" {
	diff_case live-capture
}

# bats test_tags=root
@test "free diff: lxcfs-memtotal-0" {
	diff_case lxcfs-memtotal-0
}

# bats test_tags=root
@test "free diff: no-kb-unit" {
	diff_case no-kb-unit
}

# bats test_tags=root
@test "free diff: no-swap" {
	diff_case no-swap
}

# bats test_tags=root
@test "free diff: no-trailing-newline" {
	diff_case no-trailing-newline
}

# bats test_tags=root
@test "free diff: nul-byte" {
	diff_case nul-byte
}

# bats test_tags=root
@test "free diff: only-memtotal" {
	diff_case only-memtotal
}

# bats test_tags=root
@test "free diff: signed-values" {
	diff_case signed-values
}

# bats test_tags=root
@test "free diff: swap-full" {
	diff_case swap-full
}

# bats test_tags=root
@test "free diff: swap-keys-absent" {
	diff_case swap-keys-absent
}

# bats test_tags=root
@test "free diff: tabs" {
	diff_case tabs
}

# bats test_tags=root
@test "free diff: uint64-max" {
	diff_case uint64-max
}

# bats test_tags=root
@test "free diff: value-on-next-line" {
	diff_case value-on-next-line
}
