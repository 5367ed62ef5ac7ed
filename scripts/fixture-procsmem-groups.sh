#!/bin/sh
# fixture-procsmem-groups.sh: regenerate tests/fixtures/procsmem/groups-v2 and
# groups-v1 and their goldens tests/golden/procsmem/groups-*.
#
# The processes are the "basic" fixture's three procsmem-hog processes (real
# smaps_rollup, smaps, stat, cmdline), copied to one PID per cgroup naming
# scheme procsmem(1) documents; each gets a /proc/PID/cgroup naming its cgroup
# as systemd, docker, podman, containerd, CRI-O and the kubelet write them (v2
# with the systemd driver, v1 with the cgroupfs drivers).  proc/self holds the
# cgroup and mountinfo that tell which hierarchy carries memory; sys/ holds
# each cgroup's memory.current (v1: memory.usage_in_bytes) and memory.stat,
# input values for the "charged" column.  The goldens are procsmem's own output
# (no other tool groups by cgroup); tests/bats/procsmem_groups.bats checks them
# against the process view (sums) and the naming rules (keys).
# Run from the top of the tree after `make`.
set -eu
top=$(pwd)
basic=$top/tests/fixtures/procsmem/basic/proc
gold=$top/tests/golden/procsmem
ID1=0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9
ID2=1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a
ID3=2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b
ID4=3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c
POD1=5b8e4a2c_1d3f_4e6a_9b7c_0d1e2f3a4b5c
POD2=6c9f5b3d_2e4a_4f7b_8c8d_1e2f3a4b5c6d

# proc FIXTURE PID TEMPLATE CGROUP-FILE-CONTENT
proc() {
	d=$1/proc/$2
	mkdir -p "$d"
	for f in cmdline smaps smaps_rollup; do cp "$basic/$3/$f" "$d/$f"; done
	sed "s/^$3 /$2 /" "$basic/$3/stat" >"$d/stat"
	printf '%s\n' "$4" >"$d/cgroup"
}

# charge FIXTURE DIR-BELOW-SYS FILE BYTES: a cgroup's own accounting
charge() {
	mkdir -p "$1/sys/$2"
	echo "$4" >"$1/sys/$2/$3"
	printf 'anon 0\nfile 0\n' >"$1/sys/$2/memory.stat"
}

v2=$top/tests/fixtures/procsmem/groups-v2
rm -rf "$v2"
mkdir -p "$v2/proc/self" "$v2/sys/fs/cgroup"
cp "$basic/meminfo" "$v2/proc/meminfo"
echo '0::/user.slice/user-0.slice/session-1.scope' >"$v2/proc/self/cgroup"
echo '30 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw' \
    >"$v2/proc/self/mountinfo"
echo 'cpu io memory pids' >"$v2/sys/fs/cgroup/cgroup.controllers"
proc "$v2" 1001 100 '0::/system.slice/nginx.service'
proc "$v2" 1002 101 '0::/system.slice/nginx.service'
proc "$v2" 1003 102 '0::/user.slice/user-1000.slice/session-3.scope'
proc "$v2" 1004 100 '0::/user.slice/user-1000.slice/user@1000.service/app.slice/app-foo.service'
proc "$v2" 1005 101 "0::/system.slice/docker-$ID1.scope"
proc "$v2" 1006 102 "0::/machine.slice/libpod-$ID2.scope/container"
proc "$v2" 1007 100 "0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod$POD1.slice/cri-containerd-$ID3.scope"
proc "$v2" 1008 101 "0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod$POD2.slice/crio-$ID4.scope"
proc "$v2" 1009 102 '0::/'
proc "$v2" 1010 100 '0::/init.scope'
n=1
for cg in system.slice/nginx.service user.slice/user-1000.slice/session-3.scope \
    user.slice/user-1000.slice/user@1000.service/app.slice/app-foo.service \
    "system.slice/docker-$ID1.scope" "machine.slice/libpod-$ID2.scope/container" \
    "kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod$POD1.slice/cri-containerd-$ID3.scope" \
    "kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod$POD2.slice/crio-$ID4.scope" \
    init.scope; do
	charge "$v2" "fs/cgroup/$cg" memory.current $((n * 16777216))
	n=$((n + 1))
done
charge "$v2" fs/cgroup/system.slice memory.current 536870912
charge "$v2" fs/cgroup memory.current 1073741824

v1=$top/tests/fixtures/procsmem/groups-v1
rm -rf "$v1"
mkdir -p "$v1/proc/self" "$v1/sys/fs/cgroup/memory"
cp "$basic/meminfo" "$v1/proc/meminfo"
printf '4:memory:/\n1:name=systemd:/user.slice\n' >"$v1/proc/self/cgroup"
echo '35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory' \
    >"$v1/proc/self/mountinfo"
proc "$v1" 1001 100 "$(printf '4:memory:/docker/%s\n1:name=systemd:/docker/%s' $ID1 $ID1)"
proc "$v1" 1002 101 "$(printf '4:memory:/docker/%s\n1:name=systemd:/docker/%s' $ID1 $ID1)"
proc "$v1" 1003 102 "$(printf '4:memory:/kubepods/burstable/pod%s/%s\n1:name=systemd:/kubepods/burstable' $(echo $POD1 | tr _ -) $ID3)"
proc "$v1" 1004 100 "$(printf '4:memory:/system.slice/nginx.service\n1:name=systemd:/system.slice/nginx.service')"
proc "$v1" 1005 101 "$(printf '4:memory:/user.slice/user-1000.slice/session-3.scope\n1:name=systemd:/user.slice/user-1000.slice/session-3.scope')"
proc "$v1" 1006 102 "$(printf '4:memory:/\n1:name=systemd:/init.scope')"
n=1
for cg in "docker/$ID1" "kubepods/burstable/pod$(echo $POD1 | tr _ -)/$ID3" \
    system.slice/nginx.service user.slice/user-1000.slice/session-3.scope; do
	charge "$v1" "fs/cgroup/memory/$cg" memory.usage_in_bytes $((n * 8388608))
	n=$((n + 1))
done
charge "$v1" fs/cgroup/memory memory.usage_in_bytes 2147483648

for v in v2 v1; do
	fx=$top/tests/fixtures/procsmem/groups-$v
	for by in program user cgroup unit container; do
		for fmt in text tsv json prom; do
			"$top/bin/procsmem" --procfs "$fx/proc" --sysfs "$fx/sys" \
			    --by "$by" -o $fmt >"$gold/groups-$v-$by.$fmt"
		done
	done
	"$top/bin/procsmem" --procfs "$fx/proc" --sysfs "$fx/sys" \
	    -o prom >"$gold/groups-$v-default.prom"
done
sed -i 's/^\(pskit_procsmem_last_success_timestamp_seconds\) .*/\1 TIMESTAMP/' \
    "$gold"/groups-*.prom
echo "regenerated groups-v2, groups-v1 and their goldens"
