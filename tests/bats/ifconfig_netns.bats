#!/usr/bin/env bats
# ifconfig against net-tools 2.10 in a world of our own: two network
# namespaces with veths (fixed MACs), aliases, secondaries, IPv6, tun,
# tap, bridge, macvlan, down links, promisc/allmulti/noarp/dynamic flags,
# mtu changes and odd names.  Every text view is compared with cmp.
# bats file_tags=netns,root

bats_require_minimum_version 1.5.0
load helper
load ifconfig_netns

build_world() {
	local a=$NS_A b=$NS_B ns
	ip netns add "$b" || return 1
	# fewer stray packets: no router solicitations, no DAD probes
	for ns in "$a" "$b"; do
		ip netns exec "$ns" sysctl -qw \
		    net.ipv6.conf.default.router_solicitations=0 \
		    net.ipv6.conf.default.accept_dad=0 2>/dev/null || true
	done
	ip -n "$a" link set lo up
	ip link add veth_a netns "$a" address 02:00:00:00:00:0a type veth \
	    peer name veth_b netns "$b" address 02:00:00:00:00:0b || return 1
	ip -n "$a" link set veth_a mtu 1400 up
	ip -n "$b" link set veth_b up
	ip -n "$a" addr add 10.99.0.1/24 dev veth_a
	ip -n "$a" addr add 10.99.0.2/24 dev veth_a		# secondary
	ip -n "$a" addr add 10.99.0.11/24 brd + dev veth_a label veth_a:1
	ip -n "$a" addr add 10.99.0.12/24 brd + dev veth_a label veth_a:10
	ip -n "$a" addr add 10.99.0.13/24 brd + dev veth_a label veth_a:2
	ip -n "$a" addr add fd99::1/64 dev veth_a nodad
	ip -n "$a" link add vc10 address 02:00:00:00:00:10 type veth \
	    peer name vc2 address 02:00:00:00:00:02
	ip -n "$a" link set vc2 promisc on allmulticast on arp off
	ip -n "$a" link set vc10 dynamic on mtu 9000 up
	ip -n "$a" tuntap add dev tun0 mode tun
	ip -n "$a" link set tun0 up
	ip -n "$a" addr add 10.98.0.1 peer 10.98.0.2/32 dev tun0
	ip -n "$a" tuntap add dev tap0 mode tap
	ip -n "$a" link set tap0 address 02:00:00:00:00:aa promisc on
	ip -n "$a" link add br0 address 02:00:00:00:00:bb type bridge
	ip -n "$a" link set br0 up
	ip -n "$a" addr add 10.97.0.1/16 brd + dev br0
	ip -n "$a" link add link veth_a name mv0 address 02:00:00:00:00:cc \
	    type macvlan mode bridge
	ip -n "$a" link add abcdefghijklmno address 02:00:00:00:00:dd \
	    type veth peer name x.y-z@w address 02:00:00:00:00:ee
	ip -n "$a" link set x.y-z@w up
	# vxlan where the kernel has it: ALLMULTI and NOARP, "ABMO"
	if ip -n "$a" link add vx0 address 02:00:00:00:00:f0 type vxlan id 42 \
	    dstport 4789 dev veth_a 2>/dev/null; then
		ip -n "$a" link set vx0 allmulticast on arp off up
	fi
}

setup_file() {
	export NS_A=pskit-test-$$-a NS_B=pskit-test-$$-b
	export NETNS_SKIP
	NETNS_SKIP=$(netns_check)
	[ -z "$NETNS_SKIP" ] || return 0
	ip netns add "$NS_A" || { NETNS_SKIP="ip netns add failed"; return 0; }
	if ! build_world; then
		netns_del "$NS_A" "$NS_B"
		NETNS_SKIP="could not build the test namespaces (veth, tun...)"
	fi
}

teardown_file() {
	netns_del "$NS_A" "$NS_B" "$NS_A-many" "$NS_A-ctl"
}

@test "ifconfig netns: the list views match net-tools byte for byte" {
	need_netns
	local args
	for args in "" "-a" "-s" "-a -s" "-s -a" "-v" "-v -a -s"; do
		# shellcheck disable=SC2086
		same_as_nettools "$NS_A" $args
	done
	same_as_nettools "$NS_B" -a
	same_as_nettools "$NS_B"
}

@test "ifconfig netns: every name, alias and unknown name matches net-tools" {
	need_netns
	local names name
	names=$(ip -n "$NS_A" -o link show | awk -F': ' '{ sub(/@.*/, "", $2); print $2 }')
	[ -n "$names" ]
	for name in $names veth_a:1 veth_a:2 veth_a:10 veth_a:9 nosuch \
	    abcdefghijklmnopqrs lo:0 "x.y-z@w"; do
		same_as_nettools "$NS_A" "$name"
		same_as_nettools "$NS_A" -s "$name"
		same_as_nettools "$NS_A" -a -v "$name"
	done
}

