#!/usr/bin/env bash
# golden-free.sh: regenerate tests/golden/free/ from the reference free (procps-ng 4.0.2).
#
# For every fixture tests/fixtures/free/<case>/proc and tests/fixtures/free-bad/<case>/proc,
# and every option set of tests/golden/free/optsets, run the reference free with LC_ALL=C
# inside a private mount namespace (unshare -m) in which the fixture is bind-mounted:
#   - <fixture>/proc/meminfo is a regular file: it is bind-mounted over /proc/meminfo;
#   - otherwise (no meminfo, or meminfo is a directory): <fixture>/proc is bind-mounted
#     over /proc, so the reference tool sees exactly what `free --procfs <fixture>/proc` sees.
# Outputs, per case and option set NAME:
#   tests/golden/free/<case>/NAME.out  stdout (always written, possibly empty)
#   tests/golden/free/<case>/NAME.rc   exit status, only when non-zero
#   tests/golden/free/<case>/NAME.err  stderr, only when non-empty
# Files that are no longer produced (removed option set or fixture) are deleted.
# Idempotent: unchanged files are not rewritten. Needs root (mount namespaces).
#
# Usage: scripts/golden-free.sh            (env: REF_FREE=/usr/bin/free)
set -euo pipefail

REF_FREE=${REF_FREE:-/usr/bin/free}
REF_VERSION='free from procps-ng 4.0.2'
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OPTSETS=$ROOT/tests/golden/free/optsets
GOLDEN=$ROOT/tests/golden/free
FIXTURE_DIRS=("$ROOT/tests/fixtures/free" "$ROOT/tests/fixtures/free-bad")

die() { printf 'golden-free: %s\n' "$*" >&2; exit 1; }

# --- inner mode: runs inside the new mount namespace ---------------------------------
# golden-free.sh --inner PROCDIR OUTDIR: mount the fixture, run every option set.
if [ "${1:-}" = "--inner" ]; then
	procdir=$2 outdir=$3
	if [ -f "$procdir/meminfo" ] && [ ! -L "$procdir/meminfo" ]; then
		mount --bind "$procdir/meminfo" /proc/meminfo ||
			die "cannot bind-mount $procdir/meminfo over /proc/meminfo"
		cmp -s "$procdir/meminfo" /proc/meminfo ||
			die "/proc/meminfo does not show $procdir/meminfo after the bind mount"
	else
		mount --bind "$procdir" /proc || die "cannot bind-mount $procdir over /proc"
		[ -d /proc/self ] && die "/proc still looks like procfs after the bind mount"
	fi
	while read -r name opts; do
		case $name in ''|'#'*) continue ;; esac
		rc=0
		# shellcheck disable=SC2086  # options are split on blanks on purpose
		env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C "$REF_FREE" $opts \
			>"$outdir/$name.out" 2>"$outdir/$name.err" || rc=$?
		[ -s "$outdir/$name.err" ] || rm -f "$outdir/$name.err"
		[ "$rc" -eq 0 ] || echo "$rc" >"$outdir/$name.rc"
	done <"$OPTSETS"
	exit 0
fi

# --- outer mode ----------------------------------------------------------------------
[ "$#" -eq 0 ] || die "usage: $0 (no arguments; edit $OPTSETS to change the option sets)"
[ "$(id -u)" -eq 0 ] || die "must run as root (bind mounts inside unshare -m); try: sudo $0"
command -v unshare >/dev/null || die "unshare(1) not found (util-linux)"
unshare -m true 2>/dev/null || die "unshare -m failed: no mount namespaces here (container without CAP_SYS_ADMIN?)"
[ -x "$REF_FREE" ] || die "reference tool $REF_FREE not found (apt-get install procps)"
ver=$(LC_ALL=C "$REF_FREE" -V 2>&1) || true
[ "$ver" = "$REF_VERSION" ] || die "reference is '$ver', expected '$REF_VERSION'"
[ -f "$OPTSETS" ] || die "missing $OPTSETS"

# Validate the option-set list: safe, unique names.
declare -A seen=()
nopt=0
while read -r name _; do
	case $name in ''|'#'*) continue ;; esac
	[[ $name =~ ^[A-Za-z0-9._-]+$ ]] || die "bad option-set name '$name' in $OPTSETS"
	[ -z "${seen[$name]:-}" ] || die "duplicate option-set name '$name' in $OPTSETS"
	seen[$name]=1
	nopt=$((nopt + 1))
done <"$OPTSETS"
[ "$nopt" -gt 0 ] || die "no option sets in $OPTSETS"

# Collect fixtures; a case name must be unique across free/ and free-bad/.
declare -A fixture=()
for dir in "${FIXTURE_DIRS[@]}"; do
	[ -d "$dir" ] || continue
	for p in "$dir"/*/proc; do
		[ -d "$p" ] || continue
		c=${p%/proc}; c=${c##*/}
		[ -z "${fixture[$c]:-}" ] || die "case '$c' exists twice: ${fixture[$c]} and $p"
		[ "$c" != optsets ] || die "a case may not be called 'optsets'"
		fixture[$c]=$p
	done
done
[ "${#fixture[@]}" -gt 0 ] || die "no fixtures found"

stage=$(mktemp -d "${TMPDIR:-/tmp}/golden-free.XXXXXX")
trap 'rm -rf "$stage"' EXIT

new=0 changed=0 same=0 removed=0
mapfile -t cases < <(printf '%s\n' "${!fixture[@]}" | LC_ALL=C sort)
for c in "${cases[@]}"; do
	mkdir -p "$stage/$c"
	unshare -m --propagation private -- "$0" --inner "${fixture[$c]}" "$stage/$c" ||
		die "running the reference on case '$c' failed"
	mkdir -p "$GOLDEN/$c"
	for f in "$stage/$c"/*; do
		g=$GOLDEN/$c/${f##*/}
		if [ ! -e "$g" ]; then
			cp "$f" "$g"; new=$((new + 1))
		elif cmp -s "$f" "$g"; then
			same=$((same + 1))
		else
			cp "$f" "$g"; changed=$((changed + 1)); echo "changed: ${g#"$ROOT"/}"
		fi
	done
	for g in "$GOLDEN/$c"/*; do
		[ -e "$g" ] || continue
		if [ ! -e "$stage/$c/${g##*/}" ]; then
			rm -f "$g"; removed=$((removed + 1)); echo "removed: ${g#"$ROOT"/}"
		fi
	done
done
# Golden directories whose fixture is gone.
for d in "$GOLDEN"/*/; do
	d=${d%/}; c=${d##*/}
	[ -n "${fixture[$c]:-}" ] && continue
	n=$(find "$d" -type f | wc -l)
	rm -rf "$d"; removed=$((removed + n)); echo "removed: ${d#"$ROOT"/}/ (no fixture)"
done

total=$((new + changed + same))
printf 'golden-free: %d cases x %d option sets, %d files: %d new, %d changed, %d unchanged, %d removed (%s)\n' \
	"${#cases[@]}" "$nopt" "$total" "$new" "$changed" "$same" "$removed" "$ver"
