#!/bin/sh
# bench/run.sh: run every bench/<tool>.sh; each prints its times and the
# ratio of pskit to the reference tool measured in the same run.
cd "$(dirname "$0")/.." || exit 1
if ! command -v hyperfine >/dev/null 2>&1 || ! command -v jq >/dev/null 2>&1; then
	echo "bench: needs hyperfine and jq (sh scripts/deps.sh test)" >&2
	exit 1
fi
for b in bench/*.sh; do
	case $b in bench/lib.sh|bench/run.sh) continue ;; esac
	sh "$b" || echo "bench: $b failed" >&2
done
