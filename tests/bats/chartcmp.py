#!/usr/bin/env python3
"""Read a procsmem --pie/--bar SVG back and compare it.

  chartcmp.py smem SVG SMEM.json
      with what smem drew for the same options (tests/bats/pylab_stub
      records matplotlib's calls): pie slices (labels, values, explode)
      and title; bar series (legend keys, heights) and tick labels.
  chartcmp.py tsv SVG TSV LABELKEY SORTKEY TOTAL_KB
      with procsmem -o tsv of the same run: every slice or bar is a TSV
      row's value (bytes / 1024), "other" the sum of the rows not shown,
      "unused" TOTAL_KB minus the sum of all rows.

Exit 0 when equal, 1 with the differences on stdout.
"""
import csv
import json
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"


def read_svg(path):
    root = ET.parse(path).getroot()
    out = {"wedges": [], "bars": [], "title": None}
    for g in root.iter(NS + "g"):
        if g.get("class") == "wedge":
            out["wedges"].append((g.get("data-label"),
                                  float(g.get("data-value"))))
    for r in root.iter(NS + "rect"):
        if r.get("class") == "bar":
            out["bars"].append((r.get("data-label"), r.get("data-key"),
                                float(r.get("data-value"))))
    for t in root.iter(NS + "text"):
        if t.get("class") == "title":
            out["title"] = t.text
    return out


def cmp_smem(svg, js):
    errs = []
    if "pie" in js:
        want = list(zip(js["pie"]["labels"], js["pie"]["values"]))
        if svg["wedges"] != want:
            errs.append("slices %r, smem %r" % (svg["wedges"], want))
        if svg["title"] != js.get("title"):
            errs.append("title %r, smem %r" % (svg["title"], js.get("title")))
        return errs
    keys = js.get("legend", [])
    labels = js.get("xticklabels", [])
    got = {}
    for label, key, v in svg["bars"]:
        got.setdefault(key, []).append((label, v))
    if list(got) != keys and not (not got and not keys):
        errs.append("series %r, smem %r" % (list(got), keys))
    for key, b in zip(keys, js["bars"]):
        want = list(zip(labels, b["heights"]))
        if got.get(key) != want:
            errs.append("%s: %r, smem %r" % (key, got.get(key), want))
    return errs


def cmp_tsv(svg, tsv, label, sort, total):
    with open(tsv, newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    kb = {}
    for r in rows:
        kb.setdefault(r[label], []).append(r)
    errs = []
    if svg["wedges"]:
        shown = 0.0
        for name, v in svg["wedges"]:
            if name in ("unused", "other"):
                continue
            vals = [int(r[sort]) / 1024 for r in kb.get(name, [])]
            if v not in vals:
                errs.append("slice %s %s not in tsv %r" % (name, v, vals))
            shown += v
        s = sum(int(r[sort]) / 1024 for r in rows)
        d = dict(svg["wedges"])
        if s - shown != d.get("other", 0):
            errs.append("other %s, tsv rest %s" % (d.get("other"), s - shown))
        if total - s > 0 and d.get("unused") != total - s:
            errs.append("unused %s, tsv %s" % (d.get("unused"), total - s))
        return errs
    for name, key, v in svg["bars"]:
        vals = [int(r[key]) / 1024 for r in kb.get(name, [])]
        if v not in vals:
            errs.append("bar %s %s %s not in tsv %r" % (name, key, v, vals))
    if len(svg["bars"]) % max(len(rows), 1):
        errs.append("%d bars for %d rows" % (len(svg["bars"]), len(rows)))
    return errs


def main():
    svg = read_svg(sys.argv[2])
    if sys.argv[1] == "smem":
        with open(sys.argv[3]) as f:
            errs = cmp_smem(svg, json.load(f))
    else:
        errs = cmp_tsv(svg, sys.argv[3], sys.argv[4], sys.argv[5],
                       float(sys.argv[6]))
    for e in errs:
        print(e)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
