#!/usr/bin/env bash
# golden-ifconfig.sh: regenerate tests/golden/ifconfig/ from net-tools 2.10.
#
# Builds the namespace of tests/bats/ifconfig_netns.bash fixture_world (fixed
# names, MACs and addresses), then for every fixture
# tests/fixtures/ifconfig/<case>/proc and every option set of
# tests/golden/ifconfig/optsets runs /usr/sbin/ifconfig in that namespace
# with <case>/proc bind-mounted over /proc (unshare -m): the counters and
# IPv6 lines come from the fixture, the flags, MACs and IPv4 from the
# namespace.  Writes <case>/NAME.out, NAME.err (when not empty) and NAME.rc
# (when not 0).  Needs root.  Usage: scripts/golden-ifconfig.sh
set -euo pipefail

REF=${REF_IFCONFIG:-/usr/sbin/ifconfig}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GOLDEN=$ROOT/tests/golden/ifconfig
NS=pskit-golden-$$

die() { printf 'golden-ifconfig: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "must run as root (network and mount namespaces)"
[ -x "$REF" ] || die "$REF not found (apt-get install net-tools)"
"$REF" -V 2>&1 | grep -q 'net-tools 2.10' || die "$REF is not net-tools 2.10"

# shellcheck source=../tests/bats/ifconfig_netns.bash
. "$ROOT/tests/bats/ifconfig_netns.bash"
trap 'netns_del "$NS"' EXIT
fixture_world "$NS" || die "cannot build the namespace"

for fx in "$ROOT"/tests/fixtures/ifconfig/*/proc; do
	case=$(basename "$(dirname "$fx")")
	out=$GOLDEN/$case
	mkdir -p "$out"
	rm -f "$out"/*.out "$out"/*.err "$out"/*.rc
	while read -r name opts; do
		case $name in ''|'#'*) continue ;; esac
		rc=0
		# shellcheck disable=SC2086  # options are split on purpose
		in_fixture "$NS" "$fx" env -i LC_ALL=C "$REF" $opts \
		    >"$out/$name.out" 2>"$out/$name.err" || rc=$?
		[ -s "$out/$name.err" ] || rm -f "$out/$name.err"
		[ "$rc" -eq 0 ] || echo "$rc" >"$out/$name.rc"
	done <"$GOLDEN/optsets"
	echo "golden-ifconfig: $case"
done
