#!/bin/sh
# bench/procsmem.sh: procsmem (process view, every process) against smem 1.5,
# smemstat, psutil 5.9.4's procsmem.py and the floor of reading every
# smaps_rollup once, on this machine's processes plus BENCH_SLEEPERS (300)
# stopped `sleep` processes that the bench starts and removes.
. bench/lib.sh
BENCH_RUNS=${BENCH_RUNS_PROCSMEM:-30}
n=${BENCH_SLEEPERS:-300}
PSUTIL_SCRIPT=${PSUTIL_SCRIPTS:-/work/shared/tools/psutil-5.9.4-scripts}/procsmem.py
pids=
i=0
while [ "$i" -lt "$n" ]; do
	sleep 600 &
	pids="$pids $!"
	i=$((i + 1))
done
# shellcheck disable=SC2086
kill -STOP $pids
trap 'kill -KILL $pids 2>/dev/null; wait 2>/dev/null; rm -rf "$BENCH_TMP"' EXIT
echo "procsmem, $(ls -d /proc/[0-9]* 2>/dev/null | wc -l) processes incl. $n stopped sleep (mean of $BENCH_RUNS runs each)"
bench_row "floor: cat /proc/[0-9]*/smaps_rollup" \
	"sh -c 'cat /proc/[0-9]*/smaps_rollup >/dev/null 2>&1; true'"; floor=$BENCH_LAST
bench_row "smem" "/usr/bin/smem"; smem=$BENCH_LAST
bench_row "smemstat" "/usr/bin/smemstat -q"; smemstat=$BENCH_LAST
if [ -f "$PSUTIL_SCRIPT" ]; then
	bench_row "psutil procsmem.py" "/usr/bin/python3 $PSUTIL_SCRIPT"; py=$BENCH_LAST
else
	py=NaN
fi
bench_row "pskit procsmem" "bin/procsmem -q"; ours=$BENCH_LAST
bench_row "pskit procsmem --smaps" "bin/procsmem -q --smaps"; oursx=$BENCH_LAST
bench_row "pskit procsmem -o json" "bin/procsmem -q -o json"; oursj=$BENCH_LAST
echo "  ratio pskit/smem: $(bench_ratio "$ours" "$smem")" \
	"(--smaps: $(bench_ratio "$oursx" "$smem"))," \
	"pskit/smemstat: $(bench_ratio "$ours" "$smemstat")," \
	"pskit/psutil: $(bench_ratio "$ours" "$py")," \
	"pskit/floor: $(bench_ratio "$ours" "$floor")"
# --by (issue 19): the grouping's cost over the plain process view (goal
# <= 10%), with smem -u, smem's own per-user grouping, in the same run.
# ps_mem (per-program grouping) is not packaged for Debian 12: not measured.
bench_row "smem -u" "/usr/bin/smem -u"; smemu=$BENCH_LAST
bench_row "pskit procsmem -u" "bin/procsmem -q -u"; oursu=$BENCH_LAST
for by in program user cgroup unit container; do
	bench_row "pskit procsmem --by $by" "bin/procsmem -q --by $by"
	eval "by_$by=\$BENCH_LAST"
done
# shellcheck disable=SC2154
echo "  ratio --by/plain: program $(bench_ratio "$by_program" "$ours")," \
	"user $(bench_ratio "$by_user" "$ours")," \
	"cgroup $(bench_ratio "$by_cgroup" "$ours")," \
	"unit $(bench_ratio "$by_unit" "$ours")," \
	"container $(bench_ratio "$by_container" "$ours");" \
	"pskit -u/smem -u: $(bench_ratio "$oursu" "$smemu")"
# Scaling of the prom grouping (issue 18 item 9): N and 2N distinct
# program names in a --procfs tree; linear grouping gives a ratio near 2
# (the nested loops it replaced gave 4).
sn=${BENCH_SCALE_NAMES:-5000}
for k in "$sn" $((sn * 2)); do
	python3 - "$BENCH_TMP/names$k" "$k" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
os.makedirs(root)
open(root + "/meminfo", "w").write("MemTotal: 1000000 kB\nSwapTotal: 0 kB\n")
roll = "Rss: 8 kB\nPss: 4 kB\nPrivate_Clean: 0 kB\nPrivate_Dirty: 4 kB\nSwap: 0 kB\n"
for i in range(1, n + 1):
    p = "%s/%d" % (root, i + 1000)
    os.mkdir(p)
    open(p + "/stat", "w").write("%d (n%d) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n" % (i + 1000, i))
    open(p + "/cmdline", "w").write("n%d\0" % i)
    open(p + "/smaps_rollup", "w").write(roll)
PY
done
BENCH_RUNS=3
bench_row "pskit procsmem -o prom, $sn names" \
	"bin/procsmem -q --procfs $BENCH_TMP/names$sn -o prom"; s1=$BENCH_LAST
bench_row "pskit procsmem -o prom, $((sn * 2)) names" \
	"bin/procsmem -q --procfs $BENCH_TMP/names$((sn * 2)) -o prom"; s2=$BENCH_LAST
echo "  scaling -o prom, 2N/N names: $(bench_ratio "$s2" "$s1") (linear: 2)"
