# Shared by the *_wine.bats suites of the Windows probes (load wine_prefix).

# wine_prefix_reap: after wineserver -k / -w, kill -9 any process of this
# suite's WINEPREFIX still alive (a service that was starting while the
# server went away), as winservices_wine.bats does.  Only processes whose
# environment names our own throwaway prefix are touched.
wine_prefix_reap() {
	local p pids=
	[ -n "${WINEPREFIX:-}" ] || return 0
	for p in /proc/[0-9]*; do
		tr '\0' '\n' 2>/dev/null <"$p/environ" |
		    grep -qxF "WINEPREFIX=$WINEPREFIX" && pids="$pids ${p#/proc/}"
	done
	[ -z "$pids" ] || kill -9 $pids 2>/dev/null || true
	return 0
}
