#!/bin/sh
# replay.sh: run every built fuzz target once over each of its seeds
# (-runs=0: no timed fuzzing) and print TAP.  A target without seeds fails.
# Run from the top of the tree after `make fuzz CC=clang`.
set -u
n=0 bad=0
log=$(mktemp "${TMPDIR:-/tmp}/pskit-replay.XXXXXX")
trap 'rm -f "$log"' EXIT
for src in tests/fuzz/fuzz_*.c; do
	t=${src##*/}; t=${t%.c}
	n=$((n + 1))
	if [ ! -x "tests/fuzz/bin/$t" ]; then
		echo "not ok $n - $t: tests/fuzz/bin/$t not built"; bad=$((bad + 1)); continue
	fi
	if ! seeds=$(sh tests/fuzz/seeds.sh "$t" 2>"$log"); then
		echo "not ok $n - $t: $(cat "$log")"; bad=$((bad + 1)); continue
	fi
	# shellcheck disable=SC2086
	if "tests/fuzz/bin/$t" -runs=0 $seeds >"$log" 2>&1; then
		echo "ok $n - $t replays its $(printf '%s\n' "$seeds" | wc -l) seeds"
	else
		echo "not ok $n - $t crashed on a seed"; bad=$((bad + 1))
		grep -E 'ERROR|SUMMARY|Running:|^ +#[0-5] ' "$log" | head -12 | sed 's/^/# /'
	fi
done
echo "1..$n"
[ "$bad" -eq 0 ]
