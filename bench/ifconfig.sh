#!/bin/sh
# bench/ifconfig.sh: bin/ifconfig -a against net-tools ifconfig -a,
# `ip -s addr` and psutil's scripts/ifconfig.py, on 2 and on 200 veth
# interfaces (plus lo) in a network namespace this script creates and
# deletes.  The timings run inside the namespace (hyperfine under
# `ip netns exec`), so namespace entry is not measured.
PSUTIL_IFCONFIG=${PSUTIL_IFCONFIG:-/work/shared/tools/psutil-5.9.4-scripts/ifconfig.py}

if [ -z "${PSKIT_BENCH_IFS:-}" ]; then
	if [ "$(id -u)" -ne 0 ] || ! command -v ip >/dev/null 2>&1; then
		echo "ifconfig: skipped (needs root and ip(8) for network namespaces)"
		exit 0
	fi
	ns=
	cleanup() {
		[ -n "$ns" ] && ip netns del "$ns" 2>/dev/null
		ns=
	}
	trap cleanup EXIT INT TERM
	for n in 2 200; do
		ns=pskit-bench-$$-$n
		ip netns add "$ns" || exit 1
		i=0
		{
			echo "link set lo up"
			while [ "$i" -lt $((n / 2)) ]; do
				echo "link add vb$i type veth peer name vc$i"
				echo "link set vb$i up"
				echo "link set vc$i up"
				echo "addr add 10.$((i / 200)).$((i % 200)).1/24 dev vb$i"
				i=$((i + 1))
			done
		} | ip -n "$ns" -batch - || exit 1
		PSKIT_BENCH_IFS=$n ip netns exec "$ns" sh "$0"
		cleanup
	done
	exit 0
fi

. bench/lib.sh
echo "ifconfig -a, $PSKIT_BENCH_IFS veth interfaces + lo (mean of $BENCH_RUNS runs; psutil: fewer)"
bench_row "floor: cat /proc/net/dev" "cat /proc/net/dev"; floor=$BENCH_LAST
bench_row "net-tools ifconfig -a" "/usr/sbin/ifconfig -a"; ref=$BENCH_LAST
bench_row "ip -s addr" "ip -s addr"; ipt=$BENCH_LAST
py=NaN
if [ -f "$PSUTIL_IFCONFIG" ] && /usr/bin/python3 -c 'import psutil' 2>/dev/null; then
	runs=$BENCH_RUNS
	BENCH_RUNS=$((runs / 10 + 5))
	bench_row "psutil ifconfig.py" "/usr/bin/python3 $PSUTIL_IFCONFIG"; py=$BENCH_LAST
	BENCH_RUNS=$runs
fi
bench_row "pskit ifconfig -a" "bin/ifconfig -a"; ours=$BENCH_LAST
bench_row "pskit ifconfig -a -o json" "bin/ifconfig -a -o json"; ourj=$BENCH_LAST
bench_row "pskit ifconfig -P" "bin/ifconfig -P"; ourp=$BENCH_LAST
echo "  ratio pskit/net-tools: $(bench_ratio "$ours" "$ref")" \
	"(json: $(bench_ratio "$ourj" "$ref")), pskit/ip: $(bench_ratio "$ours" "$ipt")," \
	"pskit -P/psutil: $(bench_ratio "$ourp" "$py"), pskit/floor: $(bench_ratio "$ours" "$floor")"
