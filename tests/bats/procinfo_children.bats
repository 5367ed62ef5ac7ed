#!/usr/bin/env bats
# procinfo's children: the kernel's task/TID/children lists when present,
# the scan of every /proc/PID/stat (psutil's way) otherwise; both give the
# same answer, and with the kernel's lists the cost does not follow the
# number of processes on the machine.

load helper
bats_require_minimum_version 1.5.0

PI=$PSKIT_BIN/procinfo

setup() {
	PARENT=
}

teardown() {
	if [ -n "$PARENT" ]; then
		pkill -9 -P "$PARENT" 2>/dev/null || true
		kill -9 "$PARENT" 2>/dev/null || true
		wait "$PARENT" 2>/dev/null || true
	fi
}

# start_family N: a shell (PARENT) with N sleeping children and one more
# (the exec'd sleep), owned and reaped by the test.
start_family() {
	sh -c 'for i in $(seq '"$1"'); do sleep 1000 & done; exec sleep 1000 & wait' \
		</dev/null >/dev/null 2>&1 3>&- &
	PARENT=$!
	local i
	for i in $(seq 200); do
		[ "$(pgrep -c -P "$PARENT")" -eq $(($1 + 1)) ] && return 0
		sleep 0.1
	done
	return 1
}

children() {	# children ARGS...: the children list as "pid name" lines
	"$PI" -o json "$@" | jq -r '.[0].children[] | "\(.pid) \(.name)"'
}

# copy_tree DIR WITH_KERNEL_LISTS: a --procfs tree of every process's
# stat and cmdline (and the parent's task/TID/children when asked)
copy_tree() {
	local d=$1 p t
	mkdir -p "$d"
	cp /proc/stat /proc/meminfo /proc/uptime "$d/"
	for p in /proc/[0-9]*; do
		p=${p#/proc/}
		mkdir -p "$d/$p"
		cat "/proc/$p/stat" >"$d/$p/stat" 2>/dev/null || rm -rf "${d:?}/$p"
		cat "/proc/$p/cmdline" >"$d/$p/cmdline" 2>/dev/null || true
	done
	for f in status statm io limits environ; do
		cat "/proc/$PARENT/$f" >"$d/$PARENT/$f" 2>/dev/null || true
	done
	if [ "$2" = yes ]; then
		for t in /proc/$PARENT/task/*; do
			t=${t##*/}
			mkdir -p "$d/$PARENT/task/$t"
			cat "/proc/$PARENT/task/$t/stat" >"$d/$PARENT/task/$t/stat"
			cat "/proc/$PARENT/task/$t/children" >"$d/$PARENT/task/$t/children"
		done
	fi
}

@test "children: the kernel's lists and the scan agree (live and --procfs)" {
	[ -r "/proc/self/task/$BASHPID/children" ] ||
		skip "kernel without CONFIG_PROC_CHILDREN (no /proc/PID/task/TID/children)"
	start_family 5
	kill -STOP "$PARENT"
	children "$PARENT" >"$BATS_TEST_TMPDIR/live"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/live")" -eq 6 ]
	# the reference: every process whose ppid is PARENT, ascending
	pgrep -P "$PARENT" | sort -n | while read -r c; do
		printf '%s %s\n' "$c" "$(cat "/proc/$c/comm")"
	done >"$BATS_TEST_TMPDIR/ref"
	cmp "$BATS_TEST_TMPDIR/ref" "$BATS_TEST_TMPDIR/live"
	copy_tree "$BATS_TEST_TMPDIR/k" yes
	copy_tree "$BATS_TEST_TMPDIR/s" no
	children --procfs "$BATS_TEST_TMPDIR/k" "$PARENT" >"$BATS_TEST_TMPDIR/kern"
	children --procfs "$BATS_TEST_TMPDIR/s" "$PARENT" >"$BATS_TEST_TMPDIR/scan"
	cmp "$BATS_TEST_TMPDIR/ref" "$BATS_TEST_TMPDIR/kern"
	cmp "$BATS_TEST_TMPDIR/ref" "$BATS_TEST_TMPDIR/scan"
}

@test "children: with the kernel's lists, no other process's stat is read (strace)" {
	command -v strace >/dev/null || skip "strace not installed"
	[ -r "/proc/self/task/$BASHPID/children" ] ||
		skip "kernel without CONFIG_PROC_CHILDREN"
	start_family 3
	kill -STOP "$PARENT"
	local allowed stats extra
	allowed=" $PARENT $(ps -o ppid= -p "$PARENT" | tr -d ' ') $(pgrep -P "$PARENT" | tr '\n' ' ')"
	# LeakSanitizer refuses to run under ptrace: ASan builds exit 1 here
	strace -f -e trace=openat -o "$BATS_TEST_TMPDIR/trace" "$PI" "$PARENT" \
		>/dev/null 2>&1 || skip "strace cannot trace here"
	stats=$(grep -o '"[0-9]*/stat"' "$BATS_TEST_TMPDIR/trace" | tr -dc '0-9\n' | sort -u)
	[ -n "$stats" ]
	extra=
	for p in $stats; do
		case "$allowed " in *" $p "*) ;; *) extra="$extra $p" ;; esac
	done
	[ -z "$extra" ] || fail "read the stat of unrelated processes:$extra"
}
