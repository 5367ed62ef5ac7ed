#!/usr/bin/env python3
"""manymaps.py DIR N [distinct]: map one file N times under a path of about
3,800 characters below DIR (nested directories: a name is at most 255
bytes), so /proc/PID/smaps grows to N times that path (issue 18 item 10).
With "distinct", each mapping goes through a hard link of its own, so the
N paths differ: what a per-path grouping must keep grows with N.
Prints its pid when the mappings are in place, then waits for stdin to
close."""
import ctypes
import mmap
import os
import sys

top, n = sys.argv[1], int(sys.argv[2])
path = top
while len(path) < 3600:
    path = os.path.join(path, "d" * 200)
os.makedirs(path, exist_ok=True)
name = os.path.join(path, "f" * (3800 - len(path) - 1))
with open(name, "wb") as f:
    f.write(b"\0" * mmap.PAGESIZE)
distinct = len(sys.argv) > 3 and sys.argv[3] == "distinct"
fd = os.open(name, os.O_RDONLY)
# libc's mmap: Python's mmap module dups the fd for every mapping
libc = ctypes.CDLL(None, use_errno=True)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int,
                      ctypes.c_int, ctypes.c_int, ctypes.c_long]
for i in range(n):
    if distinct:
        link = "%s%06d" % (name[:-6], i)
        if not os.path.exists(link):
            os.link(name, link)
        os.close(fd)
        fd = os.open(link, os.O_RDONLY)
    if libc.mmap(None, mmap.PAGESIZE, mmap.PROT_READ, mmap.MAP_SHARED, fd,
                 0) in (None, ctypes.c_void_p(-1).value):
        sys.exit("mmap: %s" % os.strerror(ctypes.get_errno()))
print(os.getpid(), flush=True)
sys.stdin.read()
