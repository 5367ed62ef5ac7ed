#!/bin/sh
# deps.sh [build|test|all]: install, on Debian, what a fresh machine lacks
# to build pskit (build) or to run every test and benchmark (test, all).
# Does nothing when everything is present.  Needs root (or sudo) only when
# something is missing.
set -eu
what=${1:-all}

BUILD="gcc clang make pkg-config libbsd-dev"
TEST="bats bats-support bats-assert jq mandoc procps util-linux iproute2 \
strace python3 python3-psutil sysstat smem smemstat net-tools hyperfine faketime \
gcc-mingw-w64-x86-64 wine64 wine valgrind prometheus prometheus-node-exporter \
libxml2-utils librsvg2-bin zsh bash-completion"

case $what in
build) pkgs=$BUILD ;;
test|all) pkgs="$BUILD $TEST" ;;
*) echo "usage: deps.sh [build|test|all]" >&2; exit 2 ;;
esac

missing=
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps.sh: not a Debian system; install:$missing" >&2
	exit 1
fi
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
