#!/usr/bin/python3
# procinfo_diff.py PID OURS.json: compare every field procinfo's JSON and
# psutil 5.9.4's Process(PID).as_dict() both report.  Prints one line per
# difference; exit 1 when there is any.  Times and percentages are
# compared within the rounding procinfo applies (2 decimals).  The kernel's
# shared/private split moves on its own even for a stopped process (PSS
# as python maps the same libraries, USS as folios are counted shared or
# not), so PSS and USS get 10% and the maps' split is compared as a sum.
import json
import sys

import psutil

pid = int(sys.argv[1])
ours = json.load(open(sys.argv[2]))[0]
ref = psutil.Process(pid).as_dict(ad_value=None)
ref["memory_percent"] = psutil.Process(pid).memory_percent()
bad = []


def same(key, a, b, tol=0.0):
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None or abs(a - b) > tol + 1e-9:
            bad.append("%s: procinfo %r, psutil %r" % (key, a, b))
    elif a != b:
        bad.append("%s: procinfo %r, psutil %r" % (key, a, b))


def nt(x):
    return None if x is None else x._asdict()


for k in ("pid", "name", "ppid", "exe", "cwd", "cmdline", "cpu_affinity",
          "cpu_num", "username", "terminal", "status", "nice",
          "num_threads", "num_fds", "environ"):
    same(k, ours[k], ref[k])
same("create_time", ours["create_time"], ref["create_time"], 0.01)
for k in ("user", "system", "children_user", "children_system", "iowait"):
    same("cpu_times." + k, ours["cpu_times"][k],
         getattr(ref["cpu_times"], k), 0.01)
for k in ("memory_info", "uids", "gids", "io_counters", "num_ctx_switches"):
    same(k, ours[k], nt(ref[k]))
mf = ref["memory_full_info"]
same("memory_full_info.uss", float(ours["memory_full_info"]["uss"]),
     float(mf.uss), mf.uss * 0.1 + 16384)
same("memory_full_info.swap", ours["memory_full_info"]["swap"], mf.swap)
same("memory_full_info.pss", float(ours["memory_full_info"]["pss"]),
     float(mf.pss), mf.pss * 0.1)
same("memory_percent", ours["memory_percent"], ref["memory_percent"], 0.01)
same("ionice", ours["ionice"],
     {"ioclass": int(ref["ionice"].ioclass), "value": ref["ionice"].value})
same("open_files", ours["open_files"], [nt(f) for f in ref["open_files"]])
conns = [{"fd": c.fd, "family": int(c.family), "type": int(c.type),
          "laddr": list(c.laddr), "raddr": list(c.raddr),
          "status": c.status} for c in ref["connections"]]
key = lambda c: json.dumps(c, sort_keys=True)
same("connections", sorted(ours["connections"], key=key),
     sorted(conns, key=key))
same("threads", [t["id"] for t in ours["threads"]],
     [t.id for t in ref["threads"]])
for a, b in zip(ours["threads"], ref["threads"]):
    same("threads.user_time", a["user_time"], b.user_time, 0.01)
    same("threads.system_time", a["system_time"], b.system_time, 0.01)
same("memory_maps.path", [m["path"] for m in ours["memory_maps"]],
     [m.path for m in ref["memory_maps"]])
for a, b in zip(ours["memory_maps"], ref["memory_maps"]):
    for k in ("rss", "size", "anonymous", "swap"):
        same("memory_maps[%s].%s" % (b.path, k), a[k], getattr(b, k))
    same("memory_maps[%s].split" % b.path,
         a["shared_clean"] + a["shared_dirty"] + a["private_clean"] +
         a["private_dirty"], b.shared_clean + b.shared_dirty +
         b.private_clean + b.private_dirty)
children = [{"pid": c.pid, "name": c.name()}
            for c in psutil.Process(pid).children()]
same("children", ours["children"], children)
for line in bad:
    print(line)
sys.exit(1 if bad else 0)
