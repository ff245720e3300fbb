#!/usr/bin/env bash
# Warehouse benchmarks (issue 2). Writes one JSON line per run to bench/out/warehouse-<date>.jsonl
# and prints a summary. Runs are interleaved with their baseline in the same session, so ratios
# stay meaningful on a noisy machine.
#
#   bench/warehouse.sh import            Online Retail import vs a parse-only baseline (3 rounds)
#   bench/warehouse.sh generate [N M E]  generate N customers, M products, E events per customer,
#                                        then features on it (defaults 1000000 100000 50)
set -euo pipefail
cd "$(dirname "$0")/.."
out="bench/out"; mkdir -p "$out"
log="$out/warehouse-$(date -u +%Y%m%dT%H%M%S).jsonl"
./affinity --version >/dev/null   # builds if needed
cp="training/target/lib/*"
data="data/online-retail/online-retail.csv.gz"

timed() { # label, command...: runs it under /usr/bin/time, appends {label, maxRssMb, json} to the log
  local label="$1"; shift
  local tfile; tfile=$(mktemp)
  local json
  json=$(/usr/bin/time -f "%M" -o "$tfile" "$@" | tail -1)
  local rss=$(( $(tail -1 "$tfile") / 1024 ))
  rm -f "$tfile"
  echo "{\"label\":\"$label\",\"maxRssMb\":$rss,\"result\":$json}" | tee -a "$log"
}

case "${1:-import}" in
  import)
    for round in 1 2 3; do
      timed parse-baseline java -cp "$cp" bench/CsvParseBaseline.java "$data"
      wh=$(mktemp -d)
      timed import ./affinity import online-retail --input "$data" --warehouse "$wh" --json
      rm -rf "$wh"; wh=$(mktemp -d)
      AFFINITY_JAVA_OPTS="-Xmx256m" timed import-xmx256m ./affinity import online-retail --input "$data" --warehouse "$wh" --json
      timed features ./affinity features --as-of 2011-09-01 --warehouse "$wh" --json
      rm -rf "$wh"
    done
    ;;
  generate)
    n=${2:-1000000}; m=${3:-100000}; e=${4:-50}
    wh=${BENCH_WAREHOUSE:-$(mktemp -d)}
    timed generate ./affinity generate --customers "$n" --products "$m" --days 365 --events-per-customer "$e" --seed 42 --warehouse "$wh" --json
    du -sh "$wh" | tee -a "$log"
    timed features ./affinity features --as-of 2026-09-01 --warehouse "$wh" --json
    timed scan-baseline java -cp "$cp" bench/ScanBaseline.java "$wh"
    [ -n "${BENCH_KEEP:-}" ] || rm -rf "$wh"
    ;;
esac
echo "results: $log"
