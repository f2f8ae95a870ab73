#!/usr/bin/env python3
"""Makes a harsher copy of a FEBRL file: every duplicate (rec-N-dup-K) gets up to EXTRA more corruptions, each a typing
slip (a wrong, missing, extra or swapped character), a blanked field, or the given name and surname swapped.
Originals are left alone. Usage: harsher.py INPUT.csv SEED EXTRA > OUTPUT.csv (a seeded, repeatable run)."""
import csv, random, sys

random.seed(int(sys.argv[2]))
extra = int(sys.argv[3])
rows = list(csv.reader(open(sys.argv[1], newline=''), skipinitialspace=True))
header, rows = rows[0], rows[1:]
letters = 'abcdefghijklmnopqrstuvwxyz'

def slip(v):
    if not v:
        return v
    i = random.randrange(len(v))
    pool = letters if v[i].isalpha() else '0123456789'
    op = random.choice('sidt')
    if op == 's':
        return v[:i] + random.choice(pool) + v[i + 1:]
    if op == 'i':
        return v[:i] + random.choice(pool) + v[i:]
    if op == 'd':
        return v[:i] + v[i + 1:]
    return v[:i] + v[i + 1] + v[i] + v[i + 2:] if i + 1 < len(v) else v

out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow([h.strip() for h in header])
for r in rows:
    r = [x.strip() for x in r]
    if '-dup-' in r[0]:
        for _ in range(random.randint(0, extra)):
            kind = random.choice(['slip', 'slip', 'slip', 'blank', 'swap'])
            f = random.randrange(1, len(r))
            if kind == 'slip':
                r[f] = slip(r[f])
            elif kind == 'blank':
                r[f] = ''
            else:
                r[1], r[2] = r[2], r[1]
    out.writerow(r)
