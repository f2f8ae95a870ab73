#!/usr/bin/env bash
# Re-screening on list change (issue 6 §4, §5): NAMES already-screened names are kept prepared (once), then FRACTION
# of the LIST-entry list changes (a new alias and a new version per changed entry) and the whole population is
# re-screened against the changed entries only (twice, two different deltas). Records population preparation time,
# delta time and peak memory (GNU time). Figures: docs/benchmarks.md, "Name screening". Note the machine's load.
#
#   bench/screening/rescreen.sh [LIST=100000] [NAMES=1000000] [FRACTION=0.01]
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
list="${1:-100000}"
names="${2:-1000000}"
fraction="${3:-0.01}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$repo/lantern" --help >/dev/null   # build first
python3 "$repo/bench/screening/generate.py" "$list" "$names" "$work"
uptime
/usr/bin/time -v "$repo/lantern" screen --list "$work/list.csv" --input "$work/names.csv" --out "$work/delta-hits.csv" --rescreen-bench "$fraction" 2>"$work/log" || { cat "$work/log"; exit 1; }
grep -E '^screen: (read|rescreen)' "$work/log"
grep -E 'Maximum resident|Elapsed \(wall|User time|System time' "$work/log"
uptime
