#!/bin/sh
# scripts/smoke.sh: run every command of bin/ once in each format and fail
# on a crash, a non-zero status (winservices: "not supported" with 1 off
# Windows) or empty output.  .ci/run uses it on the STATIC=0 build, whose
# link line the tests of the default build do not exercise; --dynamic also
# checks that libbsd is a shared library there.
set -u
cd "$(dirname "$0")/.." || exit 1
fail=0
run() {	# run WHAT...: the command must exit 0 and print something
	out=$("$@" 2>&1)
	st=$?
	if [ $st -ne 0 ] || [ -z "$out" ]; then
		echo "smoke: FAILED (status $st): $*" >&2
		printf '%s\n' "$out" | head -5 >&2
		fail=1
	fi
}
for fmt in text tsv json prom; do
	run bin/free -o "$fmt"
	run bin/iostat -o "$fmt"
	run bin/ifconfig -a -o "$fmt"
	run bin/procinfo -o "$fmt" $$
	run bin/procsmem -o "$fmt"
done
out=$(bin/winservices 2>&1)
st=$?
case $st:$out in
1:*"not supported"*) ;;
*) echo "smoke: FAILED (status $st): bin/winservices: $out" >&2; fail=1 ;;
esac
if [ "${1:-}" = --dynamic ] && command -v ldd >/dev/null 2>&1; then
	ldd bin/free | grep -q libbsd ||
		{ echo "smoke: bin/free is not linked to libbsd dynamically" >&2; fail=1; }
fi
[ $fail = 0 ] && echo "smoke: every command ran"
exit $fail
