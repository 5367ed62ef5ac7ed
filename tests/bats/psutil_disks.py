#!/usr/bin/python3
"""psutil_disks.py PROCFS: psutil 5.9.4's disk_io_counters(perdisk=True)
with psutil.PROCFS_PATH = PROCFS, printed as `iostat --psutil` prints it
("name: sdiskio(...)" in dict order).  Exit 1 with the exception's name
when psutil raises.  Used by tests/bats/iostat_psutil.bats."""
import sys

import psutil

psutil.PROCFS_PATH = sys.argv[1]
try:
    disks = psutil.disk_io_counters(perdisk=True, nowrap=False)
except Exception as e:  # pylint: disable=broad-except
    print(type(e).__name__, file=sys.stderr)
    sys.exit(1)
for name, nt in disks.items():
    print("%s: %r" % (name, nt))
