"""Pairwise precision, recall and F1 of a `lantern pprl match` pairs file against true pairs.

    python3 quality.py pairs.csv truth.csv        (both: header left_id,right_id)

Prints "pairs N  true T  precision P  recall R  F1 F". Standard library only.
"""
import csv
import sys

found = {(r["left_id"], r["right_id"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
truth = {(r["left_id"], r["right_id"]) for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
tp = len(found & truth)
p = tp / len(found) if found else 0.0
r = tp / len(truth) if truth else 0.0
f1 = 2 * p * r / (p + r) if p + r else 0.0
print(f"pairs {len(found)}  true {len(truth)}  precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}")
