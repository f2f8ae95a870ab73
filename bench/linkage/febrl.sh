#!/usr/bin/env bash
# Quality of `lantern link` on the FEBRL synthetic person data (tests/data/febrl): pairwise precision, recall and F1
# at the default threshold, unsupervised, with the same command for every dataset. Figures: docs/benchmarks.md.
#
#   bench/linkage/febrl.sh
#
# Deduplication: dataset1 (1,000 records) and dataset2 (5,000). Linkage: each dataset split into its originals
# (rec-N-org) as the first input and its duplicates (rec-N-dup-K) as the second. Truth comes from the ids only
# (same N = same person); the command never sees it. Needs python3 (standard library) for the scoring.
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
    printf '%-22s %s  (%.1f s)\n' "$name" "$(python3 "$repo/bench/linkage/pairs-quality.py" "$work/$file.pairs.csv" "$@")" "$(echo "$end - $start" | bc)"
}

"$repo/lantern" --help >/dev/null   # build first, so the timings are the command's own
for d in dataset1 dataset2; do
    head -1 "$data/$d.csv" >"$work/$d-org.csv"; grep -- '-org,' "$data/$d.csv" >>"$work/$d-org.csv"
    head -1 "$data/$d.csv" >"$work/$d-dup.csv"; grep -- '-dup-' "$data/$d.csv" >>"$work/$d-dup.csv"
done
run "dedup dataset1" "$data/dataset1.csv"
run "dedup dataset2" "$data/dataset2.csv"
run "link dataset1 org/dup" "$work/dataset1-org.csv" "$work/dataset1-dup.csv"
run "link dataset2 org/dup" "$work/dataset2-org.csv" "$work/dataset2-dup.csv"
