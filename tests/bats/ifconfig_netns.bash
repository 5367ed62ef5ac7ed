# Shared by the ifconfig bats files: namespace bookkeeping and the
# side-by-side comparison with net-tools' ifconfig.

IFCONFIG=${IFCONFIG:-${PSKIT_BIN:-bin}/ifconfig}
NETTOOLS=${NETTOOLS:-/usr/sbin/ifconfig}

# netns_check: print why network namespaces cannot be used here, if so.
netns_check() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "needs root to create network namespaces"
	elif ! command -v ip >/dev/null 2>&1; then
		echo "needs ip(8) from iproute2"
	elif [ ! -x "$NETTOOLS" ]; then
		echo "needs net-tools ifconfig at $NETTOOLS"
	elif ! ip netns add "pskit-test-$$-probe" 2>/dev/null; then
		echo "cannot create network namespaces here (ip netns add failed)"
	else
		ip netns del "pskit-test-$$-probe"
	fi
}

# need_netns: skip the test with the reason found by setup_file.
need_netns() {
	[ -z "${NETNS_SKIP:-}" ] || skip "$NETNS_SKIP"
}

# netns_del NS...: delete namespaces (tun/tap first).  The /run/netns
# mount that `ip netns add` made stays: another suite may be adding a
# namespace at this very moment.
netns_del() {
	local ns dev
	for ns in "$@"; do
		ip netns list 2>/dev/null | awk '{ print $1 }' | grep -qxF "$ns" ||
		    continue
		for dev in tun0 tap0; do
			ip -n "$ns" tuntap del dev "$dev" mode "${dev%0}" \
			    2>/dev/null || true
		done
		ip netns del "$ns" 2>/dev/null || true
	done
}

# same_as_nettools NS ARGS...: pskit and net-tools, run in NS with ARGS,
# give the same stdout and stderr (cmp) and the same exit status.  Counters
# move when a stray packet lands between the two runs, so a mismatch is
# retried four times before it counts.
same_as_nettools() {
	local ns=$1 try rs rr d=$BATS_TEST_TMPDIR
	shift
	for try in 1 2 3 4 5; do
		rr=0 rs=0
		ip netns exec "$ns" "$NETTOOLS" "$@" >"$d/ref" 2>"$d/ref.err" ||
		    rr=$?
		ip netns exec "$ns" "$IFCONFIG" "$@" >"$d/ours" 2>"$d/ours.err" ||
		    rs=$?
		if cmp -s "$d/ref" "$d/ours" && cmp -s "$d/ref.err" \
		    "$d/ours.err" && [ "$rs" -eq "$rr" ]; then
			return 0
		fi
		sleep 0.2
	done
	echo "ifconfig $* in $ns: status $rs, net-tools $rr"
	diff -u "$d/ref" "$d/ours" || true
	diff -u "$d/ref.err" "$d/ours.err" || true
	return 1
}

# fixture_world NS: the namespace the /proc/net fixtures of
# tests/fixtures/ifconfig describe (lo, eth0/eth1, ifb0/ifb1, fixed MACs,
# an IPv4 address and a label on eth0).  Also used by
# scripts/golden-ifconfig.sh, so the golden files can be regenerated.
fixture_world() {
	local ns=$1
	ip netns add "$ns" || return 1
	ip -n "$ns" link set lo up &&
	ip -n "$ns" link add eth0 address 02:00:00:00:01:00 type veth \
	    peer name eth1 address 02:00:00:00:01:01 &&
	ip -n "$ns" link add ifb0 address 02:00:00:00:01:b0 type ifb &&
	ip -n "$ns" link add ifb1 address 02:00:00:00:01:b1 type ifb &&
	ip -n "$ns" link set eth0 mtu 1400 up &&
	ip -n "$ns" addr add 10.66.0.1/24 brd + dev eth0 &&
	ip -n "$ns" addr add 10.66.0.2/24 brd + dev eth0 label eth0:1
}

# in_fixture NS PROCDIR CMD...: run CMD in NS with PROCDIR mounted over
# /proc in a private mount namespace, so net-tools reads the fixture.
in_fixture() {
	local ns=$1 procdir=$2
	shift 2
	ip netns exec "$ns" unshare -m sh -c \
	    'mount --bind "$0" /proc && exec "$@"' "$procdir" "$@"
}
