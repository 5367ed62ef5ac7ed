# pylab stand-in for the procsmem chart tests: smem's showpie()/showbar()
# call it; it records what smem would have drawn as JSON in $PYLAB_OUT
# (no matplotlib needed, nothing drawn).
import json
import os

_rec = {"bars": []}


def figure(*a, **k):
    pass


def axes(*a, **k):
    pass


def pie(values, explode=None, labels=None, **k):
    _rec["pie"] = {"values": [float(v) for v in values],
                   "labels": [str(x) for x in labels],
                   "explode": [float(e) for e in explode]}


def title(s):
    _rec["title"] = s


def bar(x, heights, width, color=None):
    _rec["bars"].append({"heights": [float(h) for h in heights],
                         "color": color})
    return [len(_rec["bars"]) - 1]


class _Axes:
    def set_xticks(self, t):
        pass

    def set_xticklabels(self, labels, rotation=None):
        _rec["xticklabels"] = [str(x) for x in labels]


def gca():
    return _Axes()


def legend(handles, keys):
    _rec["legend"] = list(keys)


def show():
    with open(os.environ["PYLAB_OUT"], "w") as f:
        json.dump(_rec, f)
