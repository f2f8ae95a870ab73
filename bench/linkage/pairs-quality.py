#!/usr/bin/env python3
"""Pairwise precision, recall and F1 of a `lantern link` pairs.csv against FEBRL ids (rec-N-org, rec-N-dup-K: same N,
same person). Usage: pairs-quality.py PAIRS.csv INPUT.csv [INPUT2.csv]. With two inputs only pairs across them count."""
import csv, sys, itertools, collections

def ids(path):
    with open(path, newline='') as f:
        rows = csv.reader(f, skipinitialspace=True)
        header = [h.strip() for h in next(rows)]
        i = header.index('rec_id')
        return [r[i].strip() for r in rows if r]

def person(rec_id):
    return rec_id.split('-')[1]

inputs = [ids(p) for p in sys.argv[2:]]
truth = set()
if len(inputs) == 1:
    groups = collections.defaultdict(list)
    for r in inputs[0]:
        groups[person(r)].append(r)
    for g in groups.values():
        for a, b in itertools.combinations(sorted(g), 2):
            truth.add((a, b))
else:
    right = collections.defaultdict(list)
    for r in inputs[1]:
        right[person(r)].append(r)
    for a in inputs[0]:
        for b in right.get(person(a), []):
            truth.add((a, b))

found = set()
with open(sys.argv[1], newline='') as f:
    rows = csv.reader(f)
    assert next(rows) == ['left_id', 'right_id', 'probability']
    for a, b, p in rows:
        found.add((a, b) if len(inputs) == 2 else tuple(sorted((a, b))))

tp = len(found & truth)
precision = tp / len(found) if found else 0.0
recall = tp / len(truth) if truth else 0.0
f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
print(f"true pairs {len(truth)}, reported {len(found)}, correct {tp}, precision {precision:.4f}, recall {recall:.4f}, F1 {f1:.4f}")
