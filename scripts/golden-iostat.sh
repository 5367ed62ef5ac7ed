#!/usr/bin/env bash
# golden-iostat.sh: regenerate tests/golden/iostat/ from the reference iostat
# (sysstat 12.6.1).
#
# For every fixture tests/fixtures/iostat/<case> and every option set of
# tests/golden/iostat/optsets (plus <case>/optsets, plus optsets.interval
# when <case>/next exists), run the reference iostat inside a private mount
# and UTS namespace (unshare -m -u) that shows it the fixture, as in
# shared/reference/iostat.md section 6:
#   - a scratch copy of <case>/proc/{stat,uptime,diskstats,devices} is
#     bind-mounted over the /proc files (devices only when present);
#   - a tmpfs is mounted on /sys/block and <case>/sys/block copied into it;
#   - <case>/sys/devices/system/cpu is bind-mounted over the real one;
#   - the host name is "testhost"; LC_ALL=C TZ=UTC; faketime starts the
#     clock at 2024-01-15 10:20:30 (monotonic time is left real).
# Interval sets: 0.5 s after the start, <case>/next/* is copied over the
# scratch tree (and the paths of <case>/next.remove deleted).
# The banner's kernel release and host name are normalised by
# tests/bats/iostat_lib.bash (iostat_norm) in both outputs, so the files
# hold them as @RELEASE@ and @HOST@.
# Outputs per case and set NAME: NAME.out (stdout), NAME.rc (exit status,
# when non-zero), NAME.err (stderr, when non-empty).  Needs root.
set -euo pipefail

REF_IOSTAT=${REF_IOSTAT:-/usr/bin/iostat}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GOLDEN=$ROOT/tests/golden/iostat
FIXTURES=$ROOT/tests/fixtures/iostat
. "$ROOT/tests/bats/iostat_lib.bash"

die() { printf 'golden-iostat: %s\n' "$*" >&2; exit 1; }

if [ "${1:-}" = "--inner" ]; then
	fx=$2 out=$3 scratch=$4
	mount --make-rprivate /
	hostname testhost
	cp -r "$fx/proc" "$fx/sys" "$scratch/"
	for f in stat uptime diskstats devices; do
		[ -f "$scratch/proc/$f" ] || continue
		mount --bind "$scratch/proc/$f" "/proc/$f"
	done
	mount -t tmpfs none /sys/block
	cp -r "$scratch/sys/block/." /sys/block/
	mount --bind "$scratch/sys/devices/system/cpu" /sys/devices/system/cpu
	export IOSTAT_SYS=$scratch/sys	# "@SYS@" of -f/+f option sets
	# Interval runs write the next sample into the mounted tree.
	next_sample() {
		[ -d "$fx/next/proc" ] && cp "$fx/next/proc/"* "$scratch/proc/"
		[ -d "$fx/next/sys/block" ] && cp -r "$fx/next/sys/block/." /sys/block/
		if [ -f "$fx/next.remove" ]; then
			while read -r p; do
				case $p in sys/block/*) rm -rf "/sys/block/${p#sys/block/}" ;; esac
			done <"$fx/next.remove"
		fi
		return 0
	}
	reset_sample() {
		cp "$fx/proc/"* "$scratch/proc/"
		rm -rf /sys/block/*
		cp -r "$fx/sys/block/." /sys/block/
	}
	iostat_optsets "$fx" | while IFS='|' read -r kind name envs opts; do
		# The differential test (iostat_diff.bats) runs snapshots only.
		[ -n "${IOSTAT_SNAPSHOT_ONLY:-}" ] && [ "$kind" = i ] && continue
		# shellcheck disable=SC2254
		case $name in ${IOSTAT_ONLY_SETS:-*}) ;; *) continue ;; esac
		rc=0
		reset_sample
		if [ "$kind" = i ]; then
			# shellcheck disable=SC2086
			iostat_env $envs "$REF_IOSTAT" $opts >"$out/$name.out" \
				2>"$out/$name.err" &
			pid=$!
			sleep 0.5
			next_sample
			wait "$pid" || rc=$?
		else
			# shellcheck disable=SC2086
			iostat_env $envs "$REF_IOSTAT" $opts >"$out/$name.out" \
				2>"$out/$name.err" || rc=$?
		fi
		iostat_norm <"$out/$name.out" >"$out/$name.tmp"
		mv "$out/$name.tmp" "$out/$name.out"
		sed "s|$REF_IOSTAT|iostat|g" "$out/$name.err" >"$out/$name.tmp"
		mv "$out/$name.tmp" "$out/$name.err"
		[ -s "$out/$name.err" ] || rm -f "$out/$name.err"
		[ "$rc" -eq 0 ] || echo "$rc" >"$out/$name.rc"
	done
	exit 0
fi

[ "$(id -u)" -eq 0 ] || die "must run as root (mount namespaces)"
command -v unshare >/dev/null || die "unshare(1) not found (util-linux)"
command -v faketime >/dev/null || die "faketime not found (apt-get install faketime)"
ver=$("$REF_IOSTAT" -V 2>&1 | head -1)
[ "$ver" = "sysstat version 12.6.1" ] || die "reference is '$ver', expected sysstat 12.6.1"

for fx in "$FIXTURES"/*/; do
	fx=${fx%/}
	case=${fx##*/}
	[ -d "$fx/proc" ] || continue
	tmp=$(mktemp -d)
	mkdir "$tmp/out" "$tmp/scratch"
	unshare -m -u "$0" --inner "$fx" "$tmp/out" "$tmp/scratch"
	rm -rf "${GOLDEN:?}/$case"
	mkdir -p "$GOLDEN/$case"
	cp "$tmp/out/"* "$GOLDEN/$case/"
	rm -rf "$tmp"
	echo "golden-iostat: $case: $(ls "$GOLDEN/$case" | grep -c '\.out$') outputs"
done
