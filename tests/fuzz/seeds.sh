#!/bin/sh
# seeds.sh TARGET: the seed files of tests/fuzz/TARGET (the regular files
# matching the globs of tests/fuzz/TARGET.seeds), one a line.  Fails when
# the list is missing or matches nothing.  Run from the top of the tree.
set -eu
list=tests/fuzz/$1.seeds
[ -f "$list" ] || { echo "seeds.sh: no $list" >&2; exit 1; }
n=0
for g in $(grep -v '^#' "$list"); do
	for f in $g; do
		[ -f "$f" ] || continue
		echo "$f"
		n=$((n + 1))
	done
done
[ "$n" -gt 0 ] || { echo "seeds.sh: $list matches no file" >&2; exit 1; }
