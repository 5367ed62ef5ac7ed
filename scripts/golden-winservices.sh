#!/bin/sh
# golden-winservices.sh: regenerate the expected repr() lines that
# tests/unit/test_svc.c compares pk_svc_pyrepr() with.  The reference is
# CPython's repr(), which psutil's scripts/winservices.py uses for names.
#   tests/fixtures/winservices/repr.in   the strings, UTF-8, NUL-terminated
#   tests/golden/winservices/repr.out    repr() of each, one per line
set -eu
cd "$(dirname "$0")/.."
mkdir -p tests/fixtures/winservices tests/golden/winservices
python3 - <<'PY'
cases = [
    "", "EventLog", "pkA", "it's", 'say "hi"', "both ' and \"", "back\\slash",
    "C:\\Program Files\\x", "tab\there", "nl\nhere", "cr\rhere", "\x01\x1f\x7f",
    "\x80\x9f\xa0\xad", "Čtest", "Ďisplay ✓ 名前", "Déscription ünicode 😀",
    "\u2028\u2029\u200b\u200e\u202e\u2060\ufeff", "\u3000\u1680\u2000\u205f",
    "\ue000\uf8ff\ufffe\uffff\ufdd0", "\U0001f600\U000e0001\U000f0000",
    "\u0600\u061c\u06dd\u070f\u180e", "\u00e9\u0301 combining", "ÿĀ",
]
with open("tests/fixtures/winservices/repr.in", "wb") as f:
    for c in cases:
        f.write(c.encode("utf-8") + b"\0")
with open("tests/golden/winservices/repr.out", "w", encoding="utf-8", newline="\n") as f:
    for c in cases:
        f.write(repr(c) + "\n")
PY
