#!/usr/bin/env bash
# Rendering benchmark of the annual report (docs/benchmarks.md, "Annual report").
#
#   bench/reports/annual.sh [WORKDIR] [YEAR] [RUNS]
#
# Seeds the demo data set (2,196 cases, about 4,900 people) into WORKDIR/demo.db the first time (kept for later
# runs: seeding takes minutes), then generates the report RUNS times in one process (the first run includes the JIT
# and the first database reads) and once more for a free period (1 July of the year before to 30 June of YEAR).
# Prints wall time, CPU time and the time of each step per run, then the peak working set; /usr/bin/time adds the
# process's maximum resident set size. Machine, date and load are printed first: on a shared machine, read the
# CPU seconds rather than the wall time.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-/tmp/lantern-annual-bench}"
year="${2:-2025}"
runs="${3:-3}"
mkdir -p "$work"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u); $(uptime)" >&2
dotnet build bench/Lantern.Benchmarks -c Release -nologo -v quiet >&2
bench=(dotnet bench/Lantern.Benchmarks/bin/Release/net10.0/Lantern.Benchmarks.dll annual-report "$work/demo.db" "$work/keys")
/usr/bin/time -f "process: %e s wall, %U s user, %S s system, max resident %M KiB" "${bench[@]}" "$year" "$runs"
/usr/bin/time -f "process: %e s wall, %U s user, %S s system, max resident %M KiB" "${bench[@]}" "$year" 1 "$((year - 1))-07-01" "$year-06-30"
