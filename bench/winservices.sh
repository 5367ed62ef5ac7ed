#!/bin/sh
# bench/winservices.sh: winservices.exe -o json under Wine against the same
# listing done with psutil's call pattern (bench/winservices_psutil.c: three
# SCM + service opens and six queries per service), on 200 services created
# in a throwaway prefix.  The floor is starting a Wine process
# (winservices.exe --version).  WS_BENCH_RUNS runs each (default 10).
BENCH_RUNS=${WS_BENCH_RUNS:-10}
. bench/lib.sh
EXE=bin/winservices.exe
WINE=$(command -v wine || command -v wine64) || {
	echo "winservices: skipped, wine is not installed"; exit 0; }
command -v x86_64-w64-mingw32-gcc >/dev/null || {
	echo "winservices: skipped, x86_64-w64-mingw32-gcc is not installed"; exit 0; }
make -s windows >/dev/null || exit 1
export WINEPREFIX="$BENCH_TMP/prefix" WINEDEBUG=-all
# At exit: stop this prefix's Wine, and any of its processes that was
# starting as the server went (found by the prefix, which is ours).
cleanup() {
	timeout 60 wineserver -k 2>/dev/null
	timeout 60 wineserver -w 2>/dev/null
	for p in /proc/[0-9]*; do
		tr '\0' '\n' 2>/dev/null <"$p/environ" |
		    grep -qxF "WINEPREFIX=$WINEPREFIX" && kill -9 "${p#/proc/}"
	done 2>/dev/null
	rm -rf "$BENCH_TMP"
}
trap cleanup EXIT

# Few warmups: every run starts Wine, and the baseline takes seconds.
bench_mean() {
	hyperfine -N --style none --warmup 2 --runs "$BENCH_RUNS" \
		--export-json "$BENCH_TMP/h.json" "$1" >/dev/null 2>&1 || {
		echo "NaN"; return; }
	jq '.results[0].mean * 1000 * 1000 | round / 1000' "$BENCH_TMP/h.json"
}

BASE=$BENCH_TMP/winservices_psutil.exe
x86_64-w64-mingw32-gcc -O2 -o "$BASE" bench/winservices_psutil.c || exit 1
timeout 180 wineboot -i >/dev/null 2>&1 || exit 1
timeout 60 wineserver -k 2>/dev/null	# end the boot session (see the tests)
timeout 60 wineserver -p
timeout 120 "$WINE" "$BASE" create 200 || exit 1
i=0
until timeout 60 "$WINE" "$EXE" pkb199 >/dev/null 2>&1 || [ $i -ge 60 ]; do
	sleep 0.5; i=$((i + 1))
done
n=$(timeout 60 "$WINE" "$EXE" -o json | jq length)
m=$(timeout 60 "$WINE" "$BASE" list | wc -l)
echo "winservices under Wine, $n services (baseline lists $m; mean of $BENCH_RUNS runs each)"
bench_row "floor: wine winservices.exe --version" "$WINE $EXE --version"; floor=$BENCH_LAST
bench_row "psutil's pattern (C, 3 opens)" "$WINE $BASE list"; ref=$BENCH_LAST
bench_row "pskit winservices -o json" "$WINE $EXE -o json"; ours=$BENCH_LAST
bench_row "pskit winservices (text)" "$WINE $EXE"; ourt=$BENCH_LAST
echo "  ratio pskit/psutil-pattern: $(bench_ratio "$ours" "$ref")" \
	"(text: $(bench_ratio "$ourt" "$ref"))," \
	"above the floor: $(bench_ratio "$(echo "$ours - $floor" | bc)" "$(echo "$ref - $floor" | bc)")," \
	"pskit/floor: $(bench_ratio "$ours" "$floor")"
