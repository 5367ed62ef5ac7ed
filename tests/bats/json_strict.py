#!/usr/bin/env python3
"""json_strict.py [--lines]: exit 0 when stdin is one RFC 8259 JSON document
(or, with --lines, one document per non-empty line: JSON Lines).

Stricter than jq, which accepts nan, NaN and inf: a division by zero that
prints "nan" into a report must fail the hostile-input suites.
"""
import json
import sys


def reject(const):
    raise ValueError("not RFC 8259: " + const)


def main():
    try:
        text = sys.stdin.buffer.read().decode("utf-8")
        if "--lines" in sys.argv[1:]:
            docs = [line for line in text.split("\n") if line.strip()]
        else:
            docs = [text]
        if not docs or not docs[0].strip():
            raise ValueError("no JSON at all")
        for doc in docs:
            json.loads(doc, parse_constant=reject)
    except ValueError as e:  # JSONDecodeError and UnicodeDecodeError too
        print("json_strict: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
