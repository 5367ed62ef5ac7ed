#!/bin/sh
# bench/startup.sh: each command's start-up against an empty C program
# linked the same way (glibc dynamic) plus the cat(1) floor of exactly the
# files the command opened (taken from strace, so the list follows the
# code).  Goal (issue 20): pskit <= 1.3 x (empty + cat floor - cat's own
# start), printed next to each figure.
. bench/lib.sh
command -v strace >/dev/null 2>&1 || { echo "startup: needs strace" >&2; exit 0; }
printf 'int main(void) { return 0; }\n' >"$BENCH_TMP/empty.c"
${CC:-cc} -O2 -o "$BENCH_TMP/empty" "$BENCH_TMP/empty.c" || exit 1
${CC:-cc} -O2 -static -o "$BENCH_TMP/empty-static" "$BENCH_TMP/empty.c" 2>/dev/null

# files CMD...: the regular /proc and /sys files CMD opened successfully
# (strace -y prints the path each returned descriptor resolves to)
files() {
	strace -f -y -qq -e trace=openat -o "$BENCH_TMP/trace" "$@" >/dev/null 2>&1
	sed -n 's/.*= [0-9][0-9]*<\(\/\(proc\|sys\)\/[^>]*\)>$/\1/p' \
		"$BENCH_TMP/trace" | sed 's|^/proc/[0-9]*/net/|/proc/net/|' |
		while read -r f; do
		[ -f "$f" ] && printf '%s ' "$f"
	done
}

sleep 1000 </dev/null >/dev/null 2>&1 &
pid=$!
kill -STOP "$pid"
trap 'kill -9 "$pid" 2>/dev/null; rm -rf "$BENCH_TMP"' EXIT

echo "start-up (mean of $BENCH_RUNS runs each)"
bench_row "empty program (glibc dynamic)" "$BENCH_TMP/empty"; empty=$BENCH_LAST
[ -x "$BENCH_TMP/empty-static" ] &&
	bench_row "empty program (static)" "$BENCH_TMP/empty-static"
bench_row "cat /dev/null (cat's own start)" "cat /dev/null"; catself=$BENCH_LAST
for c in "free" "iostat -x" "ifconfig -a" "procinfo $pid" "procsmem -P ^sleep$"; do
	set -- $c
	f=$(files bin/$c)
	[ -n "$f" ] || f=/dev/null
	# -i: a process of the machine may exit between strace and cat
	hyperfine -N -i --style none --warmup 5 --runs "$BENCH_RUNS" \
		--export-json "$BENCH_TMP/f.json" "cat $f" >/dev/null 2>&1
	floor=$(jq '.results[0].mean * 1000 * 1000 | round / 1000' "$BENCH_TMP/f.json")
	printf '  %-34s %9s ms\n' "floor: cat of $1's $(echo $f | wc -w) files" "$floor"
	bench_row "pskit $c" "bin/$c"; ours=$BENCH_LAST
	goal=$(awk -v e="$empty" -v f="$floor" -v c="$catself" \
		'BEGIN { g = e + f - c; if (g < e) g = e; printf "%.3f", 1.3 * g }')
	verdict=$(awk -v o="$ours" -v g="$goal" 'BEGIN { print (g > 0 && o <= g) ? "met" : "MISSED" }')
	echo "  $1: $ours ms; goal 1.3 x (empty + floor) = $goal ms: $verdict"
done
