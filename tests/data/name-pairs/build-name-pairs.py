#!/usr/bin/env python3
"""Builds name-pairs.csv, the labelled name-pair set of Lantern's name screening (see README.md).

    python3 tests/data/name-pairs/build-name-pairs.py > tests/data/name-pairs/name-pairs.csv

Deterministic (seed 20261123). Inputs, all in the repository (CC0 1.0):
  src/Lantern.Core/Features/Linkage/Reference/name-variants.tsv        Wikidata Latin/Arabic name tokens
  src/Lantern.Core/Features/Linkage/Reference/name-variants-south-asia.tsv
  src/Lantern.Core/Features/Linkage/Reference/people-names.tsv         given and family name pools
  src/Lantern.Core/Features/Linkage/Reference/honorifics.txt
"""
import collections, csv, hashlib, os, random, sys

repo = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
ref = os.path.join(repo, "src", "Lantern.Core", "Features", "Linkage", "Reference")
rng = random.Random(20261123)
PER_CATEGORY = 320

# transliteration groups: Arabic form -> Latin spellings (count >= 5), and South Asia groups
by_arabic = collections.defaultdict(list)
arabic_of = {}
best = {}
for line in open(os.path.join(ref, "name-variants.tsv"), encoding="utf-8"):
    latin, arabic, n = line.rstrip("\n").split("\t")
    n = int(n)
    if n >= 5:
        by_arabic[arabic].append(latin)
    if n > best.get(latin, 0):
        best[latin] = n
        arabic_of[latin] = arabic
groups = {}
for arabic, spellings in by_arabic.items():
    for s in spellings:
        groups.setdefault(s, set()).update(spellings)
