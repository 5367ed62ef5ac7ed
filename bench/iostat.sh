#!/bin/sh
# bench/iostat.sh: bin/iostat against sysstat's iostat and psutil's
# disk_io_counters(perdisk=True), on this machine and on a tree of 500
# devices (sysstat reads it through -f DIR, pskit through --sysfs and
# --procfs), with the floor of reading the same files once with cat.
. bench/lib.sh

# The 500-device tree: block/devN/stat, diskstats; stat and uptime copied.
T=$BENCH_TMP/tree
mkdir -p "$T/block"
i=0
while [ $i -lt 500 ]; do
	mkdir "$T/block/dev$i"
	echo "$i 1 $((i * 8)) 3 $((i * 2)) 0 $((i * 16)) 4 0 7 9 0 0 0 0 1 1" \
		>"$T/block/dev$i/stat"
	echo " 240 $i dev$i $i 1 $((i * 8)) 3 $((i * 2)) 0 $((i * 16)) 4 0 7 9 0 0 0 0 1 1"
	i=$((i + 1))
done >"$T/diskstats"
cp /proc/stat /proc/uptime "$T/"
live_floor="cat /proc/stat /proc/uptime $(echo /sys/block/*/stat)"
tree_floor="cat /proc/stat /proc/uptime $(echo "$T"/block/*/stat)"

echo "iostat (mean of $BENCH_RUNS runs each)"
bench_row "floor: cat stat uptime block/*/stat" "$live_floor"; floor=$BENCH_LAST
bench_row "floor: cat stat uptime diskstats" "cat /proc/stat /proc/uptime /proc/diskstats"; floorp=$BENCH_LAST
bench_row "sysstat iostat -x" "/usr/bin/iostat -x"; ref=$BENCH_LAST
bench_row "pskit iostat -x" "bin/iostat -x"; ours=$BENCH_LAST
bench_row "sysstat iostat -x -p ALL" "/usr/bin/iostat -x -p ALL"; refp=$BENCH_LAST
bench_row "pskit iostat -x -p ALL" "bin/iostat -x -p ALL"; oursp=$BENCH_LAST
bench_row "pskit iostat -o JSON -x" "bin/iostat -o JSON -x"; oursj=$BENCH_LAST
bench_row "psutil disk_io_counters(perdisk)" \
	"/usr/bin/python3 -c 'import psutil; psutil.disk_io_counters(perdisk=True)'"; py=$BENCH_LAST
bench_row "pskit iostat --psutil" "bin/iostat --psutil"; oursps=$BENCH_LAST
echo "  this machine: pskit/sysstat -x $(bench_ratio "$ours" "$ref")," \
	"-x -p ALL $(bench_ratio "$oursp" "$refp"), json $(bench_ratio "$oursj" "$ref");" \
	"pskit/floor $(bench_ratio "$ours" "$floor") (-p ALL: $(bench_ratio "$oursp" "$floorp"));" \
	"--psutil/psutil $(bench_ratio "$oursps" "$py")"
bench_row "500 devices floor: cat" "$tree_floor"; tfloor=$BENCH_LAST
bench_row "500 devices: sysstat iostat -x -f" "/usr/bin/iostat -x -f $T"; tref=$BENCH_LAST
bench_row "500 devices: pskit iostat -x" "bin/iostat -x --sysfs $T"; tours=$BENCH_LAST
bench_row "500 devices: sysstat iostat -x -p ALL -f" "/usr/bin/iostat -x -p ALL -f $T"; trefp=$BENCH_LAST
bench_row "500 devices: pskit iostat -x -p ALL -f" "bin/iostat -x -p ALL -f $T"; toursp=$BENCH_LAST
echo "  500 devices: pskit/sysstat -x $(bench_ratio "$tours" "$tref")," \
	"-x -p ALL $(bench_ratio "$toursp" "$trefp"), pskit/floor $(bench_ratio "$tours" "$tfloor")"

# -p ALL's scaling (issue 18 item 9): 4,000 and 40,000 diskstats records;
# a linear device list gives a ratio near 10, a quadratic one near 100.
for n in 4000 40000; do
	mkdir -p "$BENCH_TMP/s$n/block"
	awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++)
		print " 240 " i " dev" i " 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0" }' \
		>"$BENCH_TMP/s$n/diskstats"
	cp /proc/stat /proc/uptime "$BENCH_TMP/s$n/"
done
BENCH_RUNS=5
bench_row "4,000 devices: pskit -dz -p ALL" \
	"bin/iostat -dz -p ALL --procfs $BENCH_TMP/s4000 --sysfs $BENCH_TMP/s4000"; s4=$BENCH_LAST
bench_row "40,000 devices: pskit -dz -p ALL" \
	"bin/iostat -dz -p ALL --procfs $BENCH_TMP/s40000 --sysfs $BENCH_TMP/s40000"; s40=$BENCH_LAST
echo "  -p ALL scaling 40,000/4,000 devices: $(bench_ratio "$s40" "$s4") (linear: 10)"
