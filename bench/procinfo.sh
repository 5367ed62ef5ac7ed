#!/bin/sh
# bench/procinfo.sh: bin/procinfo against psutil 5.9.4's scripts/procinfo.py
# on the same stopped process, with the floor of cat(1) reading the same
# /proc/PID files once.
. bench/lib.sh
script=${PROCINFO_PY:-/work/shared/tools/psutil-5.9.4-scripts/procinfo.py}
[ -f "$script" ] || script=../shared/tools/psutil-5.9.4-scripts/procinfo.py
sleep 1000 </dev/null >/dev/null 2>&1 &
pid=$!
kill -STOP "$pid"
trap 'kill -9 "$pid" 2>/dev/null; rm -rf "$BENCH_TMP"' EXIT
d=/proc/$pid
echo "procinfo $pid (mean of $BENCH_RUNS runs each)"
bench_row "floor: cat of the /proc/PID files" \
	"cat $d/stat $d/status $d/statm $d/io $d/limits $d/smaps_rollup $d/cmdline $d/environ $d/smaps $d/task/$pid/stat"
floor=$BENCH_LAST
runs=$BENCH_RUNS
BENCH_RUNS=${BENCH_PY_RUNS:-30}
bench_row "psutil 5.9.4 procinfo.py" "/usr/bin/python3 $script $pid"; py=$BENCH_LAST
BENCH_RUNS=$runs
bench_row "pskit procinfo" "bin/procinfo $pid"; ours=$BENCH_LAST
bench_row "pskit procinfo --json" "bin/procinfo --json $pid"; ourj=$BENCH_LAST
echo "  ratio pskit/procinfo.py: $(bench_ratio "$ours" "$py")" \
	"(json: $(bench_ratio "$ourj" "$py"))," \
	"speedup: $(bench_ratio "$py" "$ours")x," \
	"pskit/floor: $(bench_ratio "$ours" "$floor")"
