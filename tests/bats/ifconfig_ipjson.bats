#!/usr/bin/env bats
# ifconfig --json against `ip -j -s addr`: every key path both print has
# ip's type and value (flags an array of ip's names, operstate "UP",
# stats64.rx.over_errors and tx.carrier_errors from IFLA_STATS64), in a
# network namespace of this test with a quiet veth pair.
# bats file_tags=netns,root

bats_require_minimum_version 1.5.0
load helper
load ifconfig_netns

# Every path of ours that ip also has: same JSON type, and for scalars
# and the flags array the same value.  Prints each difference.
CMP='
def leaf: type != "object" and type != "array";
$ours[0] as $o | $ip[0] as $r |
[ $o | paths ] | map(select(. as $p | ($r | try getpath($p) catch null) != null)) |
map(. as $p | ($o | getpath($p)) as $a | ($r | getpath($p)) as $b |
    if ($a | type) != ($b | type) then "\($p | join(".")): type \($a | type), ip \($b | type)"
    elif (($a | leaf) or $p == ["flags"]) and $a != $b then "\($p | join(".")): \($a), ip \($b)"
    else empty end) | .[]'

# shared_paths NS IFNAME: how many key paths the two share (for the test
# to know it compared something), after the comparison passed.
compare_ip() {
	local ns=$1 ifn=$2 try d=$BATS_TEST_TMPDIR
	for try in 1 2 3 4 5; do
		ip netns exec "$ns" "$IFCONFIG" --json "$ifn" > "$d/ours" || return 1
		ip -n "$ns" -j -s addr show dev "$ifn" > "$d/ip" || return 1
		jq -rn --slurpfile ours "$d/ours" --slurpfile ip "$d/ip" \
			"$CMP" > "$d/diff" || return 1
		[ -s "$d/diff" ] || return 0
		sleep 0.2	# a stray packet between the two reads
	done
	echo "ifconfig --json $ifn differs from ip -j -s addr:"
	cat "$d/diff"
	return 1
}

setup_file() {
	NETNS_SKIP=$(netns_check)
	export NETNS_SKIP
	[ -z "$NETNS_SKIP" ] || return 0
	NS_J=pskit-ipj-$$
	export NS_J
	ip netns add "$NS_J" || { NETNS_SKIP="ip netns add failed"; return 0; }
	# no IPv6: no router solicitations or DAD moving the counters
	ip netns exec "$NS_J" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	ip netns exec "$NS_J" sysctl -qw net.ipv6.conf.default.disable_ipv6=1
	ip -n "$NS_J" link add vj0 address 02:00:00:00:00:1a type veth \
		peer name vj1 address 02:00:00:00:00:1b
	ip -n "$NS_J" addr add 10.66.0.1/24 dev vj0
	ip -n "$NS_J" link set vj0 up
	ip -n "$NS_J" link set vj1 up
	ip -n "$NS_J" link set lo up
	# a few packets on lo, so its counters are not all zero
	ip netns exec "$NS_J" bash -c 'for i in 1 2 3; do echo x > /dev/udp/127.0.0.1/9; done'

}

teardown_file() {
	[ -z "${NS_J:-}" ] || netns_del "$NS_J"
}

@test "ifconfig ipjson: every key path shared with ip -j -s addr has ip's type and value" {
	need_netns
	local ifn
	for ifn in vj0 vj1 lo; do
		compare_ip "$NS_J" "$ifn"
	done
	# the keys the issue names are there, in ip's shape
	run ip netns exec "$NS_J" "$IFCONFIG" --json vj0
	assert_success
	jq -e '.[0] | (.flags | type) == "array" and .operstate == "UP" and
	    (.stats64.rx.over_errors | type) == "number" and
	    (.stats64.tx.carrier_errors | type) == "number" and
	    (.nettools_flags | test("RUNNING"))' <<< "$output" >/dev/null ||
		fail "shape: $output"
	# and the comparison covers them
	jq -rn --argjson o "$output" '$o[0] | [paths | join(".")] | .[]' > "$BATS_TEST_TMPDIR/paths"
	ip -n "$NS_J" -j -s addr show dev vj0 | jq -r '.[0] | [paths | join(".")] | .[]' |
		grep -Fxf "$BATS_TEST_TMPDIR/paths" > "$BATS_TEST_TMPDIR/shared"
	local k
	for k in flags operstate stats64.rx.over_errors stats64.tx.carrier_errors \
	    stats64.rx.bytes mtu ifindex address addr_info.0.local; do
		grep -qFx "$k" "$BATS_TEST_TMPDIR/shared" || fail "$k not shared with ip"
	done
}

@test "ifconfig ipjson: a down link: flags and operstate as ip prints them" {
	need_netns
	ip -n "$NS_J" link set vj1 down
	compare_ip "$NS_J" vj1
	compare_ip "$NS_J" vj0	# NO-CARRIER, LOWERLAYERDOWN
	ip -n "$NS_J" link set vj1 up
}

@test "ifconfig ipjson: tsv flattens the nested keys with _" {
	need_netns
	run ip netns exec "$NS_J" "$IFCONFIG" --tsv vj0
	assert_success
	local head=${lines[0]} row=${lines[1]}
	run python3 -c '
import sys
h, r = sys.argv[1].split("\t"), sys.argv[2].split("\t")
d = dict(zip(h, r))
print(d["flags"], d["operstate"], d["stats64_rx_over_errors"], d["stats64_tx_carrier_errors"])' "$head" "$row"
	assert_success
	local want
	want=$(ip -n "$NS_J" -j -s addr show dev vj0 | jq -r '.[0] |
	    "\(.flags | join(",")) \(.operstate) \(.stats64.rx.over_errors) \(.stats64.tx.carrier_errors)"')
	assert_output "$want"
}

@test "ifconfig ipjson: netlink counters are null on a --procfs tree" {
	local d
	d=$(ls -d "$PSKIT_FIXTURES"/ifconfig/*/proc | head -1)
	[ -n "$d" ] || skip "no ifconfig fixture"
	run "$IFCONFIG" --procfs "$d" -a --json
	assert_success
	jq -e 'length > 0 and all(.[]; .stats64 == null or
	    (.stats64.rx.over_errors == null and .stats64.tx.carrier_errors == null))' \
		<<< "$output" >/dev/null || fail "$output"
}
