#!/usr/bin/env python3
"""Pairwise precision, recall and F1 of a `lantern link` pairs.csv (deduplication) against a truth file id,person_id
as written by `lantern generate people --truth`. Usage: truth-quality.py PAIRS.csv TRUTH.csv. Streams both files and
keeps only the persons with more than one record, so a million-record truth fits in little memory."""
import csv, sys, collections

persons = collections.defaultdict(list)
with open(sys.argv[2], newline='') as f:
    rows = csv.reader(f)
    assert next(rows) == ['id', 'person_id']
    for rec, person in rows:
        persons[person].append(rec)
person_of = {}
true_pairs = 0
for person, recs in persons.items():
    if len(recs) > 1:
        true_pairs += len(recs) * (len(recs) - 1) // 2
        for r in recs:
            person_of[r] = person
del persons

reported = correct = 0
with open(sys.argv[1], newline='') as f:
    rows = csv.reader(f)
    assert next(rows) == ['left_id', 'right_id', 'probability']
    for a, b, p in rows:
        reported += 1
        pa = person_of.get(a)
        if pa is not None and pa == person_of.get(b):
            correct += 1

precision = correct / reported if reported else 0.0
recall = correct / true_pairs if true_pairs else 0.0
f1 = 2 * precision * recall / (precision + recall) if correct else 0.0
print(f"true pairs {true_pairs}, reported {reported}, correct {correct}, precision {precision:.4f}, recall {recall:.4f}, F1 {f1:.4f}")
