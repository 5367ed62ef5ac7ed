#!/usr/bin/env python3
"""bigproc.py ROOT N: a fake /proc with PIDs 1..N for the hostile suites.

Every PID holds stat (ppid 1, so PID 1 has N-1 children), cmdline and
smaps_rollup, hard-linked to one shared set per 60,000 PIDs (ext4 allows
65,000 links to an inode): about 4 system calls per PID, a few seconds for
100,000.  PID 1 also gets a status file; ROOT gets meminfo and stat.
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
    os.makedirs(root)
    for name, text in ROOTFILES.items():
        write(os.path.join(root, name), text)
    shared = []
    for pid in range(1, n + 1):
        if pid % 60000 == 1:
            src = os.path.join(root, ".shared%d" % pid)
            os.mkdir(src)
            shared = []
            for name, text in FILES.items():
                shared.append((os.path.join(src, name), name))
                write(shared[-1][0], text)
        d = os.path.join(root, str(pid))
        os.mkdir(d)
        for src, name in shared:
            try:
                os.link(src, os.path.join(d, name))
            except OSError:
                shutil.copyfile(src, os.path.join(d, name))
    write(os.path.join(root, "1", "status"),
          "Name:\ttiny\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nThreads:\t1\n")


if __name__ == "__main__":
    main()
