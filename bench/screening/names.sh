#!/usr/bin/env bash
# Quality of `lantern names score` on the labelled name pairs in tests/data/name-pairs (see its README):
# precision, recall and F1 at the default threshold, per split (dev / held-out test) and per category.
# Figures: docs/benchmarks.md, "Name screening". Needs python3 (standard library).
#
#   bench/screening/names.sh [THRESHOLD]     (a threshold other than the default, for exploring on dev)
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$repo/lantern" --help >/dev/null   # build first
start=$(date +%s.%N)
"$repo/lantern" names score --pairs "$repo/tests/data/name-pairs/name-pairs.csv" --out "$work/scored.csv"
end=$(date +%s.%N)
python3 "$repo/bench/screening/quality.py" "$work/scored.csv" "$@"
printf 'scored %s pairs in %.2f s (one process, incl. start-up)\n' "$(($(wc -l <"$repo/tests/data/name-pairs/name-pairs.csv") - 1))" "$(echo "$end - $start" | bc)"
