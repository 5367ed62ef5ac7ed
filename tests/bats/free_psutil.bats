#!/usr/bin/env bats
# free --psutil: differential against psutil 5.9.4's scripts/free.py, run with
# psutil.PROCFS_PATH on every meminfo fixture of tests/fixtures/free and on a snapshot
# of this machine's /proc/meminfo, plus the live file's stable columns.

load helper
bats_require_minimum_version 1.5.0

SCRIPT=/work/shared/tools/psutil-5.9.4-scripts/free.py
[ -r "$SCRIPT" ] || SCRIPT=$PSKIT_ROOT/../shared/tools/psutil-5.9.4-scripts/free.py

# Fixtures where psutil prints and pskit knowingly differs: psutil's Python integers
# are unbounded and it divides them as floats (values of 2^53 kB and more), it reads
# past procps' 8191-byte window, and where the file has no SwapFree it asks the
# running kernel (sysinfo) instead of the file.
KNOWN_DIFF=" around-2p63-bytes beyond-uint64 f4 lxcfs-memtotal-0 uint64-max \
keys-past-8191 no-trailing-newline "

setup_file() {
	export FREE="${FREE:-$PSKIT_BIN/free}"
}

need_psutil() {
	[ -r "$SCRIPT" ] || skip "psutil's free.py not found"
	/usr/bin/python3 -c 'import psutil; assert psutil.__version__ == "5.9.4"' \
		2>/dev/null || skip "needs Debian's python3-psutil 5.9.4"
}

# psutil_free PROCFS: free.py with psutil.PROCFS_PATH set.
psutil_free() {
	/usr/bin/python3 -W ignore -c 'import sys, runpy, psutil
psutil.PROCFS_PATH = sys.argv[1]
sys.argv = [sys.argv[2]]
runpy.run_path(sys.argv[0], run_name="__main__")' "$1" "$SCRIPT"
}

@test "free --psutil equals free.py on every meminfo fixture psutil can read" {
	need_psutil
	local c d want n=0 fails=()
	for c in $(fixture_cases free); do
		d=$(fixture_dir free "$c")
		[ -f "$d/proc/meminfo" ] || continue
		want=$(psutil_free "$d/proc" 2>/dev/null) || continue	# psutil: ValueError
		[[ $KNOWN_DIFF == *" $c "* ]] && continue
		n=$((n + 1))
		[ "$("$FREE" --psutil --procfs "$d/proc")" = "$want" ] || fails+=("$c")
	done
	[ "${#fails[@]}" -eq 0 ] || fail "differs from free.py: ${fails[*]}"
	[ "$n" -ge 20 ] || fail "only $n fixtures compared"
}

@test "free --psutil equals free.py on a snapshot of this machine's meminfo" {
	need_psutil
	local d=$BATS_TEST_TMPDIR/snap
	mkdir -p "$d/proc"
	cat /proc/meminfo >"$d/proc/meminfo"
	run psutil_free "$d/proc"
	assert_success
	local want=$output
	run "$FREE" --psutil --procfs "$d/proc"
	assert_success
	assert_equal "$output" "$want"
}

@test "free --psutil live: the layout and the stable columns of free.py" {
	need_psutil
	run --separate-stderr "$FREE" --psutil
	assert_success
	local ours=("${lines[@]}")
	run psutil_free /proc
	assert_success
	assert_equal "${ours[0]}" "${lines[0]}"
	assert_equal "${#ours[@]}" "${#lines[@]}"
	# total does not move; the rest does, between two runs
	assert_equal "$(awk '{ print $1, $2 }' <<<"${ours[1]}")" \
		"$(awk '{ print $1, $2 }' <<<"${lines[1]}")"
	assert_equal "${#ours[2]}" "${#lines[2]}"
}

@test "free --psutil: --outfile, and the options it refuses" {
	local f=$BATS_TEST_TMPDIR/out d
	d=$(fixture_dir free f1)
	run "$FREE" --psutil --procfs "$d/proc" --outfile "$f"
	assert_success
	assert_output ""
	assert_equal "$(cat "$f")" "$("$FREE" --psutil --procfs "$d/proc")"
	for o in "-o json" "--tsv" "-s 1" "-c 2" "--cgroup"; do
		run --separate-stderr "$FREE" --psutil $o
		assert_equal "$status" 1
		assert_equal "$stderr" "free: --psutil prints free.py's report once: no -o, -s, -c or --cgroup"
	done
	# unit and layout options do not change free.py's report
	assert_equal "$("$FREE" --psutil -h -w -t -l --procfs "$d/proc")" \
		"$("$FREE" --psutil --procfs "$d/proc")"
	run --separate-stderr "$FREE" --psutil --procfs "$(fixture_dir free keys-past-8191)/proc"
	assert_equal "$status" 1
}

@test "free --psutil equals free.py where psutil's own rules decide" {
	need_psutil
	local d=$BATS_TEST_TMPDIR/m c
	# no Cached line (cached 0, SReclaimable not added); caches larger than used
	# memory (used falls back to total - free); SwapFree > SwapTotal (negative used)
	for c in 'MemTotal: 1000 kB|MemFree: 100 kB|SReclaimable: 300 kB|Buffers: 5 kB|SwapTotal: 0 kB|SwapFree: 0 kB' \
	    'MemTotal: 1000 kB|MemFree: 200 kB|Cached: 700 kB|SReclaimable: 200 kB|Buffers: 1 kB|Shmem: 3 kB|SwapTotal: 10 kB|SwapFree: 4 kB' \
	    'MemTotal: 1000 kB|MemFree: 200 kB|Cached: 100 kB|Buffers: 1 kB|SwapTotal: 100 kB|SwapFree: 300 kB'; do
		rm -rf "$d"
		mkdir -p "$d/proc"
		tr '|' '\n' <<<"$c" >"$d/proc/meminfo"
		run psutil_free "$d/proc"
		assert_success
		[ "$("$FREE" --psutil --procfs "$d/proc")" = "$output" ] ||
			fail "[$c]: $("$FREE" --psutil --procfs "$d/proc") vs $output"
	done
}

@test "free --psutil: a failed write is 'write error', exit 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr sh -c '"$0" --psutil >/dev/full' "$FREE"
	assert_equal "$status" 1
	assert_equal "$stderr" "free: write error"
}