@test "ifconfig netns: -A shows every IPv4 address of each label" {
	need_netns
	run ip netns exec "$NS_A" "$IFCONFIG" -A veth_a
	assert_success
	local want got
	want=$(ip -n "$NS_A" -o -4 addr show dev veth_a label veth_a |
	    awk '{ sub(/\/.*/, "", $4); print $4 }')
	got=$(printf '%s\n' "$output" | awk '$1 == "inet" { print $2 }')
	[ "$got" = "$want" ] || fail "inet lines '$got', ip says '$want'"
	[ "$(printf '%s\n' "$want" | wc -l)" -ge 2 ]
	# without -A, the first one only, as net-tools
	same_as_nettools "$NS_A" veth_a
}

@test "ifconfig netns: -A changes nothing where there is one address" {
	need_netns
	local try extra d=$BATS_TEST_TMPDIR
	# the only difference: the secondary address of veth_a.  Counters
	# move when a stray packet lands between the two runs: retry, as
	# same_as_nettools does.
	for try in 1 2 3 4 5; do
		ip netns exec "$NS_A" "$IFCONFIG" -a -A >"$d/ours"
		ip netns exec "$NS_A" "$NETTOOLS" -a >"$d/ref"
		extra=$(diff "$d/ref" "$d/ours" |
		    awk '/^[<>]/ && !/^> *inet 10\.99\.0\.2 /')
		[ -n "$extra" ] || break
		sleep 0.2
	done
	[ -z "$extra" ] || fail "unexpected difference: $extra"
	grep -q '^ *inet 10\.99\.0\.2 ' "$d/ours" || fail "-A lost the secondary address"
}

# ps_normal: psutil's ifconfig.py text without the stats lines (ours add
# operstate and carrier and say "unknown" for a speed psutil prints as 0)
# and without psutil's IPv4 broadcast that merely repeats the address
# (glibc's getifaddrs puts the address there when there is no broadcast).
ps_normal() {
	awk '/^    stats / { next }
	    /^    IPv4 address/ { last = $NF }
	    /^         broadcast : / && $NF == last { next }
	    { print }'
}

