#!/bin/sh
# golden-procinfo.sh: regenerate tests/fixtures/procinfo/<case>/proc and
# tests/golden/procinfo/<case>.out.  Each case is a process started and
# stopped here; its /proc files are copied into a fake procfs root and,
# at the same moment, psutil 5.9.4's scripts/procinfo.py reports the live
# process (TZ=UTC).  The golden file is the script's raw output; the test
# (tests/bats/procinfo_golden.bats) applies the documented bug fixes.
# Run from the top of the tree, as root (reads of another process).
set -eu
script=${PROCINFO_PY:-/work/shared/tools/psutil-5.9.4-scripts/procinfo.py}
fix=tests/fixtures/procinfo
gold=tests/golden/procinfo
export TZ=UTC

# capture CASE PID: copy what procinfo reads of PID (and of its parent)
capture() {
	c=$1 pid=$2
	d=$fix/$c/proc
	rm -rf "$fix/$c"
	mkdir -p "$d/$pid/task/$pid" "$d/$pid/fd"
	for f in stat status statm io limits smaps_rollup cmdline environ smaps; do
		cat "/proc/$pid/$f" >"$d/$pid/$f"
	done
	cat "/proc/$pid/task/$pid/stat" >"$d/$pid/task/$pid/stat"
	ln -s "$(readlink "/proc/$pid/exe")" "$d/$pid/exe"
	ln -s "$(readlink "/proc/$pid/cwd")" "$d/$pid/cwd"
	for f in /proc/$pid/fd/*; do
		ln -s "$(readlink "$f")" "$d/$pid/fd/${f##*/}"
	done
	ppid=$(sed 's/.*) //' "/proc/$pid/stat" | cut -d' ' -f2)
	mkdir -p "$d/$ppid"
	cat "/proc/$ppid/stat" >"$d/$ppid/stat"
	cat "/proc/$ppid/cmdline" >"$d/$ppid/cmdline"
	cat /proc/stat >"$d/stat"
	cat /proc/meminfo >"$d/meminfo"
	mkdir -p "$gold"
	/usr/bin/python3 "$script" -v "$pid" >"$gold/$c.out"
}

# stopped COMM CMD...: start CMD from / as our child, stop it once its
# comm is COMM; its pid in p
stopped() {
	comm=$1
	shift
	(cd / && exec "$@") </dev/null >/dev/null 2>&1 &
	p=$!
	while [ "$(cat "/proc/$p/comm")" != "$comm" ]; do sleep 0.05; done
	kill -STOP "$p"
	while ! sed 's/.*) //' "/proc/$p/stat" | grep -q '^T'; do sleep 0.1; done
}

stopped sleep env -i PATH=/usr/bin:/bin HOME=/ LANG=C A=1 B=2 C=3 sleep 1000
capture sleep "$p"
kill -9 "$p"
# a 15-character comm recovered from cmdline[0]
tmp=$(mktemp -d)
ln -s /usr/bin/sleep "$tmp/verylongprocessname_x"
stopped verylongprocess env -i "$tmp/verylongprocessname_x" 1000 5
capture longname "$p"
kill -9 "$p"
rm -rf "$tmp"
