#!/usr/bin/env bash
# The export storm (see bench/README.md, "Export storm"): a fresh server with its embedded Redis,
# a 1 MiB pad, 20 PDF requests dropped by their clients after one second, a typist on another pad.
#   bench/export-storm.sh                       # defaults below
#   REQUESTS=20 DROP_MS=1000 FORMAT=pdf SECONDS_WINDOW=20 bench/export-storm.sh
# Server JVM: the JVM's default heap unless ARDOISE_JAVA_OPTS says otherwise; ARDOISE_* settings
# in the environment reach the server. Output: the figures and one RESULT line.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${ARDOISE_BENCH_PORT:-9131}
REQUESTS=${REQUESTS:-20}
DROP_MS=${DROP_MS:-1000}
FORMAT=${FORMAT:-pdf}
SECONDS_WINDOW=${SECONDS_WINDOW:-20}
ARDOISE_JAVA_OPTS=${ARDOISE_JAVA_OPTS:-}
OUT=target/bench-results
mkdir -p "$OUT"

mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.cp)"

DATA_DIR=$(mktemp -d /tmp/ardoise-export-storm-XXXXXX)
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

ARDOISE_PORT=$PORT ARDOISE_HOST=127.0.0.1 ARDOISE_DATA_DIR=$DATA_DIR \
  java $ARDOISE_JAVA_OPTS -cp "$CP" ardoise.App > "$OUT/export-storm-server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do grep -q "Ardoise listening" "$OUT/export-storm-server.log" 2>/dev/null && break; sleep 0.5; done
grep -q "Ardoise listening" "$OUT/export-storm-server.log" || { cat "$OUT/export-storm-server.log"; exit 1; }

echo "== export storm ($(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
java -cp "$CP" ardoise.bench.ExportBench --port="$PORT" --server-pid="$SERVER_PID" --requests="$REQUESTS" \
  --drop-ms="$DROP_MS" --format="$FORMAT" --seconds="$SECONDS_WINDOW"
