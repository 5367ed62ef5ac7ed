#!/bin/sh
# bench/scaling.sh: how each command's cost grows with the size of its
# work, pskit and the reference tools in the same run (issue 20 item 3):
#   procsmem, smem, smemstat     over 100, 1,000, 5,000 processes
#   procinfo, procinfo.py        with 100 and 5,000 processes on the machine
#   ifconfig, net-tools, ip      over 10, 100, 1,000, 4,000 links
#   iostat, sysstat              over 10, 100, 1,000, 5,000 disks (fake tree)
#   procinfo, smem -m            on one process with 100, 10,000, 60,000 maps
# Processes are bench/hold.c (static, stopped with SIGSTOP) inside a private
# PID namespace, so the process count is exact; links are dummies (bridges
# where the dummy module is missing) in a private network namespace.  Prints a table (mean ms, time per item,
# pskit/reference ratio, maximum RSS) and writes bench/out/<command>.svg
# (time per item against size, log x axis) and bench/out/scaling.tsv.
# SCALE_RUNS (default 5) runs per point; SCALE_QUICK=1 uses the two
# smallest sizes only; SCALE_PARTS (default "procs maps iostat ifconfig")
# picks the parts to run.  Parts that need root say so and are skipped.
cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh
RUNS=${SCALE_RUNS:-5}
OUT=bench/out
mkdir -p "$OUT"
RES=$OUT/scaling.tsv
SCRIPTS=${PSUTIL_SCRIPTS:-/work/shared/tools/psutil-5.9.4-scripts}
[ -d "$SCRIPTS" ] || SCRIPTS=../shared/tools/psutil-5.9.4-scripts
PARTS=" ${SCALE_PARTS:-procs maps iostat ifconfig} "
part() { case $PARTS in *" $1 "*) return 0 ;; esac; return 1; }
root=0
[ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null 2>&1 && root=1

sizes() {	# sizes LIST...: all of them, or the two smallest when quick
	if [ "${SCALE_QUICK:-0}" = 1 ]; then echo "$1 $2"; else echo "$@"; fi
}

# point COMMAND TOOL SIZE CMD: time CMD (mean of RUNS) and its maximum RSS,
# append a row to the results and print it
point() {
	[ "$RUNS" -gt 1 ] && warm=1 || warm=0
	hyperfine -N -i --style none --warmup $warm --runs "$RUNS" \
		--export-json "$BENCH_TMP/p.json" "$4" >/dev/null 2>&1
	ms=$(jq '.results[0].mean * 1000 * 1000 | round / 1000' "$BENCH_TMP/p.json" 2>/dev/null)
	# shellcheck disable=SC2086
	rss=$(/usr/bin/time -f %M $4 2>&1 >/dev/null | tail -1)
	case $rss in *[!0-9]*|'') rss=NaN ;; esac
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${ms:-NaN}" "$rss" >>"$RES"
	printf '  %-10s %-22s %6s items %10s ms %9s us/item %8s KiB\n' "$1" "$2" "$3" \
		"${ms:-NaN}" "$(awk -v m="${ms:-0}" -v n="$3" 'BEGIN { printf "%.2f", m * 1000 / n }')" "$rss"
}

# The parts that need their own namespace run this script again in it.
if [ "${1:-}" = --in-netns ]; then
	point ifconfig "pskit ifconfig -a" "$2" "bin/ifconfig -a"
	# net-tools is quadratic (minutes at 4,000 links): one run there
	[ "$2" -gt 1000 ] && RUNS=1
	point ifconfig "net-tools ifconfig -a" "$2" "/usr/sbin/ifconfig -a"
	RUNS=${SCALE_RUNS:-5}
	point ifconfig "ip -s addr" "$2" "ip -s addr"
	exit 0
