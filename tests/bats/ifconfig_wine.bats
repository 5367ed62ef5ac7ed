#!/usr/bin/env bats
# ifconfig.exe under Wine: GetAdaptersAddresses and GetIfEntry2 describe
# the Linux interfaces Wine runs on, so the Windows build must list the
# same names, MACs, MTUs and addresses as `ip -j addr`, and counters that
# lie between two reads of /proc/net/dev taken around it.
#
# As root, the whole Wine session (wineboot, wineserver, every run) lives
# in a network namespace this suite creates and deletes, holding lo and a
# veth pair, one end with a known MAC, MTU and addresses; elsewhere it reads
# the host's interfaces (read only).  Harness of winservices_wine.bats:
# throwaway WINEPREFIX, WINEDEBUG=-all, timeouts, wineserver -p / -k.

bats_require_minimum_version 1.5.0
load helper
load wine_prefix

EXE=$PSKIT_BIN/ifconfig.exe
T=60	# seconds allowed to any one wine call
MAC=02:00:5e:aa:bb:cc
MTU=1420	# >= 1280, or the kernel drops IPv6 on the link
V4=10.9.8.7/24
V6=fd00:9::7/64

wine_cmd() {
	command -v wine || command -v wine64
}

# Run a command in the suite's namespace (if it has one), with a timeout.
inns() {
	if [ -n "${NS:-}" ]; then
		timeout $T ip netns exec "$NS" "$@"
	else
		timeout $T "$@"
	fi
}

make_ns() {
	[ "$(id -u)" -eq 0 ] && command -v ip >/dev/null || return 0
	NS=pkwine$$
	ip netns add "$NS" 2>/dev/null || { NS=; return 0; }
	# no duplicate address detection: no address stays "tentative"
	if ! ip netns exec "$NS" sysctl -qw net.ipv6.conf.default.accept_dad=0 \
	    net.ipv6.conf.all.accept_dad=0 ||
	    ! ip -n "$NS" link set lo up ||
	    ! ip -n "$NS" link add pkv0 type veth peer name pkv1 ||
	    ! ip -n "$NS" link set pkv0 address $MAC mtu $MTU up ||
	    ! ip -n "$NS" link set pkv1 mtu $MTU up ||
	    ! ip -n "$NS" addr add $V4 brd + dev pkv0 ||
	    ! ip -n "$NS" addr add $V6 dev pkv0; then
		ip netns del "$NS"
		NS=
		return 0
	fi
	echo "$NS" >"$BATS_FILE_TMPDIR/ns"
}

setup_file() {
	local w
	w=$(wine_cmd) || return 0
	command -v wineserver >/dev/null || return 0
	command -v x86_64-w64-mingw32-gcc >/dev/null || return 0
	make -s -C "$PSKIT_ROOT" windows >&2 || return 1
	export WINE=$w WINEDEBUG=-all LC_ALL=C.UTF-8
	export WINEPREFIX=$BATS_FILE_TMPDIR/prefix
	make_ns
	export NS
	inns wineboot -i >/dev/null 2>&1 || return 1
	inns wineserver -p >/dev/null 2>&1 || true
	touch "$BATS_FILE_TMPDIR/ready"
}

teardown_file() {
	[ -n "${WINEPREFIX:-}" ] || return 0
	inns wineserver -k >/dev/null 2>&1 || true
	inns wineserver -w >/dev/null 2>&1 || true
	wine_prefix_reap
	rm -rf "$WINEPREFIX"
	if [ -s "$BATS_FILE_TMPDIR/ns" ]; then
		ip netns del "$(cat "$BATS_FILE_TMPDIR/ns")" 2>/dev/null || true
	fi
}

setup() {
	[ -n "$(wine_cmd)" ] || skip "wine (wine64) is not installed"
	[ -f "$BATS_FILE_TMPDIR/ready" ] ||
		skip "no Windows build (x86_64-w64-mingw32-gcc missing) or no Wine prefix"
	command -v jq >/dev/null || skip "jq not installed"
	NS=$(cat "$BATS_FILE_TMPDIR/ns" 2>/dev/null || true)
}

ifc() {
	inns "$WINE" "$EXE" "$@"
}

no_cr() {
	if printf '%s' "$1" | grep -q $'\r'; then
		fail "output has CR characters"
	fi
}

# name, mtu, MAC and sorted "family addr/prefix" of every interface
LINKS='[.[] | [.ifname, .mtu, .address,
    ([.addr_info[] | "\(.family) \(.local)/\(.prefixlen)"] | sort)]] | sort'

@test "ifconfig.exe imports system DLLs only" {
	command -v x86_64-w64-mingw32-objdump >/dev/null || skip "no objdump"
	run -0 bash -c "x86_64-w64-mingw32-objdump -p '$EXE' | sed -n 's/.*DLL Name: //p' | sort"
	assert_output $'IPHLPAPI.DLL\nKERNEL32.dll\nmsvcrt.dll'
}

@test "json: the names, MTUs, MACs and addresses of ip -j addr" {
	local want
	want=$(inns ip -j addr | jq -c "$LINKS")
	run -0 --separate-stderr ifc -a --json
	no_cr "$output"
	[ -z "$stderr" ]
	run -0 jq -c "$LINKS" <<<"$output"
	assert_output "$want"
}

