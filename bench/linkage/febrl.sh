#!/usr/bin/env bash
# Quality of `lantern link` on the FEBRL synthetic person data (tests/data/febrl): pairwise precision, recall and F1
# at the default threshold, unsupervised, with the same command for every dataset. Figures: docs/benchmarks.md.
#
#   bench/linkage/febrl.sh
#
# Deduplication: dataset1 (1,000 records) and dataset2 (5,000). Linkage: each dataset split into its originals
# (rec-N-org) as the first input and its duplicates (rec-N-dup-K) as the second. Truth comes from the ids only
# (same N = same person); the command never sees it. Needs python3 (standard library) for the scoring.
# Then the same on a harsher copy of dataset2 (harsher.py, seed 1: up to 4 more slips, blanks or name swaps per
# duplicate, on top of FEBRL's own 2), to show the settings are not fitted to the published files.
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
data="$repo/tests/data/febrl"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
map=(--map surname=family_name --map address_1=address --map suburb=locality --map state=region
     --map date_of_birth=birth_date --map soc_sec_id=national_id)

run() {  # name, inputs...
    local name="$1"; shift
    local file
    file="$(echo "$name" | tr ' /' '__')"
    local args=() f
    for f in "$@"; do args+=(--input "$f"); done
    local start end
    start=$(date +%s.%N)
    "$repo/lantern" link "${args[@]}" --id-column rec_id "${map[@]}" --out "$work/$file.pairs.csv" 2>"$work/$file.log"
    end=$(date +%s.%N)
    printf '%-24s %s  (%.1f s)\n' "$name" "$(python3 "$repo/bench/linkage/pairs-quality.py" "$work/$file.pairs.csv" "$@")" "$(echo "$end - $start" | bc)"
}

"$repo/lantern" --help >/dev/null   # build first, so the timings are the command's own
python3 "$repo/bench/linkage/harsher.py" "$data/dataset2.csv" 1 4 >"$work/dataset2-harsher.csv"
for d in "$data/dataset1" "$data/dataset2" "$work/dataset2-harsher"; do
    n="$(basename "$d")"
    head -1 "$d.csv" >"$work/$n-org.csv"; grep -- '-org,' "$d.csv" >>"$work/$n-org.csv"
    head -1 "$d.csv" >"$work/$n-dup.csv"; grep -- '-dup-' "$d.csv" >>"$work/$n-dup.csv"
done
run "dedup dataset1" "$data/dataset1.csv"
run "dedup dataset2" "$data/dataset2.csv"
run "link dataset1 org/dup" "$work/dataset1-org.csv" "$work/dataset1-dup.csv"
run "link dataset2 org/dup" "$work/dataset2-org.csv" "$work/dataset2-dup.csv"
run "dedup dataset2 harsher" "$work/dataset2-harsher.csv"
run "link dataset2 harsher" "$work/dataset2-harsher-org.csv" "$work/dataset2-harsher-dup.csv"
