#!/usr/bin/env bash
# Runs the Spark MLlib ALS side-by-side benchmark from the repository root, after
#   mvn -Pbench -pl bench/spark -am package -DskipTests
# Usage: bench/spark/run.sh --movielens ../shared/data/movielens-100k/u.data \
#          [--online-retail data/online-retail/online-retail.csv.gz] [--repeats 3] [--spark-blocks 10]
# Spark writes its scratch files under bench/spark/target; results go to bench/out/ (not committed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$here/target/tmp"
# The --add-opens list is the one Spark's own launcher passes on Java 17 (JavaModuleOptions).
exec java -Xmx3g -XX:+IgnoreUnrecognizedVMOptions \
  -Djava.io.tmpdir="$here/target/tmp" \
  --add-modules=jdk.incubator.vector \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
  --add-opens=java.base/sun.security.action=ALL-UNNAMED \
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -Djdk.reflect.useDirectMethodHandle=false \
  -Dio.netty.tryReflectionSetAccessible=true \
  -cp "$here/target/classes:$here/target/lib/*" \
  dev.affinity.bench.spark.AlsSideBySide --scratch "$here/target/spark-scratch" "$@"