@test "the veth interface of the namespace, exactly" {
	[ -n "$NS" ] || skip "needs root and ip netns (reads the host's interfaces instead)"
	run -0 ifc --json pkv0
	run -0 jq -r '.[0] | [.ifname, .mtu, .address, .ipv4, .nettools_flags, .operstate, .link_type] | map(tostring) | join(" ")' <<<"$output"
	assert_output "pkv0 $MTU $MAC $V4 UP,BROADCAST,RUNNING,MULTICAST UP ether"
	run -0 ifc pkv0
	assert_line --index 1 "        inet ${V4%/*}  netmask 255.255.255.0  broadcast 10.9.8.255"
	assert_line "        inet6 ${V6%/*}  prefixlen 64  scopeid 0x0<global>"
	assert_line --regexp "^        ether $MAC  \\(Ethernet\\)\$"
}

# The IPv6 order is if_inet6's (hash order) on Linux, the adapter's under
# Windows: the inet6 lines are compared as sets.
@test "text: the inet and inet6 lines of the Linux build, per interface" {
	local linux=$PSKIT_BIN/ifconfig n
	[ -x "$linux" ] || skip "no Linux build"
	run -0 ifc -a
	no_cr "$output"
	local win=$output
	for n in $(inns ip -j link | jq -r '.[].ifname'); do
		assert_equal \
		    "$(awk -v n="$n:" '$1 == n { p = 1; next } /^$/ { p = 0 } p && /^ +inet6? /' <<<"$win" | sort)" \
		    "$(inns "$linux" "$n" | grep -E '^ +inet6? ' | sort)"
	done
}

# rx/tx bytes and packets of every interface from /proc/net/dev, sorted
netdev() {
	inns cat /proc/net/dev | awk -F'[: ]+' 'NR > 2 { sub(/^ +/, ""); split($0, a, /[: ]+/); print a[1], a[2], a[3], a[10], a[11] }' | sort
}

@test "64-bit counters lie between two reads of /proc/net/dev and never go backwards" {
	local before after mid mid2
	inns ping -c 3 -i 0.2 -q 127.0.0.1 >/dev/null 2>&1 || true
	before=$(netdev)
	run -0 ifc -a --json
	mid=$(jq -r '.[] | "\(.ifname) \(.rx_bytes) \(.rx_packets) \(.tx_bytes) \(.tx_packets)"' <<<"$output" | sort)
	inns ping -c 3 -i 0.2 -q 127.0.0.1 >/dev/null 2>&1 || true
	run -0 ifc -a --json
	mid2=$(jq -r '.[] | "\(.ifname) \(.rx_bytes) \(.rx_packets) \(.tx_bytes) \(.tx_packets)"' <<<"$output" | sort)
	after=$(netdev)
	run -0 awk '
	    FILENAME == ARGV[1] { for (i = 2; i <= 5; i++) lo[$1, i] = $i; next }
	    FILENAME == ARGV[2] { for (i = 2; i <= 5; i++) hi[$1, i] = $i; next }
	    FILENAME == ARGV[3] { for (i = 2; i <= 5; i++) m1[$1, i] = $i; next }
	    { for (i = 2; i <= 5; i++)
		if ($i < m1[$1, i] || m1[$1, i] < lo[$1, i] || $i > hi[$1, i])
			print $1, i, lo[$1, i], m1[$1, i], $i, hi[$1, i] }' \
	    <(echo "$before") <(echo "$after") <(echo "$mid") <(echo "$mid2")
	assert_output ""
	assert_equal "$(cut -d' ' -f1 <<<"$mid")" "$(cut -d' ' -f1 <<<"$before")"
}

@test "tsv: one column count, \\N for txqlen, speed, duplex and counters Windows lacks; LF only" {
	run -0 ifc -a --tsv
	no_cr "$output"
	assert_line --index 0 --partial "$(printf 'ifname\tifindex\tflags\toperstate\tmtu\ttxqlen')"
	run -0 awk -F'\t' 'NR == 1 { n = NF } NF != n { print NR": "NF }' <<<"$output"
	assert_output ""
	run -0 ifc --tsv --no-header lo
	local row=$output
	run -0 cut -f6,24,25 <<<"$row"
	assert_output '\N	\N	\N'
	# counters Windows does not keep are absent, not 0
	run -0 cut -f15,16,21,22,23 <<<"$row"
	assert_output '\N	\N	\N	\N	\N'
	run -0 ifc --json lo
	run -0 jq -c '.[0].stats64 | [.rx.fifo, .rx.multicast, .tx.collisions, .tx.carrier, (.rx.bytes | type)]' <<<"$output"
	assert_output '[null,null,null,null,"number"]'
}

@test "-s, -P, prom and a missing interface" {
	run -0 ifc -s -a
	no_cr "$output"
	assert_line --index 0 "Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg"
	assert_line --regexp '^lo +65536 +[0-9]+ +0 +0 0 +[0-9]+ +0 +0 +0 L[A-Z]*U$'
	run -0 ifc -P
	assert_line "    IPv4 address   : 127.0.0.1"
	assert_line "    IPv6 address   : ::1"
	run -0 ifc -o prom
	assert_line --regexp '^pskit_ifconfig_receive_bytes_total\{ifname="lo"\} [0-9]+$'
	run -1 --separate-stderr ifc nosuch0
	[ -z "$output" ]
	assert_equal "$stderr" "nosuch0: error fetching interface information: Device not found"
}
