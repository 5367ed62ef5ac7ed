#!/bin/sh
# bench/free.sh: bin/free against procps free and psutil's
# virtual_memory(), with the floor of reading /proc/meminfo once.
. bench/lib.sh
echo "free (mean of $BENCH_RUNS runs each)"
bench_row "floor: cat /proc/meminfo" "cat /proc/meminfo"; floor=$BENCH_LAST
bench_row "procps free" "/usr/bin/free"; ref=$BENCH_LAST
bench_row "psutil virtual_memory()" \
	"/usr/bin/python3 -c 'import psutil; psutil.virtual_memory()'"; py=$BENCH_LAST
bench_row "pskit free" "bin/free"; ours=$BENCH_LAST
bench_row "pskit free -o json" "bin/free -o json"; ourj=$BENCH_LAST
echo "  ratio pskit/procps: $(bench_ratio "$ours" "$ref")" \
	"(json: $(bench_ratio "$ourj" "$ref"))," \
	"pskit/psutil: $(bench_ratio "$ours" "$py")," \
	"pskit/floor: $(bench_ratio "$ours" "$floor")"