fi
if [ "${1:-}" = --in-pidns ]; then
	part=$2
	cc -O2 -static -o "$BENCH_TMP/hold" bench/hold.c 2>/dev/null ||
		cc -O2 -o "$BENCH_TMP/hold" bench/hold.c || exit 1
	stopped() {	# stopped N: wait until N hold processes are stopped
		i=0
		while [ "$(grep -l '^State:.*T (stopped)' /proc/[0-9]*/status 2>/dev/null | wc -l)" -lt "$1" ]; do
			i=$((i + 1)); [ $i -gt 600 ] && return 1
			sleep 0.1
		done
	}
	if [ "$part" = procs ]; then
		for n in $(sizes 100 1000 5000); do
			"$BENCH_TMP/hold" "$n" 0 &
			h=$!
			stopped "$n" || { echo "  could not start $n processes"; kill -9 -$h 2>/dev/null; continue; }
			point procsmem "pskit procsmem" "$n" "bin/procsmem -q"
			point procsmem "smem" "$n" "/usr/bin/smem"
			# smemstat lists nothing inside a PID namespace here:
			# timed only when it reports the processes
			if [ "$(/usr/bin/smemstat 2>/dev/null | grep -c hold)" -ge "$n" ]; then
				point procsmem "smemstat" "$n" "/usr/bin/smemstat -q"
			else
				echo "  procsmem   smemstat: lists no process in a PID namespace; left out"
			fi
			# a leaf: the cost must follow the machine, not a child list
			leaf=$(pgrep -P "$h" | tail -1)
			point procinfo "pskit procinfo" "$n" "bin/procinfo $leaf"
			[ -f "$SCRIPTS/procinfo.py" ] &&
				point procinfo "procinfo.py" "$n" "/usr/bin/python3 $SCRIPTS/procinfo.py $leaf"
			pkill -9 -x hold; wait 2>/dev/null
		done
	else
		for m in $(sizes 100 10000 60000); do
			"$BENCH_TMP/hold" 1 "$m" &
			h=$!
			stopped 1 || continue
			point maps "pskit procinfo" "$m" "bin/procinfo $h"
			point maps "pskit procsmem -m" "$m" "bin/procsmem -m"
			point maps "smem -m" "$m" "/usr/bin/smem -m"
			kill -9 "$h"; wait 2>/dev/null
		done
	fi
	exit 0
fi

: >"$RES"
echo "scaling (mean of $RUNS runs per point; RSS: one run, /usr/bin/time -f %M)"

if [ $root = 1 ] && unshare -p -f --mount-proc true 2>/dev/null; then
	! part procs || unshare -p -f --mount-proc sh "$0" --in-pidns procs
	! part maps || unshare -p -f --mount-proc sh "$0" --in-pidns maps
else
	echo "  procsmem, procinfo, maps: skipped (needs root for a private PID namespace)"
fi

# iostat over fake trees: block/devN/stat and diskstats, sysstat through -f
part iostat && for n in $(sizes 10 100 1000 5000); do
	T=$BENCH_TMP/disks$n
	mkdir -p "$T/block"
	awk -v n="$n" -v t="$T" 'BEGIN {
		for (i = 0; i < n; i++) {
			s = i " 1 " i * 8 " 3 " i * 2 " 0 " i * 16 " 4 0 7 9 0 0 0 0 1 1"
			system("mkdir -p " t "/block/dev" i)
			print s > (t "/block/dev" i "/stat")
			close(t "/block/dev" i "/stat")
			print " 240 " i " dev" i " " s > (t "/diskstats")
		} }'
	cp /proc/stat /proc/uptime "$T/"
	point iostat "pskit iostat -x" "$n" "bin/iostat -x --sysfs $T --procfs $T"
	point iostat "sysstat iostat -x" "$n" "/usr/bin/iostat -x -f $T"
done

# ifconfig over dummy links in a private network namespace
if ! part ifconfig; then
	:
elif [ $root = 1 ] && command -v ip >/dev/null 2>&1; then
	for n in $(sizes 10 100 1000 4000); do
		ns=pskit-scale-$$-$n
		ip netns add "$ns" || break
		# dummy links where the kernel has the module, else bridges
		type=dummy
		ip -n "$ns" link add probe0 type dummy 2>/dev/null || type=bridge
		ip -n "$ns" link del probe0 2>/dev/null
		awk -v n="$n" -v type="$type" 'BEGIN { print "link set lo up"
			for (i = 0; i < n; i++) {
				print "link add d" i " type " type
				print "link set d" i " up"
				print "addr add 10." int(i / 250) "." i % 250 ".1/24 dev d" i
			} }' | ip -n "$ns" -batch - >/dev/null 2>&1
		have=$(ip -n "$ns" -o link show | grep -c ': d[0-9]')
		if [ "$have" -ne "$n" ]; then
			echo "  ifconfig: only $have of $n $type links could be made; skipped"
			ip netns del "$ns"
			break
		fi
		ip netns exec "$ns" sh "$0" --in-netns "$n"
		ip netns del "$ns"
	done
else
	echo "  ifconfig: skipped (needs root and ip(8) for a network namespace)"
fi

