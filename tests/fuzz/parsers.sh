#!/bin/sh
# parsers.sh: every parser of lib/common and lib/fmt must be reached by a
# fuzz target.
# The parsers are the functions declared in include/pskit/*.h and defined
# in lib/common or lib/fmt whose name contains "parse" or "escape", or whose first
# parameters are (const char *, size_t), plus the names listed in
# tests/fuzz/entry-points (parsers under other names).  A parser counts
# as reached when a tests/fuzz/fuzz_*.c calls it.  Prints TAP.
# Run from the top of the tree.
set -eu

# Declarations, one per line: join continuation lines, then keep the name.
decls=$(cat include/*.h include/pskit/*.h | awk '
	/^[a-z].*\(/ { line = $0; while (line !~ /\);/ && (getline nx) > 0) line = line " " nx; print line }')
names=$( {
	printf '%s\n' "$decls" |
	    sed -n 's/^[^(]*[ *]\([a-z_][a-z0-9_]*\)(\(.*\)).*$/\1 \2/p' |
	    awk '$1 ~ /parse|escape/ || $0 ~ /^[a-z0-9_]+ const char \*[a-z_]*, size_t/ { print $1 }'
	grep -v '^#' tests/fuzz/entry-points | awk 'NF { print $1 }'
} | sort -u)

n=0 bad=0
for f in $names; do
	# only what lib/common defines (platform probes read files, they do
	# not parse bytes themselves)
	grep -q "^$f(" lib/common/*.c lib/fmt/*.c || continue
	n=$((n + 1))
	if grep -lqw "$f" tests/fuzz/fuzz_*.c; then
		echo "ok $n - $f is fuzzed ($(grep -lw "$f" tests/fuzz/fuzz_*.c | sed 's|.*/||' | paste -sd, -))"
	else
		bad=$((bad + 1))
		echo "not ok $n - $f: no tests/fuzz/fuzz_*.c calls it"
	fi
done
echo "1..$n"
[ "$bad" -eq 0 ]
