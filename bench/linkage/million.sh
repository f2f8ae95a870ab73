#!/usr/bin/env bash
# Speed of `lantern link` on synthetic person records (issue 5 §5): deduplicate N records (default 1,000,000)
# written by `lantern generate people`, end to end (read, standardise, block, train, score, cluster), and report
# wall time, peak memory, pairs scored per second and pairwise precision, recall and F1 against the generator's
# truth. Target: at most 120 s and 8 GB on 2 cores. Figures: docs/benchmarks.md.
#
#   bench/linkage/million.sh [COUNT] [DUPLICATES_RATE] [SEED]      (defaults: 1000000 0.2 1)
#
# Needs GNU time (/usr/bin/time -v) and python3 (standard library) for the scoring. Files go to a temporary folder
# (LANTERN_BENCH_KEEP=1 keeps it and prints where).
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
count="${1:-1000000}"
rate="${2:-0.2}"
seed="${3:-1}"
work="$(mktemp -d)"
if [ "${LANTERN_BENCH_KEEP:-}" = 1 ]; then echo "files in $work"; else trap 'rm -rf "$work"' EXIT; fi

"$repo/lantern" --help >/dev/null   # build first, so the timings are the command's own
dll="$repo/src/Lantern/bin/Release/net10.0/lantern.dll"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
dotnet "$dll" generate people --count "$count" --duplicates-rate "$rate" --seed "$seed" \
    --out "$work/people.csv" --truth "$work/truth.csv" 2>"$work/generate.log"
end=$(date +%s.%N)
printf 'generate: %s records (%s MB) in %.1f s\n' "$count" "$(( $(stat -c %s "$work/people.csv") / 1048576 ))" "$(echo "$end - $start" | bc)"

# the same command a user types; /usr/bin/time measures the whole process (start of .NET included)
/usr/bin/time -v -o "$work/time.log" \
    dotnet "$dll" link --input "$work/people.csv" --id-column id --out "$work/pairs.csv" --clusters "$work/clusters.csv" 2>"$work/link.log"
wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time.log")"
rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.2f", $2 / 1048576}' "$work/time.log")"
cpu="$(awk -F': ' '/Percent of CPU/ {print $2}' "$work/time.log")"
pairs="$(grep -oP 'compared \K[0-9,]+(?= pairs)' "$work/link.log" | tr -d ,)"
# seconds spent comparing: the step's timestamp minus the previous step's
compare="$(sed -nE 's/^link: \[ *([0-9.]+)s\] (.*)$/\1 \2/p' "$work/link.log" | awk '/^[0-9.]+ compared [0-9,]+ pairs/ {print $1 - prev; exit} {prev = $1}')"
echo "link: wall ${wall} s, peak memory ${rss} GB, CPU ${cpu}"
echo "link: ${pairs} candidate pairs compared in ${compare} s: $(echo "$pairs / $compare" | bc) pairs/s while comparing, $(echo "$pairs / $wall" | bc) pairs/s end to end"
echo "quality: $(python3 "$repo/bench/linkage/truth-quality.py" "$work/pairs.csv" "$work/truth.csv")"
echo "link log:"
sed 's/^/  /' "$work/link.log" | grep -v -e '  m=' -e 'ignored'
