#!/usr/bin/env bats
# Every relative link of README.md and doc/*.md resolves to a file or
# directory inside the repository: a clone has nothing beside it.

bats_require_minimum_version 1.5.0
load helper

# links FILE: the target of every Markdown link [text](target) and every
# backquoted path that names a .md file, one per line.
links() {
	python3 - "$1" <<-'EOF'
	import re, sys
	text = open(sys.argv[1]).read()
	for m in re.finditer(r'\[[^\]]*\]\(([^)\s]+)\)', text):
	    print(m.group(1))
	for m in re.finditer(r'`([^`\s]*\.md)`', text):
	    print(m.group(1))
	EOF
}

@test "doclinks: every relative link in README and doc/ resolves inside the repo" {
	local f t path real n=0
	for f in "$PSKIT_ROOT/README.md" "$PSKIT_ROOT"/doc/*.md; do
		[ -f "$f" ] || continue
		while IFS= read -r t; do
			case $t in *://* | mailto:* | '#'*) continue ;; esac
			path=${t%%#*}
			real=$(realpath -m "$(dirname "$f")/$path")
			[ -e "$real" ] || fail "${f#"$PSKIT_ROOT"/}: $t does not exist"
			case $real/ in "$PSKIT_ROOT"/*) ;;
			*) fail "${f#"$PSKIT_ROOT"/}: $t points outside the repository" ;; esac
			n=$((n + 1))
		done < <(links "$f")
	done
	[ "$n" -gt 0 ] || fail "no link checked"
}

@test "doclinks: the README links the design document" {
	grep -qF '(doc/DESIGN.md)' "$PSKIT_ROOT/README.md"
	[ -f "$PSKIT_ROOT/doc/DESIGN.md" ]
}
