#!/usr/bin/env bash
# Serving load benchmark: builds bench/load, makes (once) a synthetic warehouse and registry, starts the
# server and a constant-JSON Javalin endpoint in one JVM, and drives both over loopback.
#   bench/load/run.sh [customers] [products] [rank] [seconds] [concurrencies] [rate]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
mvn -q -B -Pbench -pl bench/load -am package -DskipTests -Dspotless.check.skip=true
customers="${1:-1000000}"
data="bench/load/target/data-$customers-${2:-100000}-${3:-64}"
mkdir -p bench/load/target/tmp
exec java -Xmx6g -XX:+UseParallelGC -Dcustomers="$customers" -Djava.io.tmpdir=bench/load/target/tmp \
  -cp "bench/load/target/classes:bench/load/target/lib/*" \
  dev.affinity.bench.load.ServingLoadBenchmark "$data" "$customers" "${2:-100000}" "${3:-64}" "${4:-10}" "${5:-8,32,128}" "${6:-1000}"
