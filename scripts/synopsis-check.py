#!/usr/bin/env python3
"""synopsis-check.py: every command's man SYNOPSIS and its --help name
the same set of options (issue 15, "Done when").

Usage: scripts/synopsis-check.py [BINDIR [MANDIR]]  (defaults bin, man)
Prints one line per difference and exits 1 if there is any.  Needs
mandoc(1); exits 77 (skip) without it.
"""
import os
import re
import shutil
import subprocess
import sys

COMMANDS = ["free", "ifconfig", "iostat", "procinfo", "procsmem",
            "winservices"]
# an option word: -x, -xyz (a cluster in a SYNOPSIS), --long-name
OPT = re.compile(r"(?<![\w/=-])(--?[A-Za-z][A-Za-z0-9-]*)")


def options(text):
    """The option names in text; a SYNOPSIS cluster -av counts as -a -v."""
    found = set()
    for word in OPT.findall(text):
        if word.startswith("--"):
            found.add(word.rstrip("-"))
        else:
            found.update("-" + c for c in word[1:])
    return found


def alias_groups(helptext):
    """--help's option lines: the names before the description are one
    option ("-b, --bytes"); a SYNOPSIS names it by any of them."""
    groups = []
    for line in helptext.splitlines():
        m = re.match(r"\s*(-\S.*?)(?:\s{2,}|$)", line)
        if m:
            names = options(m.group(1))
            if names:
                groups.append(names)
    return groups


def synopsis(page):
    out = subprocess.run(["mandoc", "-Tascii", page], check=True,
                         capture_output=True, text=True).stdout
    out = re.sub(r".\x08", "", out)
    m = re.search(r"^SYNOPSIS\n(.*?)^\S", out, re.S | re.M)
    return m.group(1) if m else ""


def main():
    bindir = sys.argv[1] if len(sys.argv) > 1 else "bin"
    mandir = sys.argv[2] if len(sys.argv) > 2 else "man"
    if shutil.which("mandoc") is None:
        print("synopsis-check: mandoc not installed", file=sys.stderr)
        return 77
    bad = 0
    for cmd in COMMANDS:
        helptext = subprocess.run([os.path.join(bindir, cmd), "--help"],
                                  capture_output=True, text=True).stdout
        syn = options(synopsis(os.path.join(mandir, cmd + ".1")))
        hlp = options(helptext)
        for g in alias_groups(helptext):
            if not g & syn:
                print("%s: %s is in --help, not in the SYNOPSIS" %
                      (cmd, " ".join(sorted(g))))
                bad = 1
        for o in sorted(syn - hlp):
            print("%s: %s is in the SYNOPSIS, not in --help" % (cmd, o))
            bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
