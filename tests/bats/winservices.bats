#!/usr/bin/env bats
# winservices on Linux and the stub platform: Windows only, said clearly;
# options still parsed (--help, --version, usage errors).

bats_require_minimum_version 1.5.0
load helper

WS=${WINSERVICES:-$PSKIT_BIN/winservices}

@test "winservices: Linux says it is Windows only, exit 1" {
	for args in "" "--json" "-o prom" "EventLog"; do
		run -1 --separate-stderr $WS $args
		[ -z "$output" ]
		assert_equal "$stderr" "winservices: not supported on this system (Windows only)"
	done
}

@test "winservices: the stub build says the same" {
	[ -x "$PSKIT_BIN/stub/winservices" ] || skip "no stub build (make PLATFORM=stub)"
	run -1 --separate-stderr "$PSKIT_BIN/stub/winservices"
	assert_equal "$stderr" "winservices: not supported on this system (Windows only)"
}

@test "winservices: --help to stdout, exit 0; --version" {
	run -0 --separate-stderr "$WS" --help
	assert_line --index 0 "usage: winservices [-V] [-o fmt] [-s status] [-t start_type] [-w file] [--json]"
	[ -z "$stderr" ]
	run -0 "$WS" --version
	assert_output "winservices (pskit) 0.1.0"
	run -0 "$WS" -V
	assert_output "winservices (pskit) 0.1.0"
}

@test "winservices: usage errors exit 2" {
	run -2 --separate-stderr "$WS" --nosuch
	run -2 --separate-stderr "$WS" -o xml
	assert_equal "${stderr%%$'\n'*}" "winservices: unknown output format 'xml' (text, tsv, json, prom)"
	run -2 --separate-stderr "$WS" -s sleeping
	assert_equal "${stderr%%$'\n'*}" "winservices: unknown status 'sleeping'"
	run -2 --separate-stderr "$WS" -t sometimes
	assert_equal "${stderr%%$'\n'*}" "winservices: unknown start type 'sometimes'"
}

@test "winservices: the man page synopsis matches --help" {
	command -v mandoc >/dev/null || skip "mandoc not installed"
	run -0 "$WS" --help
	local help
	# the usage lines, up to the first blank one (three since --procfs,
	# --sysfs and --help joined the SYNOPSIS for the contract)
	help=$(printf '%s\n' "$output" | sed '/^$/q' | sed 's/^usage: //' | tr -s ' \n' ' ')
	run -0 bash -c "mandoc -Tascii '$PSKIT_ROOT/man/winservices.1' | col -b | sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;\$d' | tr -s ' \n' ' '"
	assert_equal "$(echo $output)" "$(echo $help)"
}
