#!/usr/bin/env bats
# procinfo on processes this suite starts itself (sleeping, stopped,
# zombie, odd names, threads, files, sockets, other users), bad and
# vanished PIDs, oneshot reads, and psutil 5.9.4 side by side.

load helper

PI=$PSKIT_BIN/procinfo
PY=/usr/bin/python3

setup() {
	: >"$BATS_TEST_TMPDIR/pids"
}

teardown() {
	local p
	while read -r p; do
		kill -9 "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done <"$BATS_TEST_TMPDIR/pids"
}

# spawn CMD...: start CMD in the background (owned and reaped by this
# test); its pid in SPAWNED.
spawn() {
	"$@" </dev/null >/dev/null 2>&1 3>&- &
	SPAWNED=$!
	echo "$SPAWNED" >>"$BATS_TEST_TMPDIR/pids"
}

# state PID: the kernel state letter (after the LAST ')' of stat).
state() {
	local s
	s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	s=${s##*) }
	printf '%s\n' "${s%% *}"
}

# wait_for CMD...: retry CMD for up to 20 s (a loaded CI machine).
wait_for() {
	local i
	for i in $(seq 200); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}

is_state() { [ "$(state "$1")" = "$2" ]; }

# is_comm PID NAME: PID runs NAME (after its exec).
is_comm() { [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ]; }

# child_of PID: the first process whose parent is PID (stat field 4).
child_of() {
	local f s
	for f in /proc/[0-9]*/stat; do
		s=$(cat "$f" 2>/dev/null) || continue
		s=${s##*) }
		set -- "$1" $s
		if [ "$3" = "$1" ]; then
			f=${f#/proc/}
			printf '%s\n' "${f%/stat}"
			return 0
		fi
	done
	return 1
}

# field LABEL: the value of a text line (label padded to 11 + space).
field() {
	printf '%s\n' "$output" | sed -n "s/^$(printf '%-11s' "$1") //p"
}

@test "--help and --version" {
	run "$PI" --help
	assert_success
	assert_output --partial "usage: procinfo"
	run "$PI" --version
	assert_output "procinfo (pskit) 0.1.0"
}

@test "no pid: reports itself" {
	run "$PI"
	assert_success
	[ "$(field name)" = procinfo ]
	[ "$(field exe)" = "$PI" ]
}

@test "sleeping child: name, parent, cmdline, status" {
	spawn sleep 1000
	wait_for is_comm "$SPAWNED" sleep
	wait_for is_state "$SPAWNED" S
	run "$PI" "$SPAWNED"
	assert_success
	[ "$(field pid)" = "$SPAWNED" ]
	[ "$(field name)" = sleep ]
	[ "$(field cmdline)" = "sleep 1000" ]
	[ "$(field status)" = sleeping ]
	[[ "$(field parent)" == "$$ ("*")" ]]
	[ "$(field gids)" = "real=$(id -rg), effective=$(id -g), saved=$(id -g)" ]
	assert_line --regexp '^res-limits  RLIMIT +SOFT +HARD$'
	assert_line --regexp '^            locks +'
}

@test "stopped child: status stopped" {
	spawn sleep 1000
	wait_for is_comm "$SPAWNED" sleep
	kill -STOP "$SPAWNED"
	wait_for is_state "$SPAWNED" T
	run "$PI" "$SPAWNED"
	assert_success
	[ "$(field status)" = stopped ]
}

@test "zombie: a full report with blanks" {
	spawn sh -c 'sleep 0 & exec sleep 1000'
	parent=$SPAWNED
	wait_for is_comm "$parent" sleep
	wait_for child_of "$parent"
	z=$(child_of "$parent")
	wait_for is_state "$z" Z
	run "$PI" "$z"
	assert_success
	[ "$(field status)" = zombie ]
	[ "$(field cmdline)" = "" ]
	[ "$(field exe)" = "" ]
	assert_line "memory      rss=0.0B, vms=0.0B, shared=0.0B, text=0.0B, lib=0.0B, data=0.0B, dirty=0.0B"
	refute_line --partial "environ "
	run "$PI" --json "$z"
	assert_success
	[ "$(jq -c '.[0] | [.status, .environ, .cmdline]' <<<"$output")" = '["zombie",null,[]]' ]
	# and its parent lists it as a child
	run "$PI" "$parent"
	assert_line --regexp "^            $z +sleep$"
}

@test "odd name with ') (' and a newline: last ')' split, escaped text, exact json" {
	name=$'a) (b\nc'
	cp /bin/sleep "$BATS_TEST_TMPDIR/$name"
	spawn "$BATS_TEST_TMPDIR/$name" 1000
	wait_for is_state "$SPAWNED" S
	run "$PI" "$SPAWNED"
	assert_success
	assert_line 'name        a) (b\012c'	# octal, as vis(3) VIS_OCTAL (esc.c)
	[ "$(field status)" = sleeping ]
	run "$PI" --json "$SPAWNED"
	[ "$(jq -r '.[0].name' <<<"$output")" = "$name" ]
	run "$PI" --tsv "$SPAWNED"
	assert_line "$SPAWNED	name	0	a) (b\\nc"
}

@test "setproctitle-style NUL-padded command line" {
	cc -o "$BATS_TEST_TMPDIR/spt" -x c - <<'EOF' || skip "no C compiler"
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv) {
	char *end = argv[argc - 1] + strlen(argv[argc - 1]);
	memset(argv[0], 0, (size_t)(end - argv[0]));
	strcpy(argv[0], "myproc: worker title");
	pause();
	return 0;
}
EOF
	spawn "$BATS_TEST_TMPDIR/spt" xxxxxxxx yyyyyyyy
	wait_for is_comm "$SPAWNED" spt
	wait_for is_state "$SPAWNED" S
	run "$PI" "$SPAWNED"
	assert_success
	[[ "$(field cmdline)" == "myproc: worker title  "* ]]
	run "$PI" --json "$SPAWNED"
	[ "$(jq -r '.[0].cmdline[0]' <<<"$output")" = "myproc: worker title" ]
	[ "$(jq -r '.[0].cmdline[1]' <<<"$output")" = "" ]
}

@test "deleted executable: exe without ' (deleted)'" {
	cp /bin/sleep "$BATS_TEST_TMPDIR/deleteme"
	spawn "$BATS_TEST_TMPDIR/deleteme" 1000
	wait_for is_state "$SPAWNED" S
	rm "$BATS_TEST_TMPDIR/deleteme"
	run "$PI" "$SPAWNED"
	assert_success
	[ "$(field exe)" = "$BATS_TEST_TMPDIR/deleteme" ]
}

@test "open files: paths in text, fd/position/mode in json" {
	echo hello >"$BATS_TEST_TMPDIR/in"
	spawn sh -c 'exec 5<"$1" 6>>"$2" 7<>"$3"; read -r x <&5; exec sleep 1000' _ \
		"$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/rw"
	wait_for is_comm "$SPAWNED" sleep
	wait_for is_state "$SPAWNED" S
	run "$PI" "$SPAWNED"
	assert_success
	assert_line "open-files  PATH"
	assert_line "            $BATS_TEST_TMPDIR/in"
	run "$PI" --json "$SPAWNED"
	# (fds inherited from bats are left out)
	[ "$(jq -c --arg d "$BATS_TEST_TMPDIR" '[.[0].open_files[] | select(.path | startswith($d)) | [.fd, .mode, .position]]' <<<"$output")" = '[[5,"r",6],[6,"a",0],[7,"r+",0]]' ]
}

@test "TCP and UDP on 127.0.0.1 and ::1 in a private network namespace" {
	unshare -n true 2>/dev/null || skip "unshare -n not permitted"
	spawn unshare -n sh -c 'ip link set lo up && exec "$0" -c "
import socket, time
t = socket.socket(); t.bind((\"127.0.0.1\", 8777)); t.listen()
c = socket.create_connection((\"127.0.0.1\", 8777)); a, _ = t.accept()
u = socket.socket(type=socket.SOCK_DGRAM); u.bind((\"127.0.0.1\", 8779))
x = socket.socket(socket.AF_UNIX); x.bind(\"\\0pskit-test\")
try:
    s6 = socket.socket(socket.AF_INET6); s6.bind((\"::1\", 8778)); s6.listen()
    u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u6.bind((\"::1\", 8780))
except OSError:
    pass
open(\"'"$BATS_TEST_TMPDIR"'/ready\", \"w\").close()
time.sleep(1000)"' "$PY"
	wait_for test -e "$BATS_TEST_TMPDIR/ready"
	run "$PI" "$SPAWNED"
	assert_success
	assert_line --regexp '^connections PROTO LOCAL ADDR +REMOTE ADDR +STATUS$'
	assert_line --regexp '^            TCP   127\.0\.0\.1:8777 +\*:\* +LISTEN$'
	assert_line --regexp '^            TCP   127\.0\.0\.1:8777 +127\.0\.0\.1:[0-9]+ +ESTABLISHED$'
	assert_line --regexp '^            UDP   127\.0\.0\.1:8779 +\*:\* +NONE$'
	if [ -e /proc/net/if_inet6 ]; then
		assert_line --regexp '^            TCP   ::1:8778 +\*:\* +LISTEN$'
		assert_line --regexp '^            UDP   ::1:8780 +\*:\* +NONE$'
	fi
	refute_line --regexp '^ +UNIX ' 
	run "$PI" -a "$SPAWNED"
	assert_line --regexp '^            UNIX  @pskit-test +NONE$'
	# the same connections psutil finds (it reads the caller's namespace:
	# run it inside the target's)
	"$PI" --json "$SPAWNED" >"$BATS_TEST_TMPDIR/o.json"
	nsenter -t "$SPAWNED" -n "$PY" "$BATS_TEST_DIRNAME/procinfo_diff.py" \
		"$SPAWNED" "$BATS_TEST_TMPDIR/o.json" | grep '^connections' && false
	true
}

@test "50 threads: count, 4 rows and [...], all rows with -v" {
	spawn "$PY" -c 'import threading, time
[threading.Thread(target=time.sleep, args=(1000,), daemon=True).start() for _ in range(49)]
time.sleep(1000)'
	wait_for sh -c "[ \$(ls /proc/$SPAWNED/task | wc -l) -eq 50 ]"
	run "$PI" "$SPAWNED"
	assert_success
	[ "$(field num-threads)" = 50 ]
	assert_line --regexp '^threads     TID +USER +SYSTEM$'
	assert_line "            total=50"
	[ "$(printf '%s\n' "$output" | sed -n '/^threads/,/total=/p' | wc -l)" -eq 7 ]
	run "$PI" -v "$SPAWNED"
	[ "$(printf '%s\n' "$output" | sed -n '/^threads/,/total=/p' | wc -l)" -eq 52 ]
	run "$PI" --json "$SPAWNED"
	[ "$(jq '.[0].threads | length' <<<"$output")" -eq 50 ]
}

@test "another user's process seen by root and by that user" {
	command -v setpriv >/dev/null || skip "no setpriv"
	[ "$(id -u)" -eq 0 ] || skip "needs root to start a process as nobody"
	spawn setpriv --reuid=65534 --regid=65534 --clear-groups sleep 1000
	wait_for is_comm "$SPAWNED" sleep
	wait_for is_state "$SPAWNED" S
	run "$PI" "$SPAWNED"
	assert_success
	[ "$(field uids)" = "real=65534, effective=65534, saved=65534" ]
	[ "$(field user)" = "$(getent passwd 65534 | cut -d: -f1)" ]
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$PI" "$SPAWNED"
	assert_success
	[ "$(field exe)" = /usr/bin/sleep ] || [ "$(field exe)" = /bin/sleep ]
	assert_line --partial "environ     NAME"
}

@test "non-root view of a root process: denied fields blank or null" {
	command -v setpriv >/dev/null || skip "no setpriv"
	[ "$(id -u)" -eq 0 ] || skip "needs root"
	spawn sleep 1000
	wait_for is_comm "$SPAWNED" sleep
	wait_for is_state "$SPAWNED" S
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$PI" "$SPAWNED"
	assert_success
	assert_line "cwd         "
	assert_line "num-fds     "
	assert_line "I/O         "
	assert_line "open-files  "
	refute_line --partial "environ     NAME"
	refute_line --partial "mem-maps    RSS"
	# exe guessed from argv[0] only when absolute: "sleep" is not
	assert_line "exe         "
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$PI" --json "$SPAWNED"
	assert_success
	[ "$(jq -c '.[0] | [.cwd, .num_fds, .io_counters, .environ, .memory_maps, .open_files]' <<<"$output")" = '[null,null,null,null,null,null]' ]
	[ "$(jq -r '.[0].name' <<<"$output")" = sleep ]
}

@test "non-dumpable process of the same user: like another user's" {
	command -v setpriv >/dev/null || skip "no setpriv"
	[ "$(id -u)" -eq 0 ] || skip "needs root to switch to nobody"
	spawn setpriv --reuid=65534 --regid=65534 --clear-groups "$PY" -c '
import ctypes, time
ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)
time.sleep(1000)'
	wait_for is_comm "$SPAWNED" python3
	# non-dumpable once its own user can no longer read its environ
	wait_for sh -c "! setpriv --reuid=65534 --regid=65534 --clear-groups cat /proc/$SPAWNED/environ >/dev/null 2>&1"
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$PI" "$SPAWNED"
	assert_success
	assert_line "cwd         "
	refute_line --partial "environ     NAME"
	[ "$(field name)" = python3 ]
}

@test "kernel thread: a full report" {
	[ "$(cat /proc/2/comm 2>/dev/null)" = kthreadd ] || skip "no kthreadd as pid 2"
	run "$PI" 2
	assert_success
	[ "$(field name)" = kthreadd ]
	[ "$(field exe)" = "" ]
	[ "$(field cwd)" = / ]
	[ "$(field cmdline)" = "" ]
	run "$PI" --json 2
	assert_success
	jq -e '.[0].memory_info.rss == 0' <<<"$output"
}

@test "vanished and missing pids: exit 3, the others still reported" {
	spawn sleep 1000
	wait_for is_comm "$SPAWNED" sleep
	gone=$SPAWNED
	kill -9 "$gone"
	wait "$gone" 2>/dev/null || true
	run "$PI" "$gone" "$$"
	[ "$status" -eq 3 ]
	assert_line "procinfo: $gone: no such process"
	assert_line "pid         $$"
	run "$PI" --json "$gone" "$$"
	[ "$status" -eq 3 ]
	run "$PI" 999999999
	[ "$status" -eq 3 ]
}

@test "bad pids are usage errors (exit 2)" {
	for a in abc -1 12x "" 99999999999999999999; do
		run "$PI" "$a"
		[ "$status" -eq 2 ] || { echo "arg '$a': $status"; false; }
	done
	run "$PI" -m bogus
	[ "$status" -eq 2 ]
	run "$PI" -o xml
	[ "$status" -eq 2 ]
}

@test "prom: only the pids given, with pid and name labels, promtool-clean" {
	run "$PI" -o prom "$$"
	assert_success
	assert_line --regexp "^pskit_procinfo_resident_memory_bytes\{pid=\"$$\",name=\"[^\"]+\"\} [0-9]+\$"
	[ "$(printf '%s\n' "$output" | grep -o 'pid="[0-9]*"' | sort -u)" = "pid=\"$$\"" ]
	if command -v promtool >/dev/null; then
		run promtool check metrics <<< "$output"
		[ "$status" -eq 0 ] && [ -z "$output" ]
	fi
}

@test "several pids: reports separated by one blank line" {
	run "$PI" "$$" "$$"
	assert_success
	[ "$(printf '%s\n' "$output" | grep -c '^pid ')" -eq 2 ]
	[ "$(printf '%s\n' "$output" | grep -c '^$')" -eq 1 ]
}

@test "json is valid and tsv has 4 columns on every row" {
	spawn sleep 1000
	wait_for is_comm "$SPAWNED" sleep
	run "$PI" --json "$$" "$SPAWNED"
	assert_success
	[ "$(jq 'length' <<<"$output")" -eq 2 ]
	jq -e '.[1] | .cpu_times.user >= 0 and (.uids | has("saved")) and (.rlimits.nofile | length == 2)' <<<"$output"
	run "$PI" --tsv "$$" "$SPAWNED"
	assert_success
	[ "${lines[0]}" = "pid	field	index	value" ]
	[ -z "$(printf '%s\n' "$output" | awk -F'\t' 'NF != 4')" ]
	run "$PI" --tsv --no-header "$SPAWNED"
	[ "${lines[0]}" = "$SPAWNED	pid	0	$SPAWNED" ]
}

@test "-m memtype chooses what memory % is of" {
	spawn sleep 1000
	wait_for is_comm "$SPAWNED" sleep
	kill -STOP "$SPAWNED"
	wait_for is_state "$SPAWNED" T
	for t in rss vms uss pss swap shared text data; do
		ours=$("$PI" --json -m "$t" "$SPAWNED" | jq '.[0].memory_percent')
		ref=$("$PY" -c "import psutil; print(round(psutil.Process($SPAWNED).memory_percent('$t'), 2))")
		awk -v a="$ours" -v b="$ref" 'BEGIN { d = a - b; exit !(d < 0.02 && d > -0.02) }' ||
			{ echo "$t: $ours vs $ref"; false; }
	done
}

@test "write error: exit 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	run sh -c "'$PI' >/dev/full"
	[ "$status" -eq 1 ]
	assert_output "procinfo: write error"
}

@test "oneshot: each /proc/PID file opened at most once (strace)" {
	command -v strace >/dev/null || skip "strace not installed"
	spawn sleep 1000
	wait_for is_comm "$SPAWNED" sleep
	kill -STOP "$SPAWNED"
	wait_for is_state "$SPAWNED" T
	strace -f -e trace=openat -o "$BATS_TEST_TMPDIR/trace" "$PI" "$SPAWNED" >/dev/null 2>&1 ||
		skip "strace cannot trace here"
	# files below /proc/PID are opened relative to its directory's fd
	dfd=$(sed -n "s/.*openat([0-9]*, \"$SPAWNED\", .*O_DIRECTORY.*) = \([0-9]*\)$/\1/p" \
		"$BATS_TEST_TMPDIR/trace")
	[ -n "$dfd" ]
	for f in stat status statm smaps_rollup io cmdline environ limits smaps; do
		n=$(grep -c "openat($dfd, \"$f\"," "$BATS_TEST_TMPDIR/trace" || true)
		[ "$n" -eq 1 ] || { echo "$f opened $n times"; cat "$BATS_TEST_TMPDIR/trace"; false; }
	done
}

@test "differential: every field psutil 5.9.4 as_dict() reports agrees" {
	"$PY" -c 'import psutil; assert psutil.__version__ == "5.9.4"' || skip "psutil 5.9.4 missing"
	echo data >"$BATS_TEST_TMPDIR/f"
	spawn sh -c 'exec 5<"$1" 6>>"$1"; exec sleep 1000' _ "$BATS_TEST_TMPDIR/f"
	wait_for is_comm "$SPAWNED" sleep
	wait_for is_state "$SPAWNED" S
	kill -STOP "$SPAWNED"
	wait_for is_state "$SPAWNED" T
	"$PI" --json "$SPAWNED" >"$BATS_TEST_TMPDIR/o.json"
	run "$PY" "$BATS_TEST_DIRNAME/procinfo_diff.py" "$SPAWNED" "$BATS_TEST_TMPDIR/o.json"
	assert_success
}

@test "differential text: procinfo.py's layout, only its bugs changed" {
	script=/work/shared/tools/psutil-5.9.4-scripts/procinfo.py
	[ -f "$script" ] || script=$PSKIT_ROOT/../shared/tools/psutil-5.9.4-scripts/procinfo.py
	[ -f "$script" ] || skip "procinfo.py not found"
	spawn env -i PATH=/usr/bin:/bin A=1 B=2 C=3 D=4 E=5 sleep 1000
	wait_for is_comm "$SPAWNED" sleep
	wait_for is_state "$SPAWNED" S
	kill -STOP "$SPAWNED"
	wait_for is_state "$SPAWNED" T
	"$PY" "$script" "$SPAWNED" >"$BATS_TEST_TMPDIR/ref" 2>&1
	"$PI" "$SPAWNED" >"$BATS_TEST_TMPDIR/ours"
	# the script's bugs, fixed on purpose (man page BUGS FIXED): gids
	# printed as uids, cpu-tspent, I/O counts through bytes2human,
	# RLIMIT_LOCKS unnamed; memory-full is new.
	awk '/^uids/ { if (u++) sub(/^uids/, "gids") } { print }' "$BATS_TEST_TMPDIR/ref" |
		sed -e 's/^            RLIMIT_LOCKS/            locks       /' \
		    -e '/^cpu-tspent/d' -e '/^I\/O/d' -e '/^memory-full/d' -e '/^gids/d' >"$BATS_TEST_TMPDIR/ref.n"
	sed -e '/^cpu-tspent/d' -e '/^I\/O/d' -e '/^memory-full/d' -e '/^gids/d' \
		"$BATS_TEST_TMPDIR/ours" >"$BATS_TEST_TMPDIR/ours.n"
	run diff "$BATS_TEST_TMPDIR/ref.n" "$BATS_TEST_TMPDIR/ours.n"
	assert_success
	[ "$(grep '^gids' "$BATS_TEST_TMPDIR/ours")" = "gids        real=$(id -rg), effective=$(id -g), saved=$(id -g)" ]
	grep -q '^I/O         read_count=[0-9]*, write_count=[0-9]*, read_bytes=' "$BATS_TEST_TMPDIR/ours"
	grep -q '^cpu-tspent  [0-9]*:[0-9][0-9]\.[0-9][0-9]$' "$BATS_TEST_TMPDIR/ours"
}

@test "every process on the machine: exit 0 or 3, never a signal" {
	for p in /proc/[0-9]*; do
		"$PI" "${p#/proc/}" >/dev/null 2>&1 && rc=0 || rc=$?
		[ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] || { echo "pid ${p#/proc/}: $rc"; false; }
		"$PI" --json -a -v "${p#/proc/}" 2>/dev/null | jq -e . >/dev/null ||
			[ ! -d "$p" ] || { echo "pid ${p#/proc/}: bad json"; false; }
	done
}

@test "15-character names: recovered from cmdline as psutil does" {
	cp /bin/sleep "$BATS_TEST_TMPDIR/verylongprocessname_x"
	spawn "$BATS_TEST_TMPDIR/verylongprocessname_x" 1000
	wait_for is_state "$SPAWNED" S
	run "$PI" "$SPAWNED"
	[ "$(field name)" = verylongprocessname_x ]
	ref=$("$PY" -c "import psutil; print(psutil.Process($SPAWNED).name())")
	[ "$ref" = verylongprocessname_x ]
}

@test "terminal: the process's pty" {
	command -v script >/dev/null || skip "script(1) not installed"
	spawn script -qfc "exec sleep 1000" /dev/null
	s=
	wait_for sh -c "pgrep -x sleep -P \$(pgrep -P $SPAWNED | head -1) >/dev/null || pgrep -x sleep -P $SPAWNED >/dev/null"
	s=$(pgrep -x sleep -P "$SPAWNED" || pgrep -x sleep -P "$(pgrep -P "$SPAWNED" | head -1)")
	tty=$(readlink "/proc/$s/fd/0")
	[[ "$tty" == /dev/pts/* ]] || skip "no pty for the child"
	run "$PI" "$s"
	assert_success
	[ "$(field terminal)" = "$tty" ]
	run "$PI" --json "$s"
	[ "$(jq -r '.[0].terminal' <<<"$output")" = "$tty" ]
}

@test "malformed /proc files (--procfs): blanks, never a crash" {
	d=$BATS_TEST_TMPDIR/proc
	mkdir -p "$d/42/task/42" "$d/42/fd" "$d/43" "$d/44"
	printf 'cpu  1 2 3\nbtime 1700000000\n' >"$d/stat"
	printf 'MemTotal:       1000 kB\n' >"$d/meminfo"
	printf '42 (x) y) z) S 1 42 42 0 -1 4194560 0 0 0 0 150 5 0 0 20 0 1 0 100 0 0' >"$d/42/stat"
	cp "$d/42/stat" "$d/42/task/42/stat"
	printf 'Name:\tx\nUid:\t7\n' >"$d/42/status"
	printf '1 2\n' >"$d/42/statm"
	printf 'rchar: x\n\n' >"$d/42/io"
	printf 'Max open files  oops\n' >"$d/42/limits"
	printf 'a\0b' >"$d/42/cmdline"
	printf '=x\0K\0V=\xff\n\0' >"$d/42/environ"
	printf 'garbage\nRss: lots\n' >"$d/42/smaps"
	: >"$d/42/smaps_rollup"
	printf '43 (y' >"$d/43/stat"
	run "$PI" --procfs "$d" 42
	assert_success
	assert_line "name        x) y) z"
	assert_line "cmdline     a"	# psutil keeps the NUL inside: C strings end there
	assert_line "cpu-times   user=1.5, system=0.05, children_user=0.0, children_system=0.0, iowait=0.0"
	assert_line "memory      "
	assert_line "I/O         "
	assert_line "uids        "
	run "$PI" --procfs "$d" --json 42
	assert_success
	jq -e '.[0] | .memory_info == null and .environ == {"V": [255, 10]} and .cpu_num == null' <<<"$output"
	run "$PI" --procfs "$d" 43 42
	[ "$status" -eq 1 ]
	assert_line --partial "procinfo: 43: "
	assert_line "pid         42"
	run "$PI" --procfs "$d" 44
	[ "$status" -ne 0 ]
	run "$PI" --procfs "$d/nonexistent" 42
	[ "$status" -eq 1 ]
}

@test "-w FILE: written atomically" {
	run "$PI" -w "$BATS_TEST_TMPDIR/out.json" --json "$$"
	assert_success
	assert_output ""
	jq -e '.[0].pid == '"$$" "$BATS_TEST_TMPDIR/out.json"
	[ -z "$(ls "$BATS_TEST_TMPDIR" | grep -v '^out.json$' | grep -v '^pids$')" ]
}

@test "invalid UTF-8 and 5 KiB arguments: escaped text, valid json, escaped tsv" {
	bad=$(printf 'b\377\376d')
	long=$(head -c 5000 /dev/zero | tr '\0' x)
	spawn "$PY" -c 'import time; time.sleep(1000)' "$bad" "caf$(printf '\303\251')	tab" "$long"
	wait_for is_state "$SPAWNED" S
	# text: invalid bytes and the tab escaped, UTF-8 kept in a UTF-8 locale
	LC_ALL=C.UTF-8 run "$PI" "$SPAWNED"
	assert_success
	[ "$(field cmdline)" = "$PY -c import time; time.sleep(1000) b\\377\\376d café\\011tab $long" ]
	LC_ALL=C run "$PI" "$SPAWNED"
	[ "$(field cmdline)" = "$PY -c import time; time.sleep(1000) b\\377\\376d caf\\303\\251\\011tab $long" ]
	# json: an invalid string is the array of its bytes, never U+FFFD
	run "$PI" --json "$SPAWNED"
	[ "$(jq -c '.[0].cmdline[3]' <<<"$output")" = "[98,255,254,100]" ]
	[ "$(jq -r '.[0].cmdline[5] | length' <<<"$output")" -eq 5000 ]
	run "$PI" --tsv "$SPAWNED"
	assert_line "$SPAWNED	cmdline	4	café\\ttab"
}

@test "on a terminal: labels in green, padded to 13 (the script's print_)" {
	command -v script >/dev/null || skip "script(1) not installed"
	run script -qec "'$PI' --procfs '$PSKIT_FIXTURES/procinfo/sleep/proc' $(ls "$PSKIT_FIXTURES/procinfo/sleep/proc" | sort -n | tail -1)" /dev/null
	assert_success
	[[ "${lines[0]}" == $'\e[1;32mpid          \e[0m '* ]]
	run "$PI" --json "$$"
	refute_output --partial $'\e['
}
