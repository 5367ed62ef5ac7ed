#!/usr/bin/env bats
# free --cgroup on fixture roots (cgroup v1 and v2 layouts built here) and
# in a live cgroup the test creates.  Expected values are worked out by
# cg_expect from the fixture's own files with the formula of free(1).

bats_require_minimum_version 1.5.0
load helper

FREE=${FREE:-$PSKIT_BIN/free}

setup() {
	export LC_ALL=C
	R=$BATS_TEST_TMPDIR/root
	P=$R/proc
	S=$R/sys
	mkdir -p "$P/self" "$S/fs/cgroup"
	HOST_TOTAL_KB=8000000
	HOST_SWAP_KB=2097152
	cat > "$P/meminfo" <<-EOF
	MemTotal:        $HOST_TOTAL_KB kB
	MemFree:         1000000 kB
	MemAvailable:    5000000 kB
	Buffers:          100000 kB
	Cached:          2000000 kB
	SwapTotal:       $HOST_SWAP_KB kB
	SwapFree:        2000000 kB
	Shmem:             10000 kB
	SReclaimable:     200000 kB
	CommitLimit:     6000000 kB
	Committed_AS:    3000000 kB
	EOF
}

# put FILE CONTENT: write a sysfs file, creating its directory.
put() {
	mkdir -p "$(dirname "$S/$1")"
	printf '%s\n' "$2" > "$S/$1"
}

v2_tree() {	# v2_tree CGPATH: unified hierarchy at /sys/fs/cgroup
	printf '0::%s\n' "$1" > "$P/self/cgroup"
	echo "30 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw" > "$P/self/mountinfo"
	put fs/cgroup/cgroup.controllers "cpu io memory pids"
}

v2_stat() {	# v2_stat DIR anon file shmem active_file inactive_file slab_reclaimable
	put "$1/memory.stat" "$(printf 'anon %s\nfile %s\nkernel 1234\nshmem %s\nactive_file %s\ninactive_file %s\nslab_reclaimable %s\nslab 99999' "$2" "$3" "$4" "$5" "$6" "$7")"
}

