#!/usr/bin/env bash
# The page-load benchmark (see bench/README.md, "Page load on poor Wi-Fi"):
#   bench/page-load.sh                 # phone on "Fast 3G", then 30 pages at once
#   PAGES=10 DOWN_KBPS=400 bench/page-load.sh
# Builds the jar, starts it with a throwaway data directory (embedded Redis), runs
# ardoise.bench.pageload.PageLoadBench in real Chromium against it, stops it.
# Results: target/bench-results/page-load.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${ARDOISE_BENCH_PORT:-9102}
PAGES=${PAGES:-30}
DOWN_KBPS=${DOWN_KBPS:-1600}
UP_KBPS=${UP_KBPS:-750}
RTT_MS=${RTT_MS:-150}
JAVA=${JAVA:-java}
OUT=target/bench-results
mkdir -p "$OUT"

echo "== build"
mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.cp)"

DATA_DIR=$(mktemp -d /tmp/ardoise-bench-pageload-XXXXXX)
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

echo "== server: $("$JAVA" -version 2>&1 | head -1) on port $PORT"
# From another directory, so the jar's own pages are what is served.
(cd "$DATA_DIR" && ARDOISE_PORT=$PORT ARDOISE_HOST=127.0.0.1 ARDOISE_DATA_DIR="$DATA_DIR/data" \
  exec "$JAVA" -jar "$OLDPWD/target/ardoise.jar") > "$OUT/page-load-server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" > /dev/null 2>&1 && break
  sleep 0.5
done

echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(chromium --version 2>/dev/null || echo chromium)"
java -cp "$CP" ardoise.bench.pageload.PageLoadBench --url="http://127.0.0.1:$PORT" --pages="$PAGES" \
  --down-kbps="$DOWN_KBPS" --up-kbps="$UP_KBPS" --rtt-ms="$RTT_MS" --server-pid="$SERVER_PID" --out="$OUT/page-load.txt"
