#!/usr/bin/env bats
# ifconfig on /proc/net fixtures (tests/fixtures/ifconfig/<case>/proc: huge
# counters in every unit, the old 13-column format, malformed lines, no
# if_inet6, a real capture) in the namespace fixture_world builds.
# Golden files come from net-tools 2.10 (scripts/golden-ifconfig.sh); the
# differential test runs net-tools on the same fixture, bind-mounted over
# /proc in a private mount namespace.
# bats file_tags=netns,root

bats_require_minimum_version 1.5.0
load helper
load ifconfig_netns

setup_file() {
	export NS_F=pskit-test-$$-f
	export NETNS_SKIP
	NETNS_SKIP=$(netns_check)
	[ -z "$NETNS_SKIP" ] || return 0
	if ! fixture_world "$NS_F"; then
		netns_del "$NS_F"
		NETNS_SKIP="could not build the fixture namespace (veth, ifb)"
	fi
}

teardown_file() {
	netns_del "$NS_F"
}

setup() {
	optsets_load "$PSKIT_GOLDEN/ifconfig/optsets"
}

@test "ifconfig fixtures: --procfs output equals net-tools' golden files" {
	need_netns
	local fx case name g rc want bad=0
	for fx in "$PSKIT_FIXTURES"/ifconfig/*/proc; do
		case=$(basename "$(dirname "$fx")")
		g=$PSKIT_GOLDEN/ifconfig/$case
		[ -d "$g" ] || fail "no golden files for $case (scripts/golden-ifconfig.sh)"
		for name in "${OPTSET_NAMES[@]}"; do
			rc=0
			# shellcheck disable=SC2086
			ip netns exec "$NS_F" "$IFCONFIG" --procfs "$fx" ${OPTSET[$name]} \
			    >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err" || rc=$?
			want=0
			[ -f "$g/$name.rc" ] && want=$(<"$g/$name.rc")
			if ! cmp -s "$g/$name.out" "$BATS_TEST_TMPDIR/out" ||
			    [ "$rc" -ne "$want" ]; then
				echo "$case/$name: status $rc, golden $want"
				diff -u "$g/$name.out" "$BATS_TEST_TMPDIR/out" || true
				bad=1
			fi
			# our messages name the --procfs directory, net-tools /proc
			sed -i "s|$fx|/proc|g" "$BATS_TEST_TMPDIR/err"
			if [ -f "$g/$name.err" ] &&
			    ! cmp -s "$g/$name.err" "$BATS_TEST_TMPDIR/err"; then
				echo "$case/$name: stderr differs"
				bad=1
			fi
		done
	done
	[ "$bad" -eq 0 ]
}

@test "ifconfig fixtures: net-tools and pskit on the same bind-mounted /proc" {
	skip_fake_proc_under_asan
	need_netns
	unshare -m true 2>/dev/null || skip "unshare -m is not available"
	local fx name d=$BATS_TEST_TMPDIR bad=0 rr rs
	for fx in "$PSKIT_FIXTURES"/ifconfig/*/proc; do
		for name in "${OPTSET_NAMES[@]}"; do
			rr=0 rs=0
			# shellcheck disable=SC2086
			in_fixture "$NS_F" "$fx" "$NETTOOLS" ${OPTSET[$name]} \
			    >"$d/ref" 2>&1 || rr=$?
			# shellcheck disable=SC2086
			in_fixture "$NS_F" "$fx" "$IFCONFIG" ${OPTSET[$name]} \
			    >"$d/ours" 2>&1 || rs=$?
			if ! cmp -s "$d/ref" "$d/ours" || [ "$rr" -ne "$rs" ]; then
				echo "$fx $name: status $rs, net-tools $rr"
				diff -u "$d/ref" "$d/ours" || true
				bad=1
			fi
		done
	done
	[ "$bad" -eq 0 ]
}

@test "ifconfig fixtures: tsv counters are the fixture's numbers" {
	need_netns
	local fx=$PSKIT_FIXTURES/ifconfig/units/proc
	run ip netns exec "$NS_F" "$IFCONFIG" --procfs "$fx" -a --tsv --no-header
	assert_success
	# eth1's rx bytes/packets/errors and tx bytes, straight from the file
	local want got
	want=$(awk '$1 == "eth1:" { print $2 "\t" $3 "\t" $4 "\t" $10 }' "$fx/net/dev")
	got=$(printf '%s\n' "$output" | awk -F'\t' '$1 == "eth1" { print $11 "\t" $12 "\t" $13 "\t" $17 }')
	[ "$got" = "$want" ] || fail "tsv '$got', file '$want'"
}
