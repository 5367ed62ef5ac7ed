#!/usr/bin/env python3
"""bigproc.py ROOT N [FILE...]: a fake /proc with PIDs 1..N for the hostile
suites.

Every PID holds stat (ppid 1, so PID 1 has N-1 children), cmdline and
smaps_rollup (or only the FILEs named).  PIDs 1-1000 are directories of
hard links to one shared set of files; the others are symbolic links to
a shared directory, as /proc/self is (neither command looks at d_type),
because creating and above all removing 100,000 directories with 300,000
links costs ten seconds and more on a disk file system.  ROOT also gets
meminfo and stat, PID 1 a status file.
"""
import os
import shutil
import sys

FILES = {
    "stat": "1 (tiny) S 1 1 1 0 -1 4194304 0 0 0 0 3 4 0 0 20 0 1 0 100 "
            "4096 1 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 "
            "0 0 0\n",
    "cmdline": "tiny\0-x\0",
    "smaps_rollup": "00400000-7ffc82463000 ---p 00000000 00:00 0  [rollup]\n"
                    "Rss: 8 kB\nPss: 4 kB\nShared_Clean: 4 kB\n"
                    "Shared_Dirty: 0 kB\nPrivate_Clean: 0 kB\n"
                    "Private_Dirty: 4 kB\nSwap: 0 kB\nSwapPss: 0 kB\n",
}
ROOTFILES = {
    "meminfo": "MemTotal: 8000000 kB\nMemFree: 4000000 kB\n"
               "MemAvailable: 6000000 kB\nBuffers: 1000 kB\n"
               "Cached: 100000 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n",
    "stat": "cpu 1 2 3 4 5 6 7 0 0 0\nbtime 1700000000\n",
}


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def main():
    root, n = sys.argv[1], int(sys.argv[2])
    files = {k: FILES[k] for k in (sys.argv[3:] or FILES)}
    os.makedirs(root)
    for name, text in ROOTFILES.items():
        write(os.path.join(root, name), text)
    src = os.path.join(root, ".shared")
    os.mkdir(src)
    shared = []
    for name, text in files.items():
        shared.append((os.path.join(src, name), name))
        write(shared[-1][0], text)
    for pid in range(1, n + 1):
        d = os.path.join(root, str(pid))
        if pid > 1000:
            os.symlink(".shared", d)
            continue
        os.mkdir(d)
        for path, name in shared:
            try:
                os.link(path, os.path.join(d, name))
            except OSError:
                shutil.copyfile(path, os.path.join(d, name))
    write(os.path.join(root, "1", "status"),
          "Name:\ttiny\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nThreads:\t1\n")


if __name__ == "__main__":
    main()
