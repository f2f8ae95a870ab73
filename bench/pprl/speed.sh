#!/usr/bin/env bash
# Speed and quality of `lantern pprl` at scale (issue 7 §4): two parties of about COUNT/2 records each, split from
# `lantern generate people --count COUNT` (split.py: a person with several records gives one to each party), encoded
# and matched end to end with the default blocking, then every pair compared (--exhaustive) for the comparison rate.
# Targets on 2 cores: encode >= 30,000 records/s, compare >= 150 million pairs/s, 100,000 x 100,000 in <= 30 s.
# Figures: docs/benchmarks.md, "Privacy-preserving linkage". Note the machine's load (printed) with them.
#
#   bench/pprl/speed.sh [COUNT=220000] [DUPLICATES_RATE=0.5] [SEED=1]
#
# Needs GNU time (/usr/bin/time -v) and python3 (standard library). LANTERN_BENCH_KEEP=1 keeps the files.
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
count="${1:-220000}"
rate="${2:-0.5}"
seed="${3:-1}"
work="$(mktemp -d)"
if [ "${LANTERN_BENCH_KEEP:-}" = 1 ]; then echo "files in $work"; else trap 'rm -rf "$work"' EXIT; fi

"$repo/lantern" --help >/dev/null   # build first, so the timings are the command's own
dll="$repo/src/Lantern/bin/Release/net10.0/lantern.dll"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$dll" generate people --count "$count" --duplicates-rate "$rate" --seed "$seed" \
    --out "$work/people.csv" --truth "$work/truth.csv" 2>/dev/null
python3 "$repo/bench/pprl/split.py" "$work/people.csv" "$work/truth.csv" "$work/A.csv" "$work/B.csv" "$work/pairs-truth.csv"
head -c 32 /dev/urandom | base64 >"$work/key"

wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$1"; }
total=0
for side in A B; do
    /usr/bin/time -v -o "$work/time-$side.log" dotnet "$dll" pprl encode --input "$work/$side.csv" --id-column id \
        --secret-file "$work/key" --out "$work/$side.clk" 2>"$work/encode-$side.log"
    echo "encode $side: $(grep -E '^pprl: encoded [0-9,]+ records in' "$work/encode-$side.log" | sed 's/^pprl: //'); process wall $(wall "$work/time-$side.log") s, CPU $(awk -F': ' '/Percent of CPU/ {print $2}' "$work/time-$side.log"), user $(awk -F': ' '/User time/ {print $2}' "$work/time-$side.log") s, peak $(awk -F': ' '/Maximum resident/ {printf "%.0f MB", $2 / 1024}' "$work/time-$side.log")"
    total=$(echo "$total + $(wall "$work/time-$side.log")" | bc)
done
/usr/bin/time -v -o "$work/time-match.log" dotnet "$dll" pprl match --left "$work/A.clk" --right "$work/B.clk" --out "$work/pairs.csv" 2>"$work/match.log"
grep -E '^pprl: (read|blocking|matched)' "$work/match.log" | sed 's/^/  /'
echo "match (blocking): process wall $(wall "$work/time-match.log") s, CPU $(awk -F': ' '/Percent of CPU/ {print $2}' "$work/time-match.log"), user $(awk -F': ' '/User time/ {print $2}' "$work/time-match.log") s, peak $(awk -F': ' '/Maximum resident/ {printf "%.0f MB", $2 / 1024}' "$work/time-match.log")"
total=$(echo "$total + $(wall "$work/time-match.log")" | bc)
echo "end to end (encode A, encode B, match): $total s"
echo "quality (blocking): $(python3 "$repo/bench/pprl/quality.py" "$work/pairs.csv" "$work/pairs-truth.csv")"

/usr/bin/time -v -o "$work/time-exhaustive.log" dotnet "$dll" pprl match --left "$work/A.clk" --right "$work/B.clk" --exhaustive --out "$work/pairs-all.csv" 2>"$work/exhaustive.log"
grep -E '^pprl: matched' "$work/exhaustive.log" | sed 's/^/  /'
echo "match (exhaustive): process wall $(wall "$work/time-exhaustive.log") s, CPU $(awk -F': ' '/Percent of CPU/ {print $2}' "$work/time-exhaustive.log"), user $(awk -F': ' '/User time/ {print $2}' "$work/time-exhaustive.log") s"
echo "quality (exhaustive): $(python3 "$repo/bench/pprl/quality.py" "$work/pairs-all.csv" "$work/pairs-truth.csv")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
