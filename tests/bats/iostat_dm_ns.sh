#!/bin/sh
# iostat_dm_ns.sh FIXTURE OUTDIR CMD...: run in a private mount namespace
# (unshare -m) by iostat_dm.bats.  A tmpfs over /dev holding dm-0 (block
# 253:0), sda and /dev/mapper/vg0-root -> ../dm-0; the fixture's uptime,
# stat and devices bound over /proc's; then CMD with the fixture's block
# tree (-f FIXTURE put right after CMD: sysstat tests a named device
# against the tree in force when the name is read), output in OUTDIR/out, status in OUTDIR/rc.
set -e
F=$1 O=$2 C=$3
shift 3
mount -t tmpfs pskit-dev /dev
mknod -m 666 /dev/null c 1 3
mknod /dev/dm-0 b 253 0
mknod /dev/sda b 8 0
mkdir /dev/mapper
ln -s ../dm-0 /dev/mapper/vg0-root
for f in uptime stat devices; do
	mount --bind "$F/proc/$f" "/proc/$f"
done
cd /
set +e
"$C" -f "$F" "$@" >"$O/out" 2>&1
echo $? >"$O/rc"
