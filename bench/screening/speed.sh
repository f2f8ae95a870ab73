#!/usr/bin/env bash
# Speed of `lantern screen` (issue 6 §5): a generated list of LIST entries with aliases (a quarter or more in Arabic
# script) and NAMES names to screen, one process, both cores. Records index build, total time, names/s and peak
# memory (GNU time). Figures: docs/benchmarks.md, "Name screening". Note the machine's load (uptime) with them.
#
#   bench/screening/speed.sh [LIST=100000] [NAMES=1000000]
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
list="${1:-100000}"
names="${2:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$repo/lantern" --help >/dev/null   # build first
python3 "$repo/bench/screening/generate.py" "$list" "$names" "$work"
python3 - "$work/list.csv" <<'PY'
import csv, sys
n = a = 0
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    for name in [r["name"]] + [x for x in r["aliases"].split(";") if x]:
        n += 1
        a += any("\u0600" <= c <= "\u06ff" for c in name)
print(f"list: {n:,} names and aliases, {a / n:.0%} in Arabic script")
PY
uptime
/usr/bin/time -v "$repo/lantern" screen --list "$work/list.csv" --input "$work/names.csv" --out "$work/hits.csv" 2>"$work/log" || { cat "$work/log"; exit 1; }
grep -E '^screen: (index|retrieval|wrote)' "$work/log"
grep -E 'Maximum resident|Elapsed \(wall|User time|System time' "$work/log"
echo "hits: $(($(wc -l <"$work/hits.csv") - 1))"
uptime
