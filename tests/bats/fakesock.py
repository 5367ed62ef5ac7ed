#!/usr/bin/env python3
"""fakesock.py: hold two UNIX sockets, the second bound to an abstract name
that forges a /proc/net/unix row claiming the first's inode for
/run/FAKE.sock (issue 18 item 5).  Prints its pid, then waits for stdin to
close."""
import os
import socket
import sys

real = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
real.bind(b"\0pkreal%d" % os.getpid())
ino = os.fstat(real.fileno()).st_ino
fake = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
fake.bind(b"\0x\n0000000000000000: 00000002 00000000 00010000 0001 01 %d "
          b"/run/FAKE.sock" % ino)
print(os.getpid(), flush=True)
sys.stdin.read()
