#!/bin/sh
# psutil_ns.sh DIR MODE: run inside `unshare -p -f --mount-proc` by
# procsmem_views.bats.  Starts procsmem-hog processes ($DIR/pkhog, which
# stop themselves), waits until all are stopped, then runs psutil's
# scripts/procsmem.py ($SCRIPT) and procsmem --psutil ($PSMEM), each
# under $AS (empty, or setpriv to another user), into DIR/{py,pk}.{out,
# err,rc,pid}; kills and reaps the hogs.  MODE few: hogs of different
# sizes, a zombie, a UTF-8 command line longer than 50 characters;
# MODE many: 90 small hogs (more rows than procsmem.py's 86).
d=$1
pids=
if [ "$2" = many ]; then
	i=0
	while [ $i -lt 90 ]; do
		"$d/pkhog" &
		pids="$pids $!"
		i=$((i + 1))
	done
else
	"$d/pkhog" -m 4 & pids="$pids $!"
	"$d/pkhog" -m 1 -n pkhogb & pids="$pids $!"
	"$d/pkhog" -z & pids="$pids $!"
	"$d/pkhog" -m 40 & pids="$pids $!"
	(cd "$d/u" && exec "./pkhög-ünïcödé-ñame-that-is-rather-long-für-ééééé" -m 2) &
	pids="$pids $!"
fi
for p in $pids; do
	n=0
	while [ "$(cut -d' ' -f3 "/proc/$p/stat")" != T ] && [ $n -lt 400 ]; do
		sleep 0.05
		n=$((n + 1))
	done
done
# shellcheck disable=SC2086
$AS /usr/bin/python3 "$SCRIPT" >"$d/py.out" 2>"$d/py.err" &
echo $! >"$d/py.pid"
wait $!
echo $? >"$d/py.rc"
# shellcheck disable=SC2086
$AS "$PSMEM" --psutil >"$d/pk.out" 2>"$d/pk.err" &
echo $! >"$d/pk.pid"
wait $!
echo $? >"$d/pk.rc"
# shellcheck disable=SC2086
kill -KILL $pids
wait
