#!/usr/bin/env python3
"""Synthetic watchlist and names to screen for bench/screening/speed.sh (seed 7; data from the repository, CC0).

    python3 bench/screening/generate.py LIST_SIZE NAMES OUT_DIR

list.csv: id,name,aliases,birth_date,nationality,national_id,passport; every entry has 1-3 aliases (transliteration
variants, reordered names, Arabic-script forms); at least a quarter of all names and aliases are in Arabic script.
names.csv: id,name,birth_date; about 1% are variants of list entries, the rest drawn from the same name pools.
"""
import collections, os, random, sys

repo = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
ref = os.path.join(repo, "src", "Lantern.Core", "Features", "Linkage", "Reference")
rng = random.Random(7)
size, count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
arabic_of, best, by_arabic = {}, {}, collections.defaultdict(list)
for line in open(os.path.join(ref, "name-variants.tsv"), encoding="utf-8"):
    latin, arabic, n = line.rstrip("\n").split("\t")
    n = int(n)
    if n >= 5:
        by_arabic[arabic].append(latin)
    if n > best.get(latin, 0):
        best[latin], arabic_of[latin] = n, arabic
given, family = [], []
for line in open(os.path.join(ref, "people-names.tsv"), encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    _, pool, names = line.rstrip("\n").split("\t")
    (family if pool == "family" else given).extend(n.replace("_", " ") for n in names.split(" "))
# widen the pools with Wikidata tokens that have an Arabic form, so the list is not a few hundred names repeated
wide = [t.capitalize() for t in arabic_of if len(t) >= 4 and t.isalpha()]
def pick(pool):
    return rng.choice(pool) if rng.random() < 0.7 else rng.choice(wide)
def person():
    p = pick(given).split(" ") + ([pick(given)] if rng.random() < 0.3 else []) + [pick(family)]
    if rng.random() < 0.3:
        p = ["Muhammad"] + p
    return p
def arabic(p):
    a = [arabic_of.get(t.lower()) for t in p]
    return " ".join(a) if all(a) else None
def variant(p):
    return [(rng.choice(by_arabic[arabic_of[t.lower()]]).capitalize() if t.lower() in arabic_of and by_arabic.get(arabic_of[t.lower()]) else t) for t in p]
os.makedirs(out, exist_ok=True)
people = []
with open(os.path.join(out, "list.csv"), "w", encoding="utf-8") as f:
    f.write("id,name,aliases,birth_date,nationality,national_id,passport\n")
    for i in range(size):
        p = person()
        people.append(p)
        aliases = []
        a = arabic(p)
        if a and rng.random() < 0.7:
            aliases.append(a)
        aliases.append(" ".join(variant(p)))
        if rng.random() < 0.3:
            aliases.append(" ".join(reversed(p)))
        dob = f"{rng.randint(1950, 2015)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.6 else ""
        cnic = f"{rng.randint(10000, 99999)}-{rng.randint(1000000, 9999999)}-{rng.randint(1, 9)}" if rng.random() < 0.3 else ""
        f.write(f"W{i},{' '.join(p)},{';'.join(aliases)},{dob},{rng.choice(['PK', 'AF', 'BD', 'IN', ''])},{cnic},\n")
with open(os.path.join(out, "names.csv"), "w", encoding="utf-8") as f:
    f.write("id,name,birth_date\n")
    for i in range(count):
        p = variant(rng.choice(people)) if rng.random() < 0.01 else person()
        f.write(f"N{i},{' '.join(p)},\n")