# cg_expect DIR VERSION: "total used free shared cache available swap_total
# swap_used swap_free" in bytes for the cgroup directory DIR (below sys),
# from its files: the smallest limit walking up to fs/cgroup[/memory].
cg_expect() {
	local dir=$1 v=$2 top lim=-1 slim=-1 d f x usage swapu stat
	if [ "$v" = 2 ]; then top=fs/cgroup; else top=fs/cgroup/memory; fi
	d=$dir
	while :; do
		for f in memory.max memory.limit_in_bytes; do
			[ -f "$S/$d/$f" ] || continue
			x=$(cat "$S/$d/$f")
			[ "$x" = max ] && continue
			[ "$x" -ge 4611686018427387904 ] && continue
			{ [ $lim -lt 0 ] || [ "$x" -lt $lim ]; } && lim=$x
		done
		for f in memory.swap.max memory.memsw.limit_in_bytes; do
			[ -f "$S/$d/$f" ] || continue
			x=$(cat "$S/$d/$f"); [ "$x" = max ] && continue
			[ "$x" -ge 4611686018427387904 ] && continue
			{ [ $slim -lt 0 ] || [ "$x" -lt $slim ]; } && slim=$x
		done
		[ "$d" = "$top" ] && break
		d=${d%/*}
	done
	local host=$((HOST_TOTAL_KB * 1024)) hswap=$((HOST_SWAP_KB * 1024))
	local total=$host
	[ $lim -ge 0 ] && [ $lim -lt $host ] && total=$lim
	if [ "$v" = 2 ]; then
		usage=$(cat "$S/$dir/memory.current")
		stat() { awk -v k="$1" '$1 == k { print $2 }' "$S/$dir/memory.stat"; }
		local file=$(stat file) shmem=$(stat shmem) af=$(stat active_file) \
			inf=$(stat inactive_file) slab=$(stat slab_reclaimable)
	else
		usage=$(cat "$S/$dir/memory.usage_in_bytes")
		stat() { awk -v k="$1" '$1 == k { print $2 }' "$S/$dir/memory.stat"; }
		local file=$(stat total_cache) shmem=$(stat total_shmem) \
			af=$(stat total_active_file) inf=$(stat total_inactive_file) slab=0
	fi
	local kb=1024 free=$((total > usage ? total - usage : 0))
	local avail=$((free + af + inf + slab))
	[ $avail -gt $total ] && avail=$total
	# free works in kB: every value is truncated to kB, then shown in bytes
	total=$((total / kb * kb)); free=$((free / kb * kb)); avail=$((avail / kb * kb))
	local cache=$(((file / kb + slab / kb) * kb)) used=$((total - avail))
	local st=$((hswap)) su=$((HOST_SWAP_KB - 2000000)) sf
	su=$((su * kb)); sf=$((2000000 * kb))
	if [ "$v" = 1 ] && [ -f "$S/$dir/memory.memsw.usage_in_bytes" ]; then
		# v1: memsw counts memory + swap
		[ $slim -ge 0 ] && slim=$((slim > lim ? slim - lim : 0))
		x=$(cat "$S/$dir/memory.memsw.usage_in_bytes")
		su=$((x > usage ? x - usage : 0))
	elif [ "$v" = 2 ] && [ -f "$S/$dir/memory.swap.current" ]; then
		su=$(cat "$S/$dir/memory.swap.current")
	else
		slim=none
	fi
	if [ "$slim" != none ]; then
		st=$hswap
		[ $slim -ge 0 ] && [ $slim -lt $hswap ] && st=$slim
		# SwapFree = SwapTotal - usage in bytes, then both in kB
		sf=$(((st > su ? st - su : 0) / kb * kb))
		st=$((st / kb * kb))
		su=$((st - sf))
	fi
	echo "$total $used $free $((shmem / kb * kb)) $cache $avail $st $su $sf"
}

# tsv_of ARGS: "total used free shared cache available" of mem and the swap
# triple, from free's tsv output.
tsv_of() {
	"$FREE" --procfs "$P" --sysfs "$S" -o tsv --no-header "$@" | awk -F'\t' '
		$1 == "mem" { m = $2 " " $3 " " $4 " " $5 " " $7 " " $9 }
		$1 == "swap" { s = $2 " " $3 " " $4 }
		END { print m " " s }'
}

@test "free --cgroup: v2 nested limit, the smallest on the path wins" {
	v2_tree /a/b
	put fs/cgroup/a/memory.max 1073741824
	put fs/cgroup/a/b/memory.max max
	put fs/cgroup/a/b/memory.current 314572800
	v2_stat fs/cgroup/a/b 200000000 104857600 4096000 50000000 40000000 8388608
	run tsv_of --cgroup
	assert_success
	assert_output "$(cg_expect fs/cgroup/a/b 2)"
	# and the scope names the cgroup
	run "$FREE" --procfs "$P" --sysfs "$S" --cgroup -o json
	[[ $output == *'"scope":"/a/b"'* ]]
}

@test "free --cgroup: v2 unlimited shows the host total" {
	v2_tree /u
	put fs/cgroup/u/memory.max max
	put fs/cgroup/u/memory.current 104857600
	v2_stat fs/cgroup/u 1 2 3 4 5 6
	run tsv_of --cgroup
	assert_success
	assert_output "$(cg_expect fs/cgroup/u 2)"
	[ "${output%% *}" -eq $((HOST_TOTAL_KB * 1024)) ]
}

@test "free --cgroup: v2 limit above host memory is capped at the host" {
	v2_tree /big
	put fs/cgroup/big/memory.max 1099511627776
	put fs/cgroup/big/memory.current 1048576
	v2_stat fs/cgroup/big 0 0 0 0 0 0
	run tsv_of --cgroup
	assert_output "$(cg_expect fs/cgroup/big 2)"
}

@test "free --cgroup: v2 swap limit and usage" {
	v2_tree /s
	put fs/cgroup/s/memory.max 536870912
	put fs/cgroup/s/memory.current 268435456
	put fs/cgroup/s/memory.swap.max 134217728
	put fs/cgroup/s/memory.swap.current 33554432
	v2_stat fs/cgroup/s 100 200 300 400 500 600
	run tsv_of --cgroup
	assert_output "$(cg_expect fs/cgroup/s 2)"
}

@test "free --cgroup: v1 hybrid hierarchy, parent limit, unlimited child" {
	printf '4:memory:/p/c\n0::/\n' > "$P/self/cgroup"
	cat > "$P/self/mountinfo" <<-EOF
	31 23 0:28 / /sys/fs/cgroup rw - tmpfs tmpfs rw
	35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory
	41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw
	EOF
	put fs/cgroup/unified/cgroup.controllers ""
	put fs/cgroup/memory/memory.limit_in_bytes 9223372036854771712
	put fs/cgroup/memory/p/memory.limit_in_bytes 268435456
	put fs/cgroup/memory/p/c/memory.limit_in_bytes 9223372036854771712
	put fs/cgroup/memory/p/c/memory.usage_in_bytes 104857600
	put fs/cgroup/memory/p/c/memory.stat "$(printf 'cache 1\nrss 2\ntotal_cache 41943040\ntotal_rss 52428800\ntotal_shmem 1048576\ntotal_active_file 20971520\ntotal_inactive_file 10485760')"
	run tsv_of --cgroup
	assert_success
	assert_output "$(cg_expect fs/cgroup/memory/p/c 1)"
	[ "${output%% *}" -eq 268435456 ]
}

@test "free --cgroup: v1 swap from memsw less the memory part" {
	printf '4:memory:/m\n' > "$P/self/cgroup"
	echo "35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory" > "$P/self/mountinfo"
	put fs/cgroup/memory/m/memory.limit_in_bytes 536870912
	put fs/cgroup/memory/m/memory.usage_in_bytes 209715200
	put fs/cgroup/memory/m/memory.memsw.limit_in_bytes 805306368
	put fs/cgroup/memory/m/memory.memsw.usage_in_bytes 230686720
	put fs/cgroup/memory/m/memory.stat "$(printf 'total_cache 1048576\ntotal_shmem 0\ntotal_active_file 0\ntotal_inactive_file 1048576')"
	run tsv_of --cgroup
	assert_success
	assert_output "$(cg_expect fs/cgroup/memory/m 1)"
	# 768 MiB memsw - 512 MiB memory = 256 MiB of swap, 20 MiB used
	[[ $output == *" 268435456 20971520 247463936" ]] || fail "$output"
}

@test "free --cgroup=PATH and PSKIT_FREE_CGROUP=1 select the view" {
	v2_tree /
	put fs/cgroup/x/memory.max 1073741824
	put fs/cgroup/x/memory.current 0
	v2_stat fs/cgroup/x 0 0 0 0 0 0
	run tsv_of --cgroup=/x
	assert_output "$(cg_expect fs/cgroup/x 2)"
	printf '0::/x\n' > "$P/self/cgroup"
	run env PSKIT_FREE_CGROUP=1 "$FREE" --procfs "$P" --sysfs "$S" -o tsv --no-header
	[[ ${lines[0]} == "mem	1073741824	"* ]]
}

@test "free --cgroup: a mount root that prefixes the path is stripped" {
	printf '0::/docker/abc\n' > "$P/self/cgroup"
	echo "30 23 0:26 /docker/abc /sys/fs/cgroup rw - cgroup2 cgroup2 rw" > "$P/self/mountinfo"
	put fs/cgroup/cgroup.controllers "memory"
	put fs/cgroup/memory.max 67108864
	put fs/cgroup/memory.current 33554432
	v2_stat fs/cgroup 0 0 0 0 0 0
	run tsv_of --cgroup
	assert_output "$(cg_expect fs/cgroup 2)"
}

@test "free --cgroup: the text keeps procps' layout; default output unchanged" {
	v2_tree /t
	put fs/cgroup/t/memory.max 1073741824
	put fs/cgroup/t/memory.current 536870912
	v2_stat fs/cgroup/t 0 0 0 0 0 0
	run "$FREE" --procfs "$P" --sysfs "$S" --cgroup
	assert_success
	assert_line --index 1 --regexp '^Mem:         1048576      524288      524288           0           0      524288$'
	run "$FREE" --procfs "$P" --sysfs "$S"
	assert_line --index 1 --regexp '^Mem:         8000000 '
}

@test "free --cgroup: no memory hierarchy, or one outside /sys, is an error" {
	printf '0::/\n' > "$P/self/cgroup"
	: > "$P/self/mountinfo"
	run --separate-stderr "$FREE" --procfs "$P" --sysfs "$S" --cgroup
	[ "$status" -eq 1 ]
	[[ $stderr == "free: no memory cgroup hierarchy in $P/self" ]]
	echo "30 23 0:26 / /cgroup rw - cgroup2 cgroup2 rw" > "$P/self/mountinfo"
	run --separate-stderr "$FREE" --procfs "$P" --sysfs "$S" --cgroup
	[ "$status" -eq 1 ]
}

# bats test_tags=live,root
@test "free --cgroup: live, in a v1 memory cgroup this test creates" {
	[ "$(id -u)" -eq 0 ] || skip "needs root to create a memory cgroup"
	local base
	if [ -w /sys/fs/cgroup/memory ] && [ -f /sys/fs/cgroup/memory/memory.limit_in_bytes ]; then
		base=/sys/fs/cgroup/memory
		local cg=$base/pskit-test-$$
		mkdir "$cg" || skip "cannot create $cg"
		echo 268435456 > "$cg/memory.limit_in_bytes"
		run sh -c "echo \$\$ > '$cg/cgroup.procs' && exec '$FREE' --cgroup -o tsv --no-header"
		rmdir "$cg"
	elif [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw memory /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; then
		local cg=/sys/fs/cgroup/pskit-test-$$
		mkdir "$cg" || skip "cannot create $cg"
		echo 268435456 > "$cg/memory.max"
		run sh -c "echo \$\$ > '$cg/cgroup.procs' && exec '$FREE' --cgroup -o tsv --no-header"
		rmdir "$cg"
	else
		skip "no writable memory cgroup hierarchy (v1 or v2) here"
	fi
	assert_success
	[[ ${lines[0]} == "mem	268435456	"* ]] || fail "${lines[0]}"
}
