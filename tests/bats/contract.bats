#!/usr/bin/env bats
# doc/CONTRACT.md, checked for all six commands, each run by its own name
# and through a pk- symlink (the installed name).  A seventh command is
# added to CMDS and to the tables below, or this test fails on it.

bats_require_minimum_version 1.5.0
load helper

CMDS="free ifconfig iostat procinfo procsmem winservices"
SHARED="--output --tsv --json --no-header --outfile --procfs --sysfs --help --version"

setup() {
	local F=$PSKIT_FIXTURES
	# doc/CONTRACT.md's exit status table
	declare -gA USAGE=([free]=1 [iostat]=1 [ifconfig]=1 [procinfo]=2
	    [procsmem]=2 [winservices]=2)
	# arguments that make a report from the fixtures
	declare -gA ARGS=(
		[free]="--procfs $F/free/f1/proc"
		[ifconfig]="-a --procfs $F/ifconfig/units/proc"
		[iostat]="--procfs $F/iostat/basic/proc --sysfs $F/iostat/basic/sys"
		[procinfo]="--procfs $F/procinfo/sleep/proc $(ls "$F/procinfo/sleep/proc" | grep -E '^[0-9]+$' | sort -n | tail -1)"
		[procsmem]="--procfs $F/procsmem/basic/proc"
		[winservices]=""
	)
	LINKS=$BATS_TEST_TMPDIR/links
	mkdir -p "$LINKS"
	for c in $CMDS; do
		ln -sf "$PSKIT_BIN/$c" "$LINKS/pk-$c"
	done
}

# names C: the command by its own name and by the installed one.
names() {
	echo "$PSKIT_BIN/$1" "$LINKS/pk-$1"
}

@test "contract: --version is '<invoked name> (pskit) <version>', status 0" {
	local c p v
	v=$(sed -n 's/^#define PSKIT_VERSION[[:space:]]*"\(.*\)"/\1/p' "$PSKIT_ROOT/include/pskit.h")
	for c in $CMDS; do
		for p in $(names $c); do
			run -0 "$p" --version
			assert_output "${p##*/} (pskit) $v"
		done
	done
}

@test "contract: --help lists every shared option, on stdout, status 0" {
	local c o
	for c in $CMDS; do
		run -0 --separate-stderr "$PSKIT_BIN/$c" --help
		for o in $SHARED; do
			[[ $output == *"$o"* ]] || fail "$c --help lacks $o"
		done
	done
}

@test "contract: an unknown option is the command's usage status" {
	local c p
	for c in $CMDS; do
		for p in $(names $c); do
			run --separate-stderr "$p" --no-such-option
			[ "$status" -eq "${USAGE[$c]}" ] || fail "$p: status $status"
			[ -n "$stderr" ] || fail "$p: no message"
		done
	done
}

@test "contract: an unknown format is named with the invoked name, then the usage status" {
	local c p
	for c in $CMDS; do
		for p in $(names $c); do
			run --separate-stderr "$p" -o yaml
			[ "$status" -eq "${USAGE[$c]}" ] || fail "$p: status $status"
			[[ $stderr == "${p##*/}: unknown output format 'yaml'"* ]] ||
			    fail "$p: $stderr"
			run --separate-stderr "$p" --output=yaml
			[ "$status" -eq "${USAGE[$c]}" ] || fail "$p --output=: status $status"
		done
	done
}

@test "contract: every command accepts --outfile, and -w where it means --outfile" {
	local c f=$BATS_TEST_TMPDIR/out opt
	for c in $CMDS; do
		for opt in --outfile -w; do
			[ $opt = -w ] && { [ $c = free ] || [ $c = procsmem ]; } && continue
			rm -f "$f"
			# shellcheck disable=SC2086  # fixture paths have no blanks
			run --separate-stderr "$PSKIT_BIN/$c" ${ARGS[$c]} -o tsv $opt "$f"
			if [ $c = winservices ] && [[ $stderr == *"not supported"* ]]; then
				[ "$status" -eq 1 ] || fail "winservices: status $status"
				continue
			fi
			[ "$status" -eq 0 ] || fail "$c $opt: status $status: $stderr"
			[ -s "$f" ] || fail "$c $opt: no file"
			[ -z "$output" ] || fail "$c $opt: printed $output"
		done
	done
}

@test "contract: -w is wide in free and --system in procsmem" {
	local F=$PSKIT_FIXTURES
	run -0 "$PSKIT_BIN/free" --procfs "$F/free/f1/proc" -w
	[[ ${lines[0]} == *" buffers "*" cache "* ]] || fail "free -w: ${lines[0]}"
	run -0 "$PSKIT_BIN/procsmem" --procfs "$F/procsmem/basic/proc" -w
	local wide=$output
	run -0 "$PSKIT_BIN/procsmem" --procfs "$F/procsmem/basic/proc" --system
	[ "$output" = "$wide" ]
	[[ ${lines[0]} == *Area* ]] || fail "procsmem -w: ${lines[0]}"
}

@test "contract: a named target that does not exist" {
	run --separate-stderr "$PSKIT_BIN/ifconfig" nosuch0
	[ "$status" -eq 1 ] || fail "ifconfig: $status"	# net-tools
	run --separate-stderr "$PSKIT_BIN/procinfo" 999999999
	[ "$status" -eq 3 ] || fail "procinfo: $status"
	run --separate-stderr "$PSKIT_BIN/free" --cgroup=/pskit-no-such-cgroup-$$
	[ "$status" -eq 3 ] || fail "free --cgroup: $status $stderr"
	run --separate-stderr "$PSKIT_BIN/procsmem" --cgroup=/pskit-no-such-cgroup-$$
	[ "$status" -eq 3 ] || fail "procsmem --cgroup: $status $stderr"
	# iostat: sysstat skips a named device that does not exist, status 0
	# shellcheck disable=SC2086
	run -0 "$PSKIT_BIN/iostat" ${ARGS[iostat]} -d nosuchdev
}

@test "contract: SIGTERM after the sample is 128+15 for every interval command" {
	local c pid rc
	for c in free iostat; do
		case $c in
		free) "$PSKIT_BIN/free" ${ARGS[free]} -s 0.1 -o json >/dev/null & ;;
		# shellcheck disable=SC2086
		iostat) "$PSKIT_BIN/iostat" ${ARGS[iostat]} -o tsv 1 >/dev/null & ;;
		esac
		pid=$!
		sleep 0.5
		kill -TERM "$pid"
		rc=0
		wait "$pid" || rc=$?
		[ "$rc" -eq 143 ] || fail "$c: status $rc"
	done
}

@test "contract: the man SYNOPSIS and --help name the same options" {
	command -v mandoc >/dev/null || skip "mandoc not installed"
	run -0 python3 "$PSKIT_ROOT/scripts/synopsis-check.py" "$PSKIT_BIN" "$PSKIT_ROOT/man"
}

@test "contract: the README links doc/CONTRACT.md" {
	grep -q '(doc/CONTRACT.md)' "$PSKIT_ROOT/README.md"
	[ -f "$PSKIT_ROOT/doc/CONTRACT.md" ]
}
