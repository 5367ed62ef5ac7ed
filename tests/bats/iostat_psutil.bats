#!/usr/bin/env bats
# iostat --psutil against psutil 5.9.4's disk_io_counters(perdisk=True) on
# the same fixture (issue 17 item 11): psutil reads PROCFS_PATH/diskstats
# (its Linux 2.4, 2.6 and 4.18+ layouts by field count), else /sys/block
# (os.walk, partitions below their disk), and never proc/stat or uptime.
# The /sys/block fallback needs a private mount namespace (root): psutil
# does not take a sysfs path.

bats_require_minimum_version 1.5.0
load helper

IOSTAT=${IOSTAT:-$PSKIT_BIN/iostat}
FX=$PSKIT_FIXTURES/iostat/psutil
PY=/usr/bin/python3
PSD=$BATS_TEST_DIRNAME/psutil_disks.py

setup() {
	"$PY" -c 'import psutil; assert psutil.__version__ == "5.9.4"' 2>/dev/null ||
		skip "python3-psutil 5.9.4 missing (scripts/deps.sh)"
}

# same_as_psutil PROC SYS: outputs and failure equal, output non-empty
same_as_psutil() {
	run --separate-stderr "$PY" "$PSD" "$1"
	local ps_status=$status ps_out=$output
	run --separate-stderr "$IOSTAT" --psutil --procfs "$1" --sysfs "$2"
	[ "$status" -eq "$ps_status" ] ||
		fail "status: pskit $status, psutil $ps_status ($stderr)"
	[ "$output" = "$ps_out" ] ||
		fail "$(diff <(echo "$ps_out") <(echo "$output"))"
}

@test "iostat --psutil: 15-field (Linux 2.4), 14, 18, 20 and 7-field lines as psutil" {
	same_as_psutil "$FX/v24/proc" "$FX/v24/sys"
	[ "$status" -eq 0 ]
	# the documented 2.4 line: reads in the third field, the name fourth
	assert_line --index 0 'hda: sdiskio(read_count=1, write_count=5, read_bytes=1536, write_bytes=3584, read_time=4, write_time=8, read_merged_count=2, write_merged_count=6, busy_time=10)'
}

@test "iostat --psutil: the basic fixture as psutil" {
	same_as_psutil "$PSKIT_FIXTURES/iostat/basic/proc" "$PSKIT_FIXTURES/iostat/basic/sys"
	[ "$status" -eq 0 ] && [ -n "$output" ]
}

@test "iostat --psutil: needs no proc/stat nor proc/uptime" {
	[ ! -e "$FX/v24/proc/stat" ] && [ ! -e "$FX/v24/proc/uptime" ]
	run "$IOSTAT" --psutil --procfs "$FX/v24/proc" --sysfs "$FX/v24/sys" -o json
	assert_success
	jq -e '.[0].device == "hda" and .[0].read_bytes == 1536' <<<"$output"
}

@test "iostat --psutil: lines psutil cannot interpret fail both, duplicates keep the last" {
	local d=$BATS_TEST_TMPDIR/p
	mkdir -p "$d/sys"
	printf '8 0 sda 1 2 3 4 5 6 7 8 9 10 11 12\n8 1 sda1 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n' >"$d/diskstats"
	same_as_psutil "$d" "$d/sys"
	[ "$status" -eq 1 ]
	printf '8 0 sda 1 2 3 4 5 6 7 8 x 10 11\n' >"$d/diskstats"
	same_as_psutil "$d" "$d/sys"
	[ "$status" -eq 1 ]
	# fields after the eleventh are never converted
	printf '8 0 sda 1 2 3 4 5 6 7 8 9 10 11 0 0 0 x\n' >"$d/diskstats"
	same_as_psutil "$d" "$d/sys"
	[ "$status" -eq 0 ]
	printf '8 0 sda 1 2 3 4 5 6 7 8 9 10 11\n8 0 sdb 1 2 3 4\r8 0 sda 9 9 9 9 9 9 9 9 9 9 9\n' >"$d/diskstats"
	same_as_psutil "$d" "$d/sys"
	[ "$status" -eq 0 ]
	assert_line --index 0 --partial 'sda: sdiskio(read_count=9,'
	printf '8 0 sda 1 2 3 4 5 6 7 8 9 10 11\n\n' >"$d/diskstats"
	same_as_psutil "$d" "$d/sys"
	[ "$status" -eq 1 ]
}

@test "iostat --psutil: no diskstats, /sys/block walked as psutil (mount namespace)" {
	[ "$(id -u)" -eq 0 ] || skip "needs root: psutil reads /sys/block itself, bound over in a mount namespace"
	unshare -m true 2>/dev/null || skip "cannot create a mount namespace here"
	[ ! -e "$FX/sysfs/proc/diskstats" ]
	run unshare -m sh -c '
		mount --bind "$1/sysfs/sys/block" /sys/block || exit 99
		"$2" "$3" "$1/sysfs/proc" >"$4/ps.out" 2>&1; echo "$?" >"$4/ps.rc"
		"$5" --psutil --procfs "$1/sysfs/proc" --sysfs /sys >"$4/pk.out" 2>&1
		echo "$?" >"$4/pk.rc"' sh "$FX" "$PY" "$PSD" "$BATS_TEST_TMPDIR" "$IOSTAT"
	assert_success
	[ "$(cat "$BATS_TEST_TMPDIR/pk.rc")" -eq 0 ] || fail "$(cat "$BATS_TEST_TMPDIR/pk.out")"
	[ "$(cat "$BATS_TEST_TMPDIR/ps.rc")" -eq 0 ] || fail "$(cat "$BATS_TEST_TMPDIR/ps.out")"
	diff "$BATS_TEST_TMPDIR/ps.out" "$BATS_TEST_TMPDIR/pk.out"
	grep -q '^sda1: ' "$BATS_TEST_TMPDIR/pk.out"
	# and the same tree through --sysfs, without a namespace
	run "$IOSTAT" --psutil --procfs "$FX/sysfs/proc" --sysfs "$FX/sysfs/sys"
	assert_success
	[ "$output" = "$(cat "$BATS_TEST_TMPDIR/pk.out")" ]
}
