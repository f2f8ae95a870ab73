#!/usr/bin/env bash
# Single-name screening through the API (issue 6 §5: p99 under 5 ms): Kestrel on loopback over SQLite, a generated
# list of LIST entries loaded through the model, then REQUESTS sequential POST /api/v1/name-screening/names, each
# recording its subject and raising alerts as in production, and as many again without the token and list caches and
# with a synced commit, interleaved in blocks of 50 (ADR 0024). Prints p50/p95/p99, CPU per request and the load average.
# Figures: docs/benchmarks.md, "Name screening".
#
#   bench/screening/api.sh [LIST=10000] [REQUESTS=1000]
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
list="${1:-10000}"
requests="${2:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$repo/bench/screening/generate.py" "$list" 2000 "$work" >/dev/null
uptime
dotnet run -c Release --project "$repo/bench/Lantern.Benchmarks" -- name-screening "$work/list.csv" "$work/names.csv" "$requests"
