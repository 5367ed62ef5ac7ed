#!/usr/bin/env bats
# Differential test: /usr/bin/iostat (sysstat 12.6.1) and bin/iostat side by
# side on every fixture and every snapshot option set.  The reference sees
# the fixture through bind mounts inside unshare -m -u (the inner mode of
# scripts/golden-iostat.sh); bin/iostat reads it with --procfs/--sysfs.
# Outputs are cmp'ed after iostat_norm.  Needs root, unshare, faketime and
# sysstat; skips with the reason otherwise.

load helper
load iostat_lib

setup() {
	need_root
	command -v faketime >/dev/null || skip "needs faketime"
	[ -x /usr/bin/iostat ] || skip "needs sysstat's /usr/bin/iostat"
	/usr/bin/iostat -V 2>&1 | grep -q 'sysstat version 12.6.1' ||
		skip "reference is not sysstat 12.6.1"
	IOSTAT_BIN=$PSKIT_BIN/iostat
}

# diff_case CASE: both tools, every snapshot option set of CASE.
diff_case() {
	local fx=$PSKIT_FIXTURES/iostat/$1 ref=$BATS_TEST_TMPDIR/ref
	local kind name envs opts rc n=0
	local -a bad=()
	mkdir -p "$ref/out" "$ref/scratch" "$BATS_TEST_TMPDIR/t"
	IOSTAT_SNAPSHOT_ONLY=1 unshare -m -u "$PSKIT_ROOT/scripts/golden-iostat.sh" \
		--inner "$fx" "$ref/out" "$ref/scratch"
	cp -r "$fx/proc" "$fx/sys" "$BATS_TEST_TMPDIR/t/"
	export IOSTAT_SYS=$BATS_TEST_TMPDIR/t/sys
	while IFS='|' read -r kind name envs opts; do
		[ "$kind" = s ] || continue
		rc=0
		# shellcheck disable=SC2086
		iostat_env $envs "$IOSTAT_BIN" --procfs "$BATS_TEST_TMPDIR/t/proc" \
			--sysfs "$BATS_TEST_TMPDIR/t/sys" $opts \
			>"$BATS_TEST_TMPDIR/out" 2>/dev/null || rc=$?
		iostat_norm <"$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/out.n"
		n=$((n + 1))
		if ! cmp -s "$ref/out/$name.out" "$BATS_TEST_TMPDIR/out.n"; then
			bad+=("$name ($envs $opts)")
			diff -u "$ref/out/$name.out" "$BATS_TEST_TMPDIR/out.n" | head -n 20
		fi
		[ "$rc" = "$(cat "$ref/out/$name.rc" 2>/dev/null || echo 0)" ] ||
			bad+=("$name: exit status $rc")
	done < <(iostat_optsets "$fx")
	[ "$n" -gt 10 ] || fail "only $n option sets ran"
	if [ "${#bad[@]}" -gt 0 ]; then
		printf 'differs: %s\n' "${bad[@]}"
		return 1
	fi
}

@test "iostat vs sysstat 12.6.1: basic" {
	diff_case basic
}

@test "iostat vs sysstat 12.6.1: many" {
	diff_case many
}

@test "iostat vs sysstat 12.6.1: old" {
	diff_case old
}

@test "iostat vs sysstat 12.6.1: back" {
	diff_case back
}