for line in open(os.path.join(ref, "name-variants-south-asia.tsv"), encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    spellings = line.split()
    for s in spellings:
        groups.setdefault(s, set()).update(spellings)
        for a in [x for x in spellings if x in arabic_of][:1]:
            arabic_of.setdefault(s, arabic_of[a])

pools = collections.defaultdict(list)
for line in open(os.path.join(ref, "people-names.tsv"), encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    origin, pool, names = line.rstrip("\n").split("\t")
    for n in names.split(" "):
        pools[pool].append(n.replace("_", " ").replace("Al-", "Al "))
honorifics = [h.strip() for h in open(os.path.join(ref, "honorifics.txt"), encoding="utf-8") if h.strip() and not h.startswith("#")]
GENERIC = ["Muhammad", "Ali", "Ahmed", "Khan", "Hussain", "Bibi", "Ghulam", "Abdul"]
PARTICLE_HEADS = ["Zia", "Inam", "Ehsan", "Zahoor", "Ikram", "Shams", "Fakhr", "Noor", "Siraj", "Najm", "Saif", "Moin", "Zain", "Imam", "Nasir", "Fazal", "Anwar", "Ihsan"]
PARTICLE_TAILS = [("ul", "Haq"), ("ud", "Din"), ("ul", "Islam"), ("ur", "Rehman"), ("ul", "Amin"), ("ul", "Hassan"), ("ul", "Allah"), ("us", "Salam")]

def cap(t):
    return " ".join(w[:1].upper() + w[1:] for w in t.split(" "))

def person(generic_first=None):
    male = rng.random() < 0.6
    given = rng.choice(pools["male"] if male else pools["female"])
    family = rng.choice(pools["family"])
    parts = given.split(" ")
    if male and (generic_first or (generic_first is None and rng.random() < 0.35)):
        parts = ["Muhammad"] + parts
    return parts + [family]

def variant(token):
    t = token.lower()
    options = sorted(groups.get(t, set()) - {t})
    return cap(rng.choice(options)) if options else None

def to_arabic(tokens):
    out = []
    for t in tokens:
        a = arabic_of.get(t.lower())
        if a is None:
            return None
        a = a.replace("ي", "ی" if rng.random() < 0.5 else "ي").replace("ك", "ک")
        out.append(a)
    return " ".join(out)

def slip(token):
    t = list(token.lower())
    i = rng.randrange(1, len(t) - 1)
    op = rng.choice(["ins", "del", "sub", "swap"])
    letters = "abcdefghiklmnorstuy"
    if op == "ins":
        t.insert(i, rng.choice(letters))
    elif op == "del":
        del t[i]
    elif op == "sub":
        t[i] = rng.choice([c for c in letters if c != t[i]])
    else:
        t[i], t[i + 1 if i + 1 < len(t) else i - 1] = t[i + 1 if i + 1 < len(t) else i - 1], t[i]
    return cap("".join(t))

rows = []
def add(category, a, b, match):
    a, b = " ".join(a) if isinstance(a, list) else a, " ".join(b) if isinstance(b, list) else b
    if a.lower() == b.lower() and category != "exact":
        return False
    rows.append((category, a, b, "true" if match else "false"))
    return True

def fill(category, make):
    n = 0
    tries = 0
    while n < PER_CATEGORY and tries < PER_CATEGORY * 200:
        tries += 1
        r = make()
        if r and add(category, *r):
            n += 1

def transliteration():
    p = person()
    q = [variant(t) or t for t in p]
    if rng.random() < 0.5:  # sometimes only one token differs
        i = rng.randrange(len(p))
        q = [t if j != i else (variant(t) or t) for j, t in enumerate(p)]
    return (p, q, True) if q != p else None

def cross_script():
    p = person()
    q = [variant(t) or t for t in p] if rng.random() < 0.5 else p
    a = to_arabic(p)
    return (q, a, True) if a else None

def word_order():
    p = person()
    q = p[:]
    while q == p:
        rng.shuffle(q)
    if rng.random() < 0.3:
        q = [variant(t) or t for t in q]
    return p, q, True

def initials():
    p = person()
    if len(p) < 2:
        return None
    q = p[:]
    k = rng.randrange(0, len(p) - 1)  # a given name, never the family name
    q[k] = q[k][0] + ("." if rng.random() < 0.6 else "")
    if rng.random() < 0.3 and len(p) >= 3:
        j = rng.choice([i for i in range(len(p) - 1) if i != k])
        q[j] = q[j][0] + "."
    return p, q, True

def honorific_particle():
    kind = rng.random()
    if kind < 0.55:
        head, (particle, tail) = rng.choice(PARTICLE_HEADS), rng.choice(PARTICLE_TAILS)
        forms = [f"{head} {particle} {tail}", f"{head}-{particle}-{tail}", f"{head}{particle}{tail.lower()}", f"{head} {particle}-{tail}", f"{head}{particle} {tail}"]
        family = [rng.choice(pools["family"])] if rng.random() < 0.5 else []
        a, b = rng.sample(forms, 2)
        return [a] + family, [b] + family, True
    p = person()
    if kind < 0.8:
        h = rng.choice(honorifics)
        return p, [cap(h) + ("." if rng.random() < 0.3 else "")] + p, True
    son_of = ["bin", "ibn", "bint"][rng.randrange(3)]
    father = rng.choice(pools["male"]).split(" ")
    return p[:-1] + [son_of] + father, p[:-1] + father, True

def typing_slip():
    p = person()
    candidates = [i for i, t in enumerate(p) if len(t) >= 5 and " " not in t]
    if not candidates:
        return None
    i = rng.choice(candidates)
    q = p[:]
    q[i] = slip(p[i])
    return p, q, True

def generic_hard_negative():
    kind = rng.random()
    if kind < 0.4:  # the same generic tokens, another distinctive given name
        family = rng.choice(pools["family"])
        g1, g2 = rng.sample(pools["male"], 2)
        if g1.lower() in groups.get(g2.lower(), set()):
            return None
        return ["Muhammad", g1, family], ["Muhammad", g2, family], False
    if kind < 0.7:  # generic-only name against it with a family name added
        base = rng.choice([["Muhammad", "Ali"], ["Muhammad", "Ahmed"], ["Ghulam", "Hussain"], ["Muhammad", "Hussain"], ["Ali", "Khan"], ["Muhammad", "Khan"], ["Ali", "Ahmed"], ["Abdul", "Ghafoor"]])
        return base, base + [rng.choice(pools["family"])], False
    g = rng.choice(pools["male"])  # same given name, another family name
    f1, f2 = rng.sample(pools["family"], 2)
    return ["Muhammad", g, f1], ["Muhammad", g, f2], False

def similar_negative():
    # different people whose names look alike: a distinctive token replaced by a similar-looking other name
    p = person(generic_first=False)
    pool = pools["family"] if rng.random() < 0.4 else pools["male"] + pools["female"]
    i = len(p) - 1 if pool is pools["family"] else 0
    t = p[i]
    def sim(a, b):
        a, b = a.lower(), b.lower()
        common = sum((collections.Counter(a) & collections.Counter(b)).values())
        return common / max(len(a), len(b)) + (0.2 if a[:2] == b[:2] else 0)
    others = [o for o in pool if o != t and o.lower() not in groups.get(t.lower(), set()) and " " not in o]
    others.sort(key=lambda o: -sim(t, o))
    q = p[:]
    q[i] = rng.choice(others[:4])
    return p, q, False

for category, make in [("transliteration", transliteration), ("cross-script", cross_script), ("word-order", word_order),
                       ("initials", initials), ("honorific-particle", honorific_particle), ("typing-slip", typing_slip),
                       ("hard-negative-common", generic_hard_negative), ("similar-negative", similar_negative)]:
    fill(category, make)

w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["pair_id", "category", "split", "name1", "name2", "label"])
for n, (category, a, b, label) in enumerate(rows, 1):
    # held-out split by a hash of the pair, about half
    split = "dev" if int(hashlib.sha256(f"{a}|{b}".encode()).hexdigest(), 16) % 2 == 0 else "test"
    w.writerow([n, category, split, a, b, label])
