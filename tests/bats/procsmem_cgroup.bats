#!/usr/bin/env bats
# procsmem --cgroup: only the processes of a memory cgroup the test
# creates, and that cgroup's memory.current under the totals.

bats_require_minimum_version 1.5.0
load helper

PSMEM=${PSMEM:-$PSKIT_BIN/procsmem}

teardown() {
	local p
	for p in ${PIDS:-}; do kill -KILL "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
	[ -n "${CG:-}" ] && rmdir "$CG" 2>/dev/null
	return 0
}

# bats test_tags=live,root
@test "procsmem --cgroup: exactly the processes of a cgroup it creates" {
	[ "$(id -u)" -eq 0 ] || skip "needs root to create a memory cgroup"
	local name=pskit-test-$$ file
	if [ -w /sys/fs/cgroup/memory ] && [ -f /sys/fs/cgroup/memory/cgroup.procs ]; then
		CG=/sys/fs/cgroup/memory/$name; file=memory.usage_in_bytes
	elif grep -qw memory /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; then
		CG=/sys/fs/cgroup/$name; file=memory.current
	else
		skip "no writable memory cgroup hierarchy here"
	fi
	mkdir "$CG" || skip "cannot create $CG"
	PIDS=
	for i in 1 2; do
		sh -c "echo \$\$ > '$CG/cgroup.procs'; exec sleep 60" &
		PIDS="$PIDS $!"
	done
	sleep 0.3
	run --separate-stderr "$PSMEM" --cgroup="/$name" -H -c "pid"
	assert_success
	local want got
	want=$(printf '%s\n' $PIDS | sort -n)
	got=$(printf '%s\n' "$output" | sed '/^-/q' | grep -E '^ *[0-9]+ *$' | tr -d ' ' | sort -n)
	[ "$got" = "$want" ] || fail "listed: $got, started: $want"
	assert_line --regexp "^cgroup /$name: memory.current [0-9]+ kB$"
	# the cgroup's own number, read again now: two sleeps barely move it
	local kb=${lines[-1]##*current } now
	kb=${kb% kB}
	now=$(($(cat "$CG/$file") / 1024))
	[ $((kb > now ? kb - now : now - kb)) -le 1024 ] || fail "memory.current $kb kB, file now $now kB"
}

@test "procsmem --cgroup: a cgroup that does not exist is an error, status 3" {
	run --separate-stderr "$PSMEM" --cgroup=/pskit-no-such-cgroup-$$
	[ "$status" -eq 3 ]
	[[ $stderr == "procsmem: "* ]]
}
