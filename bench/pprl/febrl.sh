#!/usr/bin/env bash
# Quality of `lantern pprl encode|match` on the FEBRL synthetic person data (tests/data/febrl): pairwise precision,
# recall and F1 of the one-to-one pairs at several Dice thresholds, with blocking (default) and exhaustive.
# Figures: docs/benchmarks.md, "Privacy-preserving linkage".
#
#   bench/pprl/febrl.sh [THRESHOLDS="0.7 0.75 0.8 0.85"]
#
# Each dataset is split by its ids into two parties: the originals (rec-N-org) and, per person, the first duplicate
# (rec-N-dup-0), so the truth is one-to-one (same N = same person); the commands never see it. Both parties encode
# with one secret. Needs python3 (standard library) for the scoring.
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
data="$repo/tests/data/febrl"
thresholds="${1:-0.7 0.75 0.8 0.85}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
map=(--map surname=family_name --map address_1=address --map suburb=locality --map state=region
     --map date_of_birth=birth_date --map soc_sec_id=national_id)

"$repo/lantern" --help >/dev/null   # build first, so the timings are the command's own
head -c 32 /dev/urandom | base64 >"$work/key"
for d in dataset1 dataset2; do
    head -1 "$data/$d.csv" >"$work/$d-org.csv"; grep -- '-org,' "$data/$d.csv" >>"$work/$d-org.csv"
    head -1 "$data/$d.csv" >"$work/$d-dup.csv"; grep -- '-dup-0,' "$data/$d.csv" >>"$work/$d-dup.csv"
    python3 - "$work/$d-dup.csv" "$work/$d-org.csv" >"$work/$d-truth.csv" <<'PY'
import sys
orgs = {l.split(",")[0].split("-")[1]: l.split(",")[0] for l in open(sys.argv[2]).read().splitlines()[1:]}
print("left_id,right_id")
for l in open(sys.argv[1]).read().splitlines()[1:]:
    dup = l.split(",")[0]
    if dup.split("-")[1] in orgs:
        print(f"{dup},{orgs[dup.split('-')[1]]}")
PY
    for side in org dup; do
        "$repo/lantern" pprl encode --input "$work/$d-$side.csv" --id-column rec_id "${map[@]}" --secret-file "$work/key" \
            --out "$work/$d-$side.clk" 2>"$work/encode.log"
    done
    for t in $thresholds; do
        for mode in blocking exhaustive; do
            extra=()
            [ "$mode" = exhaustive ] && extra=(--exhaustive)
            "$repo/lantern" pprl match --left "$work/$d-dup.clk" --right "$work/$d-org.clk" --threshold "$t" "${extra[@]}" \
                --out "$work/pairs.csv" 2>"$work/match.log"
            printf '%-9s %-5s %-10s %s\n' "$d" "$t" "$mode" "$(python3 "$repo/bench/pprl/quality.py" "$work/pairs.csv" "$work/$d-truth.csv")"
        done
    done
done
