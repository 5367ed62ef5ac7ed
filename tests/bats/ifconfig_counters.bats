#!/usr/bin/env bats
# ifconfig counters with exactly known traffic (reference/ifconfig.md §4):
# IPv6 off in both namespaces (no ND/MLD noise), a permanent neighbour (no
# ARP), no address on the receiver (no ICMP back), datagrams from bash's
# /dev/udp.  Text is compared with net-tools; tsv/json/prom counters with
# `ip -j -s link` and /proc/net/dev read in the same quiet namespace.
# bats file_tags=netns,root

bats_require_minimum_version 1.5.0
load helper
load ifconfig_netns

# send NS ADDR BYTES [COUNT]: COUNT datagrams of BYTES payload bytes.
send() {
	ip netns exec "$1" bash -c 'for ((i = 0; i < $3; i++)); do
		printf "%0${2}d" 0 > /dev/udp/$1/9; done' _ "$2" "$3" "${4:-1}"
}

build_world() {
	local c=$NS_C d=$NS_D ns
	ip netns add "$d" || return 1
	for ns in "$c" "$d"; do
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		    net.ipv6.conf.default.disable_ipv6=1 || return 1
	done
	ip link add vc0 netns "$c" address 02:00:00:00:0c:00 type veth \
	    peer name vd0 netns "$d" address 02:00:00:00:0d:00 || return 1
	ip link add vc1 netns "$c" address 02:00:00:00:0c:01 type veth \
	    peer name vd1 netns "$d" address 02:00:00:00:0d:01 || return 1
	ip -n "$c" addr add 10.77.0.1/24 brd + dev vc0
	ip -n "$c" addr add 10.78.0.1/24 brd + dev vc1
	ip -n "$c" link set vc0 up
	ip -n "$c" link set vc1 up
	ip -n "$d" link set vd0 up
	ip -n "$d" link set vd1 up
	ip -n "$c" neigh add 10.77.0.2 lladdr 02:00:00:00:0d:00 dev vc0 nud permanent
	ip -n "$c" neigh add 10.78.0.2 lladdr 02:00:00:00:0d:01 dev vc1 nud permanent
	send "$c" 10.77.0.2 100 5
	send "$c" 10.78.0.2 982		# 982 + 42 = 1024 bytes on the wire
}

setup_file() {
	export NS_C=pskit-test-$$-c NS_D=pskit-test-$$-d
	export NETNS_SKIP
	NETNS_SKIP=$(netns_check)
	[ -z "$NETNS_SKIP" ] || return 0
	ip netns add "$NS_C" || { NETNS_SKIP="ip netns add failed"; return 0; }
	if ! build_world; then
		netns_del "$NS_C" "$NS_D"
		NETNS_SKIP="could not build the test namespaces"
	fi
}

teardown_file() {
	netns_del "$NS_C" "$NS_D"
}

# stat_of NS IF FIELD: one column of /proc/net/dev in NS (1 = rx bytes).
stat_of() {
	ip netns exec "$1" awk -v i="$2:" -v f="$3" \
	    '$1 == i { print $(f + 1) }' /proc/net/dev
}

@test "ifconfig counters: exact traffic, text identical to net-tools" {
	need_netns
	same_as_nettools "$NS_C" -a
	same_as_nettools "$NS_D" -a
	same_as_nettools "$NS_C" -s
	same_as_nettools "$NS_D" -a -s
	# the datagrams we sent are all there
	[ "$(stat_of "$NS_C" vc0 10)" -eq 5 ]
	[ "$(stat_of "$NS_D" vd0 2)" -eq 5 ]
	[ "$(stat_of "$NS_D" vd1 1)" -eq 1024 ]
}

@test "ifconfig counters: 1024 bytes, then one more packet, as net-tools" {
	need_netns
	same_as_nettools "$NS_D" vd1
	send "$NS_C" 10.78.0.2 1
	[ "$(stat_of "$NS_D" vd1 1)" -gt 1024 ]
	same_as_nettools "$NS_D" vd1
	same_as_nettools "$NS_C" vc1
}

@test "ifconfig counters: tsv and json agree with ip -j -s link and /proc/net/dev" {
	need_netns
	local ifn ipj tsv js
	for ifn in vc0 vc1; do
		ipj=$(ip -n "$NS_C" -j -s link show dev "$ifn" | jq -r '.[0].stats64 |
		    [.rx.bytes, .rx.packets, .rx.errors, .rx.dropped,
		     .tx.bytes, .tx.packets, .tx.errors, .tx.dropped,
		     .tx.carrier_errors, .tx.collisions] | @tsv')
		tsv=$(ip netns exec "$NS_C" "$IFCONFIG" --tsv --no-header "$ifn" |
		    cut -f11,12,13,14,17,18,19,20,22,23)
		[ "$tsv" = "$ipj" ] || fail "$ifn: tsv '$tsv', ip '$ipj'"
		js=$(ip netns exec "$NS_C" "$IFCONFIG" --json "$ifn" | jq -r '.[0] |
		    [.rx_bytes, .rx_packets, .rx_errors, .rx_dropped,
		     .tx_bytes, .tx_packets, .tx_errors, .tx_dropped,
		     .tx_carrier, .tx_collisions] | @tsv')
		[ "$js" = "$ipj" ] || fail "$ifn: json '$js', ip '$ipj'"
		js=$(ip netns exec "$NS_C" "$IFCONFIG" --json "$ifn" | jq -r '.[0].stats64 |
		    [.rx.bytes, .rx.packets, .rx.errors, .rx.dropped,
		     .tx.bytes, .tx.packets, .tx.errors, .tx.dropped,
		     .tx.carrier, .tx.collisions] | @tsv')
		[ "$js" = "$ipj" ] || fail "$ifn: stats64 '$js', ip '$ipj'"
		[ "$(stat_of "$NS_C" "$ifn" 9)" = "$(printf '%s\n' "$tsv" | cut -f5)" ]
	done
	run ip netns exec "$NS_C" "$IFCONFIG" -o prom vc0
	assert_success
	assert_line "pskit_ifconfig_transmit_bytes_total{ifname=\"vc0\"} $(stat_of "$NS_C" vc0 9)"
	assert_line "pskit_ifconfig_transmit_packets_total{ifname=\"vc0\"} $(stat_of "$NS_C" vc0 10)"
}

@test "ifconfig counters: drops on a link whose peer is down" {
	need_netns
	ip -n "$NS_D" link set vd0 down
	local i op
	for i in $(seq 30); do	# linkwatch updates the state asynchronously
		op=$(ip -n "$NS_C" -j link show dev vc0 | jq -r '.[0].operstate')
		[ "$op" != UP ] && break
		sleep 0.1
	done
	send "$NS_C" 10.77.0.2 100 3
	[ "$(stat_of "$NS_C" vc0 12)" -ge 3 ]
	same_as_nettools "$NS_C" vc0
	same_as_nettools "$NS_C" -s
	same_as_nettools "$NS_C"
	run ip netns exec "$NS_C" "$IFCONFIG" --tsv --no-header vc0
	assert_success
	op=$(ip -n "$NS_C" -j link show dev vc0 | jq -r '.[0].operstate')
	[ "$(printf "%s\n" "$output" | cut -f4)" = "$op" ] || fail "operstate: $output, ip: $op"
	[ "$(printf '%s\n' "$output" | cut -f20)" = "$(stat_of "$NS_C" vc0 12)" ]
}
