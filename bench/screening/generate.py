#!/usr/bin/env python3
"""Synthetic watchlist and names to screen for bench/screening/speed.sh and rescreen.sh (seed 7; data from the
repository, CC0).

    python3 bench/screening/generate.py LIST_SIZE NAMES OUT_DIR

list.csv: id,name,aliases,birth_date,nationality,national_id,passport; every entry has 1-3 aliases (transliteration
variants, reordered names, Arabic-script forms); at least a quarter of all names and aliases are in Arabic script.
An Arabic-script form takes each token's known Arabic spelling (name-variants.tsv) and, for a token without one, a
simple letter-by-letter transliteration (to_arabic below: digraphs kh sh gh ch th dh ph zh, long vowels aa ee oo,
a short medial 'a' left unwritten as Urdu does, other vowels as alif / ye / wao); it reads like an Urdu clerk's
spelling of a foreign name, not like a scholar's.
names.csv: id,name,birth_date; about 1% are variants of list entries, the rest drawn from the same name pools; a
tenth are written in Arabic script; joined names are respelt (Abdul Rehman / Abdurrehman / Abd al-Rehman /
Abdul-Rehman), as manifests write them.
"""
import collections, os, random, re, sys

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

DIGRAPHS = {"kh": "خ", "sh": "ش", "gh": "غ", "ch": "چ", "th": "ث", "dh": "ذ", "ph": "ف", "zh": "ژ",
            "aa": "ا", "ee": "ی", "ii": "ی", "oo": "و", "ou": "و", "au": "و", "ai": "ی"}
LETTERS = {"b": "ب", "p": "پ", "t": "ت", "j": "ج", "h": "ہ", "d": "د", "r": "ر", "z": "ز", "s": "س", "f": "ف",
           "q": "ق", "k": "ک", "c": "ک", "g": "گ", "l": "ل", "m": "م", "n": "ن", "w": "و", "v": "و", "y": "ی",
           "x": "کس", "a": "ا", "e": "ی", "i": "ی", "o": "و", "u": "و"}

def to_arabic(token):
    """Letter-by-letter Arabic-script spelling of a Latin token no name list knows (see the module's docstring)."""
    t = re.sub(r"[^a-z]", "", token.lower())
    if t.startswith("al") and len(t) > 4 and token[2:3] in "-'":
        return "ال" + to_arabic(t[2:])
    out, i = [], 0
    while i < len(t):
        two = t[i:i + 2]
        if two in DIGRAPHS and not (i == 0 and two[0] in "aeiou"):
            out.append(DIGRAPHS[two])
            i += 2
            continue
        c = t[i]
        if c in "aeiou":
            if i == 0:
                out.append("ا")          # a word-initial vowel is carried by alif
            elif c == "a" and i < len(t) - 1:
                pass                     # a short medial 'a' is not written
            else:
                out.append(LETTERS[c])
        elif c == t[i - 1:i]:
            pass                         # doubled consonants are written once
        else:
            out.append(LETTERS[c])
        i += 1
    return "".join(out)

def pick(pool):
    return rng.choice(pool) if rng.random() < 0.7 else rng.choice(wide)
def person():
    p = pick(given).split(" ") + ([pick(given)] if rng.random() < 0.3 else []) + [pick(family)]
    if rng.random() < 0.3:
        p = ["Muhammad"] + p
    return p
def arabic(p):
    return " ".join(arabic_of.get(t.lower()) or to_arabic(t) for t in p)
def variant(p):
    return [(rng.choice(by_arabic[arabic_of[t.lower()]]).capitalize() if t.lower() in arabic_of and by_arabic.get(arabic_of[t.lower()]) else t) for t in p]
SUN = ("th", "sh", "dh", "t", "d", "r", "z", "s", "n")
def respell_joined(p):
    """Abdul Rehman as manifests write it: Abdul Rehman, Abdulrehman, Abdurrehman, Abd al-Rehman, Abdul-Rehman."""
    out, i = [], 0
    while i < len(p):
        if p[i].lower() in ("abdul", "abdur", "abdus", "abd") and i + 1 < len(p) and rng.random() < 0.6:
            y = p[i + 1]
            low = y.lower()
            sun = next((s for s in SUN if low.startswith(s)), None)
            forms = [f"Abdul{low}", f"Abd al-{y}", f"Abdul-{y}", f"Abd ul {y}"]
            if sun:
                forms.append(f"Abdu{sun[0]}{low}")
            out.extend(rng.choice(forms).split(" "))
            i += 2
            continue
        out.append(p[i])
        i += 1
    return out

os.makedirs(out, exist_ok=True)
people = []
with open(os.path.join(out, "list.csv"), "w", encoding="utf-8") as f:
    f.write("id,name,aliases,birth_date,nationality,national_id,passport\n")
    for i in range(size):
        p = person()
        people.append(p)
        aliases = []
        if rng.random() < 0.85:
            aliases.append(arabic(p))
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
        p = respell_joined(p)
        name = arabic(p) if rng.random() < 0.1 else " ".join(p)
        f.write(f"N{i},{name},\n")
