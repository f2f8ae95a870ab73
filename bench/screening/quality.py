#!/usr/bin/env python3
"""Precision, recall and F1 of scored name pairs (the output of `lantern names score` on tests/data/name-pairs).

    python3 bench/screening/quality.py SCORED.csv [THRESHOLD]

Without THRESHOLD the command's own `match` column is used. Figures per split (dev: used to choose the default
threshold; test: held out) and per category; precision is not defined on a category holding only matches or only
non-matches, so those rows show the share labelled correctly instead.
"""
import collections, csv, sys

rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
threshold = float(sys.argv[2]) if len(sys.argv) > 2 else None
def predicted(r):
    return float(r["score"]) >= threshold if threshold is not None else r["match"] == "true"

def prf(rs):
    tp = sum(1 for r in rs if predicted(r) and r["label"] == "true")
    fp = sum(1 for r in rs if predicted(r) and r["label"] != "true")
    fn = sum(1 for r in rs if not predicted(r) and r["label"] == "true")
    p = tp / (tp + fp) if tp + fp else float("nan")
    rc = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * p * rc / (p + rc) if tp else 0.0
    return p, rc, f, sum(1 for r in rs if predicted(r) == (r["label"] == "true")) / len(rs)

print(f"{'split':6} {'category':22} {'pairs':>5} {'precision':>9} {'recall':>7} {'F1':>6} {'correct':>7}")
for split in ["dev", "test", "all"]:
    rs = [r for r in rows if split == "all" or r["split"] == split]
    p, rc, f, acc = prf(rs)
    print(f"{split:6} {'(all)':22} {len(rs):5} {p:9.3f} {rc:7.3f} {f:6.3f} {acc:7.3f}")
    if split == "test" or split == "all":
        cats = collections.OrderedDict()
        for r in rs:
            cats.setdefault(r["category"], []).append(r)
        for c, crs in cats.items():
            p, rc, f, acc = prf(crs)
            print(f"{split:6} {c:22} {len(crs):5} {'':9} {'':7} {'':6} {acc:7.3f}")
