#!/usr/bin/env bats
# free on hostile meminfo files: every case ends under a timeout with
# status 0 (procps prints what it parsed) or 1 and one line on stderr,
# never a signal, and structured output stays valid.

bats_require_minimum_version 1.5.0
load helper

FREE=${FREE:-$PSKIT_BIN/free}

setup() {
	P=$BATS_TEST_TMPDIR/proc
	mkdir -p "$P"
}

# check_case: run every format on $P and judge the outcome.
check_case() {
	local fmt
	for fmt in text tsv json prom; do
		run --separate-stderr timeout 10 "$FREE" --procfs "$P" -o $fmt -ltvw
		[ "$status" -lt 124 ] || fail "$1 ($fmt): status $status (timeout or signal)"
		[ "$status" -le 1 ] || fail "$1 ($fmt): status $status"
		[ "$(printf '%s' "$stderr" | wc -l)" -le 1 ] || fail "$1 ($fmt): stderr: $stderr"
		if [ "$status" -eq 0 ] && [ $fmt = json ]; then
			jq -e . <<< "$output" >/dev/null || fail "$1: invalid JSON"
		fi
		if [ "$status" -ne 0 ]; then
			[ -n "$stderr" ] || fail "$1 ($fmt): failed silently"
			[ -z "$output" ] || fail "$1 ($fmt): partial output"
		fi
	done
}

@test "free hostile: empty file" {
	: > "$P/meminfo"; check_case empty
}

@test "free hostile: truncated mid-line and without final newline" {
	printf 'MemTotal:    1000 kB\nMemFree:  50' > "$P/meminfo"; check_case truncated
}

@test "free hostile: binary garbage" {
	head -c 65536 /dev/urandom > "$P/meminfo"; check_case garbage
}

@test "free hostile: a 1 MiB line" {
	{ printf 'MemTotal: '; head -c 1048576 /dev/zero | tr '\0' 9; printf ' kB\n'; } > "$P/meminfo"
	check_case long-line
}

@test "free hostile: numbers at and past 2^64, negative numbers" {
	printf 'MemTotal: 18446744073709551615 kB\nMemFree: 18446744073709551616 kB\nMemAvailable: -5 kB\nSwapTotal: -18446744073709551615 kB\nShmem: 99999999999999999999999999999 kB\n' > "$P/meminfo"
	check_case huge
}

@test "free hostile: NUL bytes in keys and values" {
	printf 'Mem\0Total: 5 kB\nMemFree: 1\0002 kB\n' > "$P/meminfo"; check_case nul
}

@test "free hostile: a directory where meminfo should be" {
	mkdir "$P/meminfo"; check_case directory
	[ "$status" -eq 1 ]
}

@test "free hostile: a symlink loop" {
	ln -s meminfo "$P/meminfo"; check_case loop
	[ "$status" -eq 1 ]
}

@test "free hostile: a FIFO with no writer does not hang forever" {
	mkfifo "$P/meminfo"; check_case fifo
	[ "$status" -eq 1 ]
}

@test "free hostile: unreadable meminfo (as a normal user)" {
	local -a asuser=()
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv >/dev/null ||
			skip "root reads mode-000 files and setpriv(1) is missing"
		asuser=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
		"${asuser[@]}" true 2>/dev/null || skip "cannot run as nobody"
	fi
	local d
	d=$(mktemp -d "${TMPDIR:-/tmp}/pskit-free.XXXXXX")
	chmod 755 "$d"
	printf 'MemTotal: 5 kB\n' > "$d/meminfo"
	chmod 000 "$d/meminfo"
	run --separate-stderr timeout 10 "${asuser[@]}" "$FREE" --procfs "$d"
	rm -rf "$d"
	[ "$status" -eq 1 ] || fail "status $status"
	[ "$stderr" = "free: Unable to create meminfo structure" ] || fail "$stderr"
	[ -z "$output" ]
}

@test "free hostile: a character device (endless data) is refused" {
	ln -s /dev/zero "$P/meminfo"; check_case device
	[ "$status" -eq 1 ]
}
