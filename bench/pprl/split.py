"""Splits `lantern generate people` output into two parties' files for PPRL benchmarks.

    python3 split.py people.csv truth.csv A.csv B.csv pairs-truth.csv

A person with two or more records gives its first record to A and its second to B (a true pair; further records are
left out, so the truth is one-to-one); a person with one record goes to A or B alternately. Standard library only.
"""
import csv
import sys

people, truth, out_a, out_b, out_truth = sys.argv[1:6]
person_of = {row["id"]: row["person_id"] for row in csv.DictReader(open(truth, encoding="utf-8"))}
with open(people, encoding="utf-8", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = list(reader)
by_person = {}
for row in rows:
    by_person.setdefault(person_of[row[0]], []).append(row)
a_rows, b_rows, pairs = [], [], []
alternate = 0
for records in by_person.values():
    if len(records) >= 2:
        a_rows.append(records[0])
        b_rows.append(records[1])
        pairs.append((records[0][0], records[1][0]))
    else:
        (a_rows if alternate % 2 == 0 else b_rows).append(records[0])
        alternate += 1
for path, part in ((out_a, a_rows), (out_b, b_rows)):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(part)
with open(out_truth, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["left_id", "right_id"])
    w.writerows(pairs)
print(f"split: {len(a_rows):,} records in A, {len(b_rows):,} in B, {len(pairs):,} true pairs", file=sys.stderr)
