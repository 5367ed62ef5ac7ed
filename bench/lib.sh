# bench/lib.sh: shared timing helpers for bench/<tool>.sh.  Sourced.
# Times are means over many runs by hyperfine (no shell in between, -N),
# measured in the same run so ratios compare like with like.

BENCH_RUNS=${BENCH_RUNS:-300}
BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/pskit-bench.XXXXXX")
trap 'rm -rf "$BENCH_TMP"' EXIT

# bench_mean CMD: mean wall time of CMD in milliseconds (3 decimals).
bench_mean() {
	hyperfine -N --style none --warmup 20 --runs "$BENCH_RUNS" \
		--export-json "$BENCH_TMP/h.json" "$1" >/dev/null 2>&1 || {
		echo "NaN"; return; }
	jq '.results[0].mean * 1000 * 1000 | round / 1000' "$BENCH_TMP/h.json"
}

# bench_row NAME CMD: print "NAME<TAB>mean ms" and remember the mean.
bench_row() {
	BENCH_LAST=$(bench_mean "$2")
	printf '  %-34s %9s ms\n' "$1" "$BENCH_LAST"
}

# bench_ratio A B: A / B to two decimals.
bench_ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "NaN" }'
}