# The table of ratios and the goals, then one SVG per command.
echo "ratios (pskit / reference at the same size) and goals"
awk -F '\t' '
	{ ms[$1, $2, $3] = $4; if (!(($1, $3) in seen)) { seen[$1, $3] = 1; sz[$1] = sz[$1] " " $3 } }
	function ratio(c, a, b, n) {
		if (ms[c, b, n] == "" || ms[c, b, n] == "NaN" || ms[c, b, n] == 0 || ms[c, a, n] == "NaN") return "NaN"
		return sprintf("%.2f", ms[c, a, n] / ms[c, b, n])
	}
	function row(c, a, b, goal,   k, n, i, r, ok, line) {
		k = split(sz[c], n, " "); ok = 1; line = ""
		for (i = 1; i <= k; i++) {
			r = ratio(c, a, b, n[i]); line = line sprintf(" %s:%s", n[i], r)
			if (r == "NaN" || r + 0 > goal) ok = 0
		}
		if (k) printf "  %-20s / %-22s%s  goal <= %s at every size: %s\n", a, b, line, goal, ok ? "met" : "MISSED"
	}
	END {
		row("procsmem", "pskit procsmem", "smem", 1)
		row("procsmem", "pskit procsmem", "smemstat", 1)
		row("procinfo", "pskit procinfo", "procinfo.py", 0.05)
		row("iostat", "pskit iostat -x", "sysstat iostat -x", 1)
		row("ifconfig", "pskit ifconfig -a", "net-tools ifconfig -a", 1)
		row("ifconfig", "pskit ifconfig -a", "ip -s addr", 1)
		row("maps", "pskit procinfo", "smem -m", 1)
		row("maps", "pskit procsmem -m", "smem -m", 1)
	}' "$RES"

# svg COMMAND: time per item (us) against size (log scale), one line per tool
svg() {
	awk -F '\t' -v cmd="$1" '
	$1 == cmd && $4 != "NaN" {
		if (!($2 in t)) { t[$2] = 1; tools[++nt] = $2 }
		pts[$2] = pts[$2] " " $3 ":" $4 * 1000 / $3
		if ($3 < xmin || !xmin) xmin = $3; if ($3 > xmax) xmax = $3
		if ($4 * 1000 / $3 > ymax) ymax = $4 * 1000 / $3
	}
	function X(v) { return 70 + (xmax > xmin ? (log(v) - log(xmin)) / (log(xmax) - log(xmin)) : 0.5) * 480 }
	function Y(v) { return 330 - v / ymax * 280 }
	END {
		if (!nt) exit
		split("#1f77b4 #d62728 #2ca02c #ff7f0e #9467bd", col, " ")
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"400\" font-family=\"sans-serif\" font-size=\"12\">\n"
		printf "<rect width=\"640\" height=\"400\" fill=\"white\"/>\n"
		printf "<text x=\"320\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">%s: time per item</text>\n", cmd
		printf "<line x1=\"70\" y1=\"330\" x2=\"560\" y2=\"330\" stroke=\"black\"/><line x1=\"70\" y1=\"330\" x2=\"70\" y2=\"40\" stroke=\"black\"/>\n"
		for (i = 0; i <= 4; i++) printf "<text x=\"64\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>\n", Y(ymax * i / 4) + 4, ymax * i / 4
		printf "<text x=\"16\" y=\"190\" transform=\"rotate(-90 16 190)\" text-anchor=\"middle\">microseconds per item</text>\n"
		printf "<text x=\"315\" y=\"370\" text-anchor=\"middle\">items (log scale)</text>\n"
		for (i = 1; i <= nt; i++) {
			k = split(pts[tools[i]], p, " "); line = ""
			for (j = 1; j <= k; j++) {
				split(p[j], xy, ":")
				line = line sprintf("%.1f,%.1f ", X(xy[1]), Y(xy[2]))
				if (!(xy[1] in lab)) { lab[xy[1]] = 1; printf "<text x=\"%.1f\" y=\"346\" text-anchor=\"middle\">%d</text>\n", X(xy[1]), xy[1] }
				printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", X(xy[1]), Y(xy[2]), col[i]
			}
			printf "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n", col[i], line
			printf "<rect x=\"430\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"448\" y=\"%d\">%s</text>\n", 40 + 18 * i, col[i], 50 + 18 * i, tools[i]
		}
		print "</svg>"
	}' "$RES" >"$OUT/$1.svg"
	[ -s "$OUT/$1.svg" ] && echo "  plot: $OUT/$1.svg" || rm -f "$OUT/$1.svg"
}
for c in procsmem procinfo iostat ifconfig maps; do svg "$c"; done
