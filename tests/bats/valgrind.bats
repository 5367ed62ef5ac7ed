#!/usr/bin/env bats
# valgrind over one run of each command with each argument line of
# tests/leak/<cmd>.args (every output format): no memory error, no leak.

bats_require_minimum_version 1.5.0
load helper

@test "valgrind: every command, every format, no error and no leak" {
	command -v valgrind >/dev/null || skip "valgrind not installed"
	[ "${SANITIZE:-}" != 1 ] || skip "binaries built with ASan (SANITIZE=1); valgrind runs on the plain build"
	local args cmd line n=0
	cd "$PSKIT_ROOT"
	for args in tests/leak/*.args; do
		cmd=${args##*/}; cmd=${cmd%.args}
		[ -x "bin/$cmd" ] || continue
		while IFS= read -r line; do
			case $line in '#'*|'') continue ;; esac
			# shellcheck disable=SC2086
			run --separate-stderr valgrind -q --error-exitcode=99 \
				--leak-check=full --errors-for-leak-kinds=definite,indirect \
				"bin/$cmd" $line
			# 99 is a memory error or leak; any other non-zero status
			# (a signal, an early failure) means the run proved nothing
			[ "$status" -eq 0 ] || fail "bin/$cmd $line: status $status: $stderr"
			n=$((n + 1))
		done < "$args"
	done
	[ $n -gt 0 ] || fail "no command was run"
}
