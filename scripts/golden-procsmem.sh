#!/bin/sh
# golden-procsmem.sh: regenerate tests/fixtures/procsmem and tests/golden/procsmem.
#
# Starts stopped processes with known memory (tests/bats/procsmem-hog.c, linked
# statically so their PSS does not depend on who else maps libc), copies their
# /proc/PID/{stat,cmdline,smaps,smaps_rollup} and /proc/meminfo into the fixture
# tree tests/fixtures/procsmem/basic/proc, adds a kernel thread and a zombie
# copied from the live system, then runs the reference smem 1.5 on it with -S
# for every option set of tests/golden/procsmem/optsets.  Run as root from the top
# of the tree.
set -eu
top=$(pwd)
fx=$top/tests/fixtures/procsmem/basic
gold=$top/tests/golden/procsmem
tmp=$(mktemp -d)
pids=
trap 'for p in $pids; do kill -9 $p 2>/dev/null; done; rm -rf "$tmp"' EXIT

cc -static -O1 -o "$tmp/pkhog" tests/bats/procsmem-hog.c
cp "$tmp/pkhog" "$tmp/pk hog) x"
head -c 4194304 /dev/urandom >"$tmp/shared.dat"
"$tmp/pkhog" -m 4 -f "$tmp/shared.dat" & pids="$pids $!"
"$tmp/pkhog" -m 2 -f "$tmp/shared.dat" -n pkhogb & pids="$pids $!"
"$tmp/pk hog) x" -m 1 & pids="$pids $!"
sleep 1

rm -rf "$fx/proc"
mkdir -p "$fx/proc" "$gold"
cp /proc/meminfo "$fx/proc/meminfo"
n=100
for p in $pids; do
	d=$fx/proc/$n
	mkdir "$d"
	# renumber: the fixture is stable whatever PIDs the run got
	sed "s/^$p /$n /" /proc/$p/stat >"$d/stat"
	for f in cmdline smaps smaps_rollup; do cat /proc/$p/$f >"$d/$f"; done
	n=$((n + 1))
done
# a kernel thread (kthreadd) and a zombie: stat only, empty cmdline and smaps
mkdir "$fx/proc/2" "$fx/proc/300"
sed 's/^2 /2 /' /proc/2/stat >"$fx/proc/2/stat"
: >"$fx/proc/2/cmdline"; : >"$fx/proc/2/smaps"
echo '300 (defunct) Z 100 300 300 0 -1 4227132 0 0 0 0 0 0 0 0 20 0 1 0 1 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0' >"$fx/proc/300/stat"
: >"$fx/proc/300/cmdline"; : >"$fx/proc/300/smaps"
cat >"$fx/README" <<EOT
procsmem fixture "basic": /proc of three stopped procsmem-hog processes (static;
4 MiB + 2 MiB private anonymous, both mapping one 4 MiB file shared; one named
"pk hog) x"), renumbered 100-102, plus kernel thread 2 and zombie 300 with empty
cmdline and smaps.  Captured by scripts/golden-procsmem.sh on $(uname -sr).
EOT

while read -r name opts; do
	case $name in ''|'#'*) continue ;; esac
	eval "set -- $opts"
	smem -S "$fx" "$@" >"$gold/$name.out" 2>/dev/null || echo "$?" >"$gold/$name.rc"
done <"$gold/optsets"
echo "regenerated $fx and $gold"
