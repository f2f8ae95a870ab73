#!/usr/bin/env python3
"""Builds token-frequencies.tsv (token<TAB>count) from data in this folder and in Features/Linkage/Reference.

count = Wikidata count of the Latin spelling (name-variants.tsv)
      + Zipf pseudo-count K/rank from the common-forename lists of countries whose names Lantern screens
        (common-forenames-by-country.csv, copied here)
      + Zipf pseudo-count K/rank from Lantern's name pools (people-names.tsv).
NameWeights sums the counts of one transliteration group, so Muhammad, Mohammed and Mohd share one frequency.

    python3 build-token-frequencies.py > token-frequencies.tsv
"""
import csv, collections, os, re, sys, unicodedata

here = os.path.dirname(os.path.abspath(__file__))
linkage = os.path.join(here, "..", "..", "Linkage", "Reference")
K = 400.0  # a first-ranked common name counts like a name seen 400 times in the Wikidata file
COUNTRIES = {"PK", "AF", "BD", "IN", "IR", "SA", "EG", "IQ", "JO", "SY", "AE", "KW", "QA", "BH", "OM", "YE", "LB", "MA", "DZ", "TN", "LY", "SD", "TR", "MY", "ID"}

def tokens(name):
    name = unicodedata.normalize("NFD", name.lower())
    name = "".join(c for c in name if not unicodedata.combining(c))
    return [t for t in re.split(r"[^a-z0-9']+", name.replace("'", "")) if t]

counts = collections.Counter()
with open(os.path.join(linkage, "name-variants.tsv"), encoding="utf-8") as f:
    for line in f:
        latin, _, n = line.rstrip("\n").split("\t")
        counts[latin] += int(n)
with open(os.path.join(here, "common-forenames-by-country.csv"), encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        if row["Country"] in COUNTRIES and row["Index"].isdigit():
            for t in tokens(row["Romanized Name"]):
                counts[t] += K / int(row["Index"])
with open(os.path.join(linkage, "people-names.tsv"), encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        _, _, names = line.rstrip("\n").split("\t")
        for rank, name in enumerate(names.split(" "), 1):
            for t in tokens(name.replace("_", " ")):
                counts[t] += K / rank
print("# token<TAB>count: how often a name token occurs (built by build-token-frequencies.py; see README.md). CC0 1.0.")
for token, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
    if n >= 2:
        print(f"{token}\t{int(round(n))}")
