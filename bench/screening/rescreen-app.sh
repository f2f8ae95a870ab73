#!/usr/bin/env bash
# Re-screening inside Lantern on list change (issue 6 §4, §5: 1,000,000 screened names after 1% of the list changes
# in at most 10 s). NAMES screened subjects are recorded in SQLite (field encryption as in production), the population
# is read and prepared once (as `lantern serve` does at start), then twice FRACTION of the LIST entries change and the
# re-screening handler runs as the background service runs it (alerts raised in the database, audit, watermark).
# Figures: docs/benchmarks.md, "Name screening". Note the machine's load.
#
#   bench/screening/rescreen-app.sh [LIST=100000] [NAMES=1000000] [FRACTION=0.01]
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
list="${1:-100000}"
names="${2:-1000000}"
fraction="${3:-0.01}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$repo/bench/screening/generate.py" "$list" "$names" "$work" >/dev/null
uptime
dotnet run -c Release --project "$repo/bench/Lantern.Benchmarks" -- name-rescreen "$work/list.csv" "$work/names.csv" "$fraction"
uptime
