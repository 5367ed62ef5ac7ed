#!/usr/bin/env bats
# ifconfig: options, messages and exit statuses (no namespace needed: these
# print nothing on stdout, so the host's moving counters do not matter).
# The views themselves are compared in ifconfig_netns.bats and
# ifconfig_counters.bats.

bats_require_minimum_version 1.5.0
load helper
load ifconfig_netns

# msg_as_nettools ARGS...: same stdout, stderr and status as net-tools.
msg_as_nettools() {
	[ -x "$NETTOOLS" ] || skip "net-tools ifconfig not installed"
	run --separate-stderr "$NETTOOLS" "$@"
	local rs=$status ro=$output re=$stderr
	run --separate-stderr "$IFCONFIG" "$@"
	[ "$status" -eq "$rs" ] || fail "status $status, net-tools $rs for $*"
	[ "$output" = "$ro" ] || fail "stdout differs for $*"
	[ "$stderr" = "$re" ] || fail "stderr '$stderr', net-tools '$re'"
}

@test "ifconfig: unknown options get net-tools' messages and status" {
	local a
	for a in -x -as -sa -- - --nosuch -S -vv --all; do
		msg_as_nettools "$a"
		msg_as_nettools -a "$a" lo
	done
}

@test "ifconfig: an unknown name gets net-tools' message and status 1" {
	msg_as_nettools pskit-nosuch0
	msg_as_nettools -a pskit-nosuch0
	msg_as_nettools -v pskit-nosuch0
}

@test "ifconfig: configuring is refused with the usage status 1" {
	run --separate-stderr "$IFCONFIG" lo up
	[ "$status" -eq 1 ]
	[ "$stderr" = "ifconfig: configuring interfaces is not supported; use ip(8)" ]
	[ -z "$output" ]
	run --separate-stderr "$IFCONFIG" -a lo mtu 1500
	[ "$status" -eq 1 ]
}

@test "ifconfig: --help and --version" {
	run "$IFCONFIG" --help
	assert_success
	assert_line --index 0 "Usage:"
	assert_output --partial "[-a] [-v] [-s]"
	run "$IFCONFIG" -h
	assert_success
	run "$IFCONFIG" --version
	assert_success
	assert_output "ifconfig (pskit) 0.1.0"
	run "$IFCONFIG" -V
	assert_output "ifconfig (pskit) 0.1.0"
}

@test "ifconfig: the man page SYNOPSIS names the options of --help" {
	command -v mandoc >/dev/null || skip "mandoc not installed"
	local opt syn
	syn=$(mandoc -Tascii "$PSKIT_ROOT/man/ifconfig.1" | sed 's/.\x08//g' |
	    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p')
	run "$IFCONFIG" --help
	for opt in -a -v -s -A -P -o --tsv --json --no-header -w --outfile \
	    --procfs --sysfs --all-addresses --psutil --help --version; do
		assert_output --partial -- "$opt"
		[[ $syn == *"$opt"* ]] || fail "$opt missing from the SYNOPSIS"
	done
}

@test "ifconfig: bad output formats and missing option values" {
	run --separate-stderr "$IFCONFIG" -o xml
	[ "$status" -eq 1 ]
	[ "$stderr" = "ifconfig: unknown output format 'xml' (text, tsv, json, prom)" ]
	run --separate-stderr "$IFCONFIG" -o
	[ "$status" -eq 1 ]
	[ "$stderr" = "ifconfig: option \`-o' requires an argument." ]
}

@test "ifconfig: a failed write is reported" {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr "$IFCONFIG" -a
	assert_success
	run --separate-stderr bash -c '"$0" -a > /dev/full' "$IFCONFIG"
	[ "$status" -eq 1 ]
	[ "$stderr" = "ifconfig: write error" ]
	run --separate-stderr bash -c '"$0" -a --json > /dev/full' "$IFCONFIG"
	[ "$status" -eq 1 ]
}

@test "ifconfig: output to a pipe that closes early ends quietly" {
	run --separate-stderr bash -c '"$0" -a | head -c 1 >/dev/null; exit ${PIPESTATUS[0]}' "$IFCONFIG"
	[ -z "$stderr" ]
}

@test "ifconfig: the stub build says the system is not supported" {
	[ -x "$PSKIT_BIN/stub/ifconfig" ] || skip "make PLATFORM=stub not built"
	run --separate-stderr "$PSKIT_BIN/stub/ifconfig" -a
	[ "$status" -eq 1 ]
	[[ $stderr == *"not supported on this system"* ]]
}

@test "ifconfig: -w keeps the previous file when the name is unknown" {
	local f=$BATS_TEST_TMPDIR/report
	echo previous >"$f"
	run --separate-stderr "$IFCONFIG" -w "$f" pskit-nosuch0
	[ "$status" -eq 1 ]
	[ "$(cat "$f")" = previous ]
	[ -z "$(find "$BATS_TEST_TMPDIR" -name '.*' -newer "$f" -type f)" ]
	run "$IFCONFIG" --tsv -w "$f" lo
	assert_success
	[ "$(head -c 7 "$f")" = "ifname$(printf '\t')" ]
}