@test "ifconfig netns: -P prints what psutil's ifconfig.py prints" {
	need_netns
	[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import psutil' 2>/dev/null ||
	    skip "needs Debian's python3-psutil"
	# psutil's scripts are not copied into the project: CI and developers
	# keep them beside the repository, in ../shared/tools
	local script=$PSKIT_ROOT/../shared/tools/psutil-5.9.4-scripts/ifconfig.py
	[ -f "$script" ] || skip "needs psutil 5.9.4's scripts/ifconfig.py at ../shared/tools/psutil-5.9.4-scripts/ beside the repository (not found: $script)"
	local try d=$BATS_TEST_TMPDIR
	for try in 1 2 3 4 5; do
		ip netns exec "$NS_A" /usr/bin/python3 "$script" | ps_normal >"$d/ref"
		ip netns exec "$NS_A" "$IFCONFIG" -P | ps_normal >"$d/ours"
		cmp -s "$d/ref" "$d/ours" && break
		sleep 0.2
	done
	diff -u "$d/ref" "$d/ours" || fail "-P differs from psutil's ifconfig.py"
}

@test "ifconfig netns: link speed and duplex agree with psutil" {
	need_netns
	[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import psutil' 2>/dev/null ||
	    skip "needs Debian's python3-psutil"
	local ref ours
	# psutil's 0 and NIC_DUPLEX_UNKNOWN are our unknown
	run ip netns exec "$NS_A" /usr/bin/python3 -c '
import psutil
for n, s in sorted(psutil.net_if_stats().items()):
    d = {2: "full", 1: "half"}.get(int(s.duplex), "\\N")
    print("%s\t%s\t%s" % (n, s.speed or "\\N", d))'
	assert_success
	ref=$output
	run ip netns exec "$NS_A" "$IFCONFIG" -a --tsv --no-header
	assert_success
	ours=$(printf '%s\n' "$output" | cut -f1,24,25 | grep -v ':' | sort)
	[ "$ours" = "$ref" ] || fail "speed/duplex differ: ours $ours, psutil $ref"
}

@test "ifconfig netns: tsv, json and prom are well formed" {
	need_netns
	local n
	n=$(ip netns exec "$NS_A" "$NETTOOLS" -a -s | tail -n +2 | wc -l)
	run ip netns exec "$NS_A" "$IFCONFIG" -a -o tsv
	assert_success
	[ "$(printf '%s\n' "$output" | wc -l)" -eq $((n + 1)) ]
	printf '%s\n' "$output" | awk -F'\t' 'NR == 1 { nf = NF } NF != nf { exit 1 }' ||
	    fail "ragged tsv"
	run ip netns exec "$NS_A" "$IFCONFIG" -a --json
	assert_success
	[ "$(printf '%s\n' "$output" | jq length)" -eq "$n" ]
	[ "$(printf '%s\n' "$output" | jq -r '.[] | select(.ifname == "veth_a") | .ipv4')" = "10.99.0.1/24,10.99.0.2/24" ]
	run ip netns exec "$NS_A" "$IFCONFIG" -a -o PROM
	assert_success
	if printf '%s\n' "$output" | grep -v '^#' |
	    grep -Ev '^pskit_ifconfig_[a-z_]+(\{ifname="[^"]*"\})? [0-9.]+$'; then
		fail "bad prom line (above)"
	fi
	printf '%s\n' "$output" | grep -q '^pskit_ifconfig_receive_bytes_total{ifname="veth_a"} '
	if command -v promtool >/dev/null; then
		printf '%s\n' "$output" | promtool check metrics ||
		    fail "promtool rejects the prom output"
	fi
}

@test "ifconfig netns: -w writes the report atomically" {
	need_netns
	run ip netns exec "$NS_A" "$IFCONFIG" -a --json -w "$BATS_TEST_TMPDIR/out.json"
	assert_success
	[ -z "$output" ]
	jq -e 'length > 5' "$BATS_TEST_TMPDIR/out.json"
}

@test "ifconfig netns: names missing from the namespace are skipped, not fatal" {
	need_netns
	# the fixture lists eth0 and eth1, which this namespace does not have:
	# as if they vanished between /proc/net/dev and the ioctls
	run --separate-stderr ip netns exec "$NS_A" "$IFCONFIG" -a \
	    --procfs "$PSKIT_FIXTURES/ifconfig/units/proc"
	assert_success
	[ -z "$stderr" ]
	assert_output --partial "lo: flags="
	refute_output --partial "eth0"
	run ip netns exec "$NS_A" "$IFCONFIG" -a -s --tsv \
	    --procfs "$PSKIT_FIXTURES/ifconfig/units/proc"
	assert_success
}

@test "ifconfig netns: 200 interfaces, in net-tools' order" {
	need_netns
	local ns=$NS_A-many i
	ip netns add "$ns"
	for ((i = 0; i < 100; i++)); do
		echo "link add e$i type veth peer name f$i"
	done | ip -n "$ns" -batch -
	# down links carry no traffic, so the counters hold still
	same_as_nettools "$ns" -a
	same_as_nettools "$ns" -a -s
	same_as_nettools "$ns" f99
	run ip netns exec "$ns" "$IFCONFIG" -a --json
	assert_success
	[ "$(printf '%s\n' "$output" | jq length)" -eq 201 ]
	netns_del "$ns"
}

@test "ifconfig netns: control characters in names are escaped in text" {
	need_netns
	local ns=$NS_A-ctl
	ip netns add "$ns"
	ip -n "$ns" link add $'a\x01b' type veth peer name $'c\x1bd' ||
	    { netns_del "$ns"; skip "the kernel refused the names"; }
	run ip netns exec "$ns" "$IFCONFIG" -a -s
	assert_success
	assert_line --partial 'a\001b '
	assert_line --partial 'c\033d '
	[[ $output != *$'\x1b'* ]] || fail "raw ESC in the output"
	run ip netns exec "$ns" "$IFCONFIG" -a --json
	assert_success
	[ "$(printf '%s\n' "$output" | jq -r '.[0].ifname')" = $'a\x01b' ]
	netns_del "$ns"
}

@test "ifconfig netns: json addr_info matches ip -j addr" {
	need_netns
	local ifn ours ref
	for ifn in veth_a lo tun0 br0; do
		ours=$(ip netns exec "$NS_A" "$IFCONFIG" --json "$ifn" | jq -c '
		    [.[0].addr_info[] | select(.family == "inet6" or
		     .label == "'"$ifn"'") | [.family, .local, .prefixlen,
		     (.broadcast // ""), (.address // ""), .scope]] | sort')
		ref=$(ip -n "$NS_A" -j addr show dev "$ifn" | jq -c '
		    [.[0].addr_info[] | select(.family == "inet6" or
		     .label == "'"$ifn"'") | [.family, .local, .prefixlen,
		     (.broadcast // ""), (.address // ""), .scope]] | sort')
		[ "$ours" = "$ref" ] || fail "$ifn: ours $ours, ip $ref"
	done
	# secondaries are flagged as ip flags them
	ours=$(ip netns exec "$NS_A" "$IFCONFIG" --json veth_a | jq -c \
	    '[.[0].addr_info[] | select(.family == "inet") | .secondary]')
	ref=$(ip -n "$NS_A" -j addr show dev veth_a | jq -c '[.[0].addr_info[] |
	    select(.family == "inet" and .label == "veth_a") | .secondary // false]')
	[ "$ours" = "$ref" ] || fail "secondary: ours $ours, ip $ref"
}
