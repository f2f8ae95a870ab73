#!/usr/bin/env python3
"""Rebuilds name-variants.tsv from the Wikidata Arabic transliteration tokens (CC0).

Usage: build-name-variants.py SOURCE.tsv > name-variants.tsv
SOURCE: steveash/NETransliteration-COLING2018 data/wd_arabic.normalized.aligned.tokens
(latin_token, arabic letters separated by spaces, count).

Transformation: the Arabic letters are joined and normalised as Lantern normalises Arabic-script
names (NameKnowledge.NormaliseArabic: diacritics and tatweel removed, alef/yeh/kaf/heh/teh-marbuta
forms folded); rows of the same Latin token and normalised Arabic form are summed; a row is kept
when its count is at least 2 and at least 2% of the most frequent Latin spelling of that Arabic form,
or at least 5 (this drops word-alignment noise such as "morocco" for Muhammad); Latin tokens of one
letter or with characters other than a-z are dropped. Output: latin<TAB>arabic<TAB>count, sorted.
"""
import sys, collections, unicodedata

FOLD = {'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ۍ': 'ي', 'ے': 'ي', 'ئ': 'ي',
        'ک': 'ك', 'ګ': 'ك', 'ہ': 'ه', 'ھ': 'ه', 'ۀ': 'ه', 'ۃ': 'ه', 'ة': 'ه', 'ؤ': 'و'}

def normalise_arabic(s):
    out = []
    for c in s:
        o = ord(c)
        if 0x064B <= o <= 0x065F or o == 0x0670 or o == 0x0640:
            continue
        out.append(FOLD.get(c, c))
    return ''.join(out)

counts = collections.Counter()
with open(sys.argv[1], encoding='utf-8') as f:
    for line in f:
        parts = line.rstrip('\n').split('\t')
        if len(parts) != 3:
            continue
        latin, arabic, n = parts[0].strip().lower(), normalise_arabic(parts[1].replace(' ', '')), int(parts[2])
        if len(latin) < 2 or not latin.isascii() or not latin.isalpha() or not arabic:
            continue
        counts[(latin, arabic)] += n

best = collections.Counter()
for (latin, arabic), n in counts.items():
    best[arabic] = max(best[arabic], n)

rows = sorted((latin, arabic, n) for (latin, arabic), n in counts.items()
              if n >= 5 or (n >= 2 and n >= 0.02 * best[arabic]))
for latin, arabic, n in rows:
    print(f"{latin}\t{arabic}\t{n}")
