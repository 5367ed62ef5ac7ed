#!/usr/bin/env bats
# make install into a DESTDIR: the installed names (pk-free ...) in the man
# pages, the README's examples as written, bash and zsh completions, and
# make uninstall leaving nothing behind.

bats_require_minimum_version 1.5.0
load helper

CMDS="free ifconfig iostat procinfo procsmem winservices"

setup() {
	DEST=$BATS_TEST_TMPDIR/dest
	run make -s -C "$PSKIT_ROOT" install DESTDIR="$DEST" PREFIX=/usr/local
	assert_success
	BIN=$DEST/usr/local/bin
	BASHC=$DEST/usr/local/share/bash-completion/completions
	ZSHC=$DEST/usr/local/share/zsh/site-functions
	MAN=$DEST/usr/local/share/man
}

# section PAGE NAME: the rendered text of one section of a man page.
section() {
	mandoc -Tascii "$1" | col -b | awk -v s="$2" '
		/^[A-Z][A-Z ]*$/ { on = ($0 == s); next }
		on { print }'
}

@test "install: man pages name the installed command in NAME, SYNOPSIS, EXAMPLES" {
	local c page out
	for c in $CMDS; do
		page=$MAN/man1/pk-$c.1
		[ -f "$page" ] || fail "$page not installed"
		run mandoc -Tlint -Wwarning "$page"
		[ -z "$output" ] || fail "lint $page: $output"
		out=$(section "$page" NAME)
		[[ $out == *"pk-$c – "* || $out == *"pk-$c - "* ]] || fail "NAME of $c: $out"
		section "$page" SYNOPSIS | grep -qE "^[[:space:]]+pk-$c( |$)" ||
			fail "SYNOPSIS of $c: $(section "$page" SYNOPSIS | head -3)"
		mandoc -Tascii "$page" | col -b | head -1 | grep -q "^PK-${c^^}(1)" ||
			fail "title of $c"
		# no example line starts with a bare command name
		if section "$page" EXAMPLES | grep -E "^[[:space:]]+(\\$ )?(${CMDS// /|}) "; then
			fail "bare name in EXAMPLES of $c"
		fi
	done
	# every example of free(1) is there under the installed name
	section "$MAN/man1/pk-free.1" EXAMPLES | grep -qE '^[[:space:]]+\$ pk-free -mw$'
	grep -q '^\.Xr pk-free 1' "$MAN/man7/pskit-prom.7"
	# PROG_PREFIX= installs pages that say free, as the source does
	run make -s -C "$PSKIT_ROOT" install DESTDIR="$BATS_TEST_TMPDIR/bare" PREFIX=/usr PROG_PREFIX=
	assert_success
	cmp "$PSKIT_ROOT/man/free.1" "$BATS_TEST_TMPDIR/bare/usr/share/man/man1/free.1"
}

@test "install: the README's examples work after make install, as written" {
	local tf=$BATS_TEST_TMPDIR/textfile ex n=0
	mkdir -p "$tf"
	# backquoted and indented examples that start with a command name
	python3 - "$PSKIT_ROOT/README.md" > "$BATS_TEST_TMPDIR/examples" <<-'EOF'
	import re, sys
	names = "free|ifconfig|iostat|procinfo|procsmem|winservices"
	for line in open(sys.argv[1]):
	    cands = re.findall(r"`([^`]+)`", line)
	    m = re.match(r"^(?:    |\$ )\s*(.*?)\s*(?:#.*)?$", line)
	    if m: cands.append(m.group(1))
	    for c in cands:
	        c = re.sub(r"^\$ ", "", c)
	        if " " in c.strip() and re.match(r"^(pk-)?(%s)(\.exe)? " % names, c):
	            print(c)
	EOF
	# examples on the test fixtures name them from the top of the tree
	ln -s "$PSKIT_ROOT/tests" "$BATS_TEST_TMPDIR/tests"
	while IFS= read -r ex; do
		case $ex in
		*.exe*) continue ;;		# the Windows build
		pk-*) ;;
		*) fail "README example with a bare name (procps' free has no -o): $ex" ;;
		esac
		# only the textfile directory is substituted
		ex=${ex//\/var\/lib\/prometheus\/node-exporter/$tf}
		(cd "$BATS_TEST_TMPDIR" && PATH=$BIN:$PATH bash -c "$ex" > /dev/null) ||
			fail "README example failed: $ex"
		n=$((n + 1))
	done < "$BATS_TEST_TMPDIR/examples"
	[ "$n" -ge 6 ] || fail "only $n README examples ran"
	[ -s "$tf/pskit_free.prom" ]
}

# comp CMD WORDS...: the bash completions of the last word.
comp() {
	local cmd=$1
	shift
	PATH=$BIN:$PATH bash -c '
		. "$1/$2"
		shift 2
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		f=$(complete -p "${COMP_WORDS[0]}" | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
		[ -n "$f" ] || exit 3
		"$f"
		printf "%s\n" "${COMPREPLY[@]}"' _ "$BASHC" "$cmd" "$cmd" "$@"
}

@test "install: bash completions of every command: options from --help, formats" {
	local c o
	for c in $CMDS; do
		[ -f "$BASHC/pk-$c" ] || fail "no bash completion for pk-$c"
		run comp "pk-$c" -o ""
		assert_success
		[ "$(sort <<< "$output" | tr '\n' ' ')" = "json prom text tsv " ] ||
			[ "$c" = iostat ] || fail "pk-$c -o: $output"
		run comp "pk-$c" --
		assert_success
		for o in $("$BIN/pk-$c" --help 2>&1 | grep -oE -- '--[a-z][-a-z0-9]*' | sort -u); do
			grep -qxF -- "$o" <<< "$output" || fail "pk-$c: $o not completed"
		done
	done
	run comp pk-free --js
	assert_output --json
	run comp pk-iostat -o J
	assert_output JSON
}

@test "install: bash completes interfaces, devices and PIDs" {
	local want
	run comp pk-ifconfig ""
	assert_success
	for want in /sys/class/net/*; do
		assert_line "${want##*/}"
	done
	run comp pk-iostat ""
	assert_success
	want=$(awk 'NR == 1 { print $3 }' /proc/diskstats)
	[ -z "$want" ] || assert_line "$want"
	sleep 30 &
	local pid=$!
	run comp pk-procinfo "${pid:0:2}"
	kill "$pid"
	wait "$pid" 2>/dev/null || [ $? -eq 143 ]
	assert_success
	assert_line "$pid"
}

@test "install: zsh completion is installed and registers the six names" {
	[ -f "$ZSHC/_pskit" ] || fail "no zsh completion"
	command -v zsh >/dev/null || skip "zsh not installed"
	run zsh -n "$ZSHC/_pskit"
	assert_success
	run zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -d "$2"
		for c in free ifconfig iostat procinfo procsmem winservices; do
			print "pk-$c=${_comps[pk-$c]}"
		done' _ "$ZSHC" "$BATS_TEST_TMPDIR/zcompdump"
	assert_success
	local c
	for c in $CMDS; do
		assert_line "pk-$c=_pskit"
	done
}

@test "install: make uninstall removes every file it installed" {
	run make -s -C "$PSKIT_ROOT" uninstall DESTDIR="$DEST" PREFIX=/usr/local
	assert_success
	run find "$DEST" -type f
	assert_output ""
}
