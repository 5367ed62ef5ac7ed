#!/usr/bin/env bats
# procsmem --by (issue 19): the fixture trees of scripts/fixture-procsmem-groups.sh
# (one process per cgroup naming scheme, v2 and v1), goldens per grouping and
# format, the sums against the process view, smem -u parity, promtool on every
# option, interval mode, -c/-t in tsv/json, a live test in two cgroups the test
# creates, and 100,000 distinct names under a timeout (no quadratic step).

load helper
bats_require_minimum_version 1.5.0

setup_file() {
	export PSMEM="${PROCSMEM:-$PSKIT_BIN/procsmem}"
	export FXD="$BATS_TEST_DIRNAME/../fixtures/procsmem"
	export GOLD="$BATS_TEST_DIRNAME/../golden/procsmem"
}

ps_fx() {	# ps_fx v2|v1 ARGS...: procsmem on a groups fixture
	local v=$1
	shift
	"$PSMEM" --procfs "$FXD/groups-$v/proc" --sysfs "$FXD/groups-$v/sys" "$@"
}

@test "groups: every grouping and format equals its golden (v2 and v1)" {
	local v by fmt fails=()
	for v in v2 v1; do
		for by in program user cgroup unit container; do
			for fmt in text tsv json prom; do
				diff -u "$GOLD/groups-$v-$by.$fmt" <(ps_fx $v --by $by -o $fmt |
				    sed 's/^\(pskit_procsmem_last_success_timestamp_seconds\) .*/\1 TIMESTAMP/') ||
					fails+=("$v $by $fmt")
			done
		done
		diff -u "$GOLD/groups-$v-default.prom" <(ps_fx $v -o prom |
		    sed 's/^\(pskit_procsmem_last_success_timestamp_seconds\) .*/\1 TIMESTAMP/') ||
			fails+=("$v default prom")
	done
	[ ${#fails[@]} -eq 0 ] || fail "differ: ${fails[*]}"
}

@test "groups: the sum over groups equals the sum over processes, for every key" {
	local v by want got
	for v in v2 v1; do
		want=$(ps_fx $v --tsv -H | awk -F'\t' '{ n++; s += $5; u += $7; p += $8; r += $9 }
		    END { print n, s, u, p, r }')
		for by in program user cgroup unit container; do
			got=$(ps_fx $v --by $by --tsv | awk -F'\t' '
			    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
			    { n += $c["count"]; s += $c["swap"]; u += $c["uss"]; p += $c["pss"]; r += $c["rss"] }
			    END { print n, s, u, p, r }')
			[ "$got" = "$want" ] || fail "$v --by $by: $got, processes: $want"
		done
	done
}

@test "groups: unit names (v2 systemd driver, v1 cgroupfs)" {
	run -0 bash -c "\"$PSMEM\" --procfs '$FXD/groups-v2/proc' --sysfs '$FXD/groups-v2/sys' --by unit --tsv -H | cut -f1 | sort"
	assert_output "$(printf '%s\n' '\N' app-foo.service \
	    cri-containerd-2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b.scope \
	    crio-3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c.scope \
	    docker-0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9.scope \
	    init.scope libpod-1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a.scope \
	    nginx.service session-3.scope | sort)"
	# the two nginx processes are one group
	run -0 bash -c "\"$PSMEM\" --procfs '$FXD/groups-v2/proc' --sysfs '$FXD/groups-v2/sys' --by unit --tsv -H | awk -F'\t' '\$1 == \"nginx.service\" { print \$2 }'"
	assert_output 2
	run -0 bash -c "\"$PSMEM\" --procfs '$FXD/groups-v1/proc' --sysfs '$FXD/groups-v1/sys' --by unit --tsv -H | cut -f1,2 | sort"
	assert_output "$(printf '%s\t%s\n' '\N' 4 nginx.service 1 session-3.scope 1)"
}

@test "groups: container ids, pod UIDs, the 12-character id in text, - and null outside" {
	run -0 ps_fx v2 --by container --json
	run -0 jq -r 'sort_by(.container) | .[] | "\(.container) \(.pod) \(.count)"' <<<"$output"
	assert_output "null null 6
0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9 null 1
1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a null 1
2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b 5b8e4a2c-1d3f-4e6a-9b7c-0d1e2f3a4b5c 1
3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c 6c9f5b3d-2e4a-4f7b-8c8d-1e2f3a4b5c6d 1"
	run -0 ps_fx v1 --by container --tsv -H
	run -0 cut -f1,2,3 <<<"$output"
	assert_line "$(printf '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9\t\\N\t2')"
	assert_line "$(printf '2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b\t5b8e4a2c-1d3f-4e6a-9b7c-0d1e2f3a4b5c\t1')"
	run -0 ps_fx v2 --by container
	assert_line --regexp '^0a1b2c3d4e5f +1 '
	assert_line --regexp '^- +6 '
	run -0 ps_fx v2 --by container -c 'container pod count'
	assert_line --regexp '^2c3d4e5f6071 +5b8e4a2c-1d3f-4e6a-9b7c-0d1e2f3a4b5c +1 $'
}

@test "groups: --by cgroup shows memory.current (v2) and memory.usage_in_bytes (v1) beside the sums" {
	run -0 ps_fx v2 --by cgroup --tsv -H
	run -0 awk -F'\t' '$1 == "/system.slice/nginx.service" { print $2, $NF }' <<<"$output"
	assert_output "2 $(cat "$FXD/groups-v2/sys/fs/cgroup/system.slice/nginx.service/memory.current")"
	run -0 ps_fx v1 --by cgroup --json
	run -0 jq -r '.[] | select(.cgroup == "/") | .memory_current' <<<"$output"
	assert_output "$(cat "$FXD/groups-v1/sys/fs/cgroup/memory/memory.usage_in_bytes")"
	run -0 ps_fx v2 --by cgroup -k -t
	assert_line --index 0 --regexp '^Cgroup +Count +Swap +USS +PSS +RSS +Charged $'
}

@test "groups: --by combines with -P, -U and --cgroup" {
	run -0 ps_fx v2 --by unit --tsv -H -P '^pkhogb$'
	run -0 awk -F'\t' '{ n += $2 } END { print n }' <<<"$output"
	assert_output "$(ps_fx v2 --tsv -H -P '^pkhogb$' | wc -l)"
	run -0 ps_fx v2 --by container --tsv -H -U '^nosuchuser$'
	assert_output ''
	run -0 ps_fx v2 --by unit --tsv -H --cgroup=/system.slice
	# --cgroup implies -t: a kind key first and a totals record
	run -0 bash -c "awk -F'\t' '\$1 == \"group\" { print \$2 \"\t\" \$3 }' | sort" <<<"$output"
	assert_output "$(printf 'docker-0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9.scope\t1\nnginx.service\t2')"
}

@test "groups: --by user is smem -u, byte for byte" {
	local fx="$FXD/basic" o
	for o in "" "-t" "-k -t" "-p" "-r -s uss"; do
		diff <("$PSMEM" -S "$fx" -u $o) <("$PSMEM" -S "$fx" --by user $o) ||
			fail "--by user $o differs from -u $o"
	done
	[ -x /usr/bin/smem ] || skip "smem not installed"
	diff <(/usr/bin/smem -S "$fx" -u -t) <("$PSMEM" -S "$fx" --smaps --by user -t)
}

@test "groups: -s and -c work on the group columns; unknown keys are refused" {
	run -0 ps_fx v2 --by program -s count -r -H -c 'count program'
	assert_line --index 0 --regexp '^ +4 pkhog '
	run -2 ps_fx v2 --by nosuch
	assert_output --partial "unknown key 'nosuch'"
	run -2 ps_fx v2 --by unit -m
}

@test "prom: promtool check metrics prints nothing for every view and grouping" {
	command -v promtool >/dev/null || skip "promtool not installed"
	local o out
	for o in "" "-u" "-m" "-w" "--by program" "--by user" "--by cgroup" \
	    "--by unit" "--by container"; do
		out=$(ps_fx v2 $o -o prom | promtool check metrics 2>&1) ||
			fail "[$o]: $out"
		[ -z "$out" ] || fail "[$o]: $out"
	done
	# issue 15 item 4: no _count family
	run -0 ps_fx v2 -u -o prom
	refute_output --partial '_count'
	run -0 ps_fx v2 -m -o prom
	refute_output --partial '_count'
}

@test "prom: the default families sum to the process totals, once" {
	run -0 ps_fx v2 -o prom
	local want
	want=$(ps_fx v2 --tsv -H | awk -F'\t' '{ u += $7 } END { print u }')
	run -0 awk '/^pskit_procsmem_program_uss_bytes/ { p += $NF } /^pskit_procsmem_user_uss_bytes/ { u += $NF }
	    END { print p, u }' <<<"$output"
	assert_output "$want $want"
}

@test "-c and -t in tsv and json: the columns named, a kind key, the totals record" {
	run -0 ps_fx v2 -c 'pid uss' --tsv
	assert_line --index 0 "$(printf 'pid\tuss')"
	run -0 ps_fx v2 -t --json
	run -0 jq -r '[.[] | select(.kind == "process") | .uss] | add' <<<"$output"
	local sum=$output
	run -0 ps_fx v2 -t --json
	run -0 jq -r '.[] | select(.kind == "total") | "\(.uss) \(.pid) \(.name)"' <<<"$output"
	assert_output "$sum null null"
	run -0 ps_fx v2 -t -c 'user uss' --tsv
	assert_line --index 0 "$(printf 'kind\tuser\tuss')"
	assert_line "$(printf 'total\t\\N\t%s' "$sum")"
	run -0 ps_fx v2 --by unit -t --json
	run -0 jq -e '(map(select(.kind == "group")) | length) == 9 and (map(select(.kind == "total")) | length) == 1' <<<"$output"
}

@test "interval: samples separated by a blank line (text), timestamps (tsv, json)" {
	run -0 ps_fx v2 --by unit --interval 0.05 --count 3
	local one
	one=$(ps_fx v2 --by unit)
	assert_output "$(printf '%s\n\n%s\n\n%s' "$one" "$one" "$one")"
	run -0 ps_fx v2 --by unit --interval 0.05 --count 2 --tsv
	assert_line --index 0 --regexp $'^timestamp\tunit\tcount'
	assert_equal "$(grep -c '^[0-9]' <<<"$output")" 18
	run -0 ps_fx v2 --by unit --interval 0.05 --count 2 --json
	assert_equal "${#lines[@]}" 2
	run -0 jq -e -s 'length == 2' <<<"$output"
	run -2 ps_fx v2 --count 2
	run -2 ps_fx v2 --interval 0
}

@test "interval: SIGINT ends after the current sample, with whole output" {
	local out=$BATS_TEST_TMPDIR/out pid
	"$PSMEM" -q --by program --interval 0.2 --json >"$out" &
	pid=$!
	sleep 0.5
	kill -INT $pid
	# wait here, not under run: run's subshell cannot wait for this
	# shell's child and says 255 while the last sample is still going
	local st=0
	wait "$pid" || st=$?
	assert_equal "$st" 130
	run -0 jq -e -s 'length >= 1' "$out"
}

@test "quadratic: 100,000 distinct names group within a timeout (20,000 under ASan)" {
	# tmpfs where there is one: 400,000 files come and go quickly.  The
	# timeout is the plain build's test; under ASan 20,000 names take the
	# hash table through the same growth steps
	local d n=100000
	[ "${SANITIZE:-}" != 1 ] || n=20000
	d=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d -p "$BATS_TEST_TMPDIR")
	echo "$d" >"$BATS_TEST_TMPDIR/many"
	python3 - "$d" $n <<-'PY'
	import os, sys
	root, n = sys.argv[1], int(sys.argv[2])
	os.makedirs(root + "/proc")
	open(root + "/proc/meminfo", "w").write("MemTotal: 1000000 kB\nSwapTotal: 0 kB\n")
	roll = ("00400000-7fffffffffff ---p 00000000 00:00 0 [rollup]\nRss: 8 kB\nPss: 4 kB\n"
	        "Shared_Clean: 0 kB\nShared_Dirty: 0 kB\nPrivate_Clean: 0 kB\nPrivate_Dirty: 4 kB\nSwap: 0 kB\nSwapPss: 0 kB\n")
	for i in range(1, n + 1):
	    p = "%s/proc/%d" % (root, i + 1000)
	    os.mkdir(p)
	    open(p + "/stat", "w").write("%d (n%d) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n" % (i + 1000, i))
	    open(p + "/cmdline", "w").write("n%d\0" % i)
	    open(p + "/smaps_rollup", "w").write(roll)
	PY
	# linear work is a few seconds here; the nested loops took minutes
	run -0 timeout 120 "$PSMEM" --procfs "$d/proc" -o prom
	assert_equal "$(grep -c '^pskit_procsmem_program_uss_bytes{' <<<"$output")" $n
	run -0 timeout 120 "$PSMEM" --procfs "$d/proc" --by program --tsv -H
	assert_equal "${#lines[@]}" $n
}

teardown() {
	if [ -s "$BATS_TEST_TMPDIR/many" ]; then
		rm -rf "$(cat "$BATS_TEST_TMPDIR/many")"
	fi
}

@test "live: per-cgroup sums equal the processes' own smaps_rollup, in two cgroups this test creates" {
	[ "$(id -u)" = 0 ] || skip "needs root to create cgroups"
	local base v mnt
	if grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null; then
		v=2 mnt=/sys/fs/cgroup
	elif [ -d /sys/fs/cgroup/memory ]; then
		v=1 mnt=/sys/fs/cgroup/memory
	else
		skip "no memory cgroup hierarchy"
	fi
	base=$mnt/pskit-bygroup-$$
	mkdir "$base" "$base/a" "$base/b" 2>/dev/null || skip "cannot create cgroups below $mnt"
	# static: PSS then does not depend on who else maps libc meanwhile
	local pss=1
	cc -static -O1 -o "$BATS_TEST_TMPDIR/pkhog" "$BATS_TEST_DIRNAME/procsmem-hog.c" 2>/dev/null ||
		{ cc -O1 -o "$BATS_TEST_TMPDIR/pkhog" "$BATS_TEST_DIRNAME/procsmem-hog.c"; pss=0; }
	local pids=() p
	for p in a a b; do
		sh -c "echo \$\$ > '$base/$p/cgroup.procs' && exec '$BATS_TEST_TMPDIR/pkhog' -m 2 -n pkgrp$p" 3>&- &
		pids+=($!)
	done
	for p in "${pids[@]}"; do
		for _ in $(seq 100); do
			[ "$(awk '{ print $3 }' /proc/$p/stat 2>/dev/null)" = T ] && break
			sleep 0.05
		done
	done
	local cg want got fails=()
	for p in a b; do
		cg=$(awk -F: -v v=$v '(v == 2 && $1 == "0") || (v == 1 && $2 ~ /(^|,)memory(,|$)/) { print $3 }' /proc/${pids[0]}/cgroup)
		cg=${cg%/a}/$p
		want=$(for q in "${pids[@]}"; do
			grep -qx "0::$cg\|[0-9]*:[a-z,]*memory[a-z,]*:$cg" /proc/$q/cgroup && cat /proc/$q/smaps_rollup
		done | awk '/^Rss:/ { r += $2 } /^Pss:/ { s += $2 } /^Private_(Clean|Dirty):/ { u += $2 } /^Rss:/ { n++ }
		    END { print n, u * 1024, (pss ? s * 1024 : "-"), r * 1024 }' pss=$pss)
		got=$("$PSMEM" -q --by cgroup --tsv -H | awk -F'\t' -v cg="$cg" -v pss=$pss \
		    '$1 == cg { print $2, $5, (pss ? $6 : "-"), $7 }')
		[ "$got" = "$want" ] || fails+=("$cg: procsmem $got, smaps_rollup $want")
	done
	kill -KILL "${pids[@]}"
	wait "${pids[@]}" 2>/dev/null || :
	rmdir "$base/a" "$base/b" "$base"
	[ ${#fails[@]} -eq 0 ] || fail "${fails[*]}"
}

@test "README: the memory-by-container example prints what the README shows" {
	local cmd
	# the block from "$ pk-procsmem ... -k -t" up to the next "$ " line
	awk '/^\$ pk-procsmem .*--by container -k -t$/ { on = 1; next }
	    on && /^(\$ |```)/ { exit } on' "$PSKIT_ROOT/README.md" >"$BATS_TEST_TMPDIR/want"
	cmd=$(sed -n 's/^\$ pk-procsmem \(.*--by container -k -t\)$/\1/p' "$PSKIT_ROOT/README.md")
	[ -n "$cmd" ] && [ -s "$BATS_TEST_TMPDIR/want" ]
	# shellcheck disable=SC2086
	(cd "$PSKIT_ROOT" && "$PSKIT_BIN/procsmem" $cmd) >"$BATS_TEST_TMPDIR/got"
	cmp "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
}
