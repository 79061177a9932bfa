#!/usr/bin/env bash
# The whole side-by-side load benchmark in one command (see bench/README.md):
#   bench/run-all.sh             # full run, about 25 minutes
#   QUICK=1 bench/run-all.sh     # shorter phases and smaller ramps, a few minutes (smoke test)
# Builds, installs the ShareDB server's npm packages into a temporary folder, then for each
# target (Ardoise, ShareDB) and scenario starts a fresh server with Redis persistence, runs the
# load generator on this machine, stops the server, and prints the results table with ratios.
# Only loopback addresses are used. Results: target/bench-results/{log.txt,results.txt,table.md}.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=${QUICK:-0}
TARGETS=${TARGETS:-"ardoise sharedb"}
SCENARIOS=${SCENARIOS:-"workshop hot ramp hot-ramp idle"}
ARDOISE_PORT=${ARDOISE_BENCH_PORT:-9101}
SHAREDB_PORT=${SHAREDB_BENCH_PORT:-9201}
OUT=target/bench-results
mkdir -p "$OUT"
: > "$OUT/results.txt"

# 10,000 sockets need 10,000 descriptors in the server and as many in the load generator.
ulimit -n "$(ulimit -Hn)" || true
echo "open files limit: $(ulimit -n)"

if [ "$QUICK" = 1 ]; then
  PHASE="--warmup=3 --seconds=8"; RAMP="--step-seconds=5 --max-typists=400"; HOTRAMP="--step-seconds=5 --max-typists=200"
  WORKSHOP="--pads=10 --typists=10"; HOT="--pads=1 --typists=100"; IDLE="--sockets=2000 --idle-pads=100"
else
  PHASE="--warmup=40 --seconds=30"; RAMP="--warmup=40 --step-seconds=10 --max-typists=1500"; HOTRAMP="--warmup=40 --step-seconds=10 --max-typists=600"
  WORKSHOP="--pads=50 --typists=10"; HOT="--pads=1 --typists=300"; IDLE="--sockets=10000 --idle-pads=500"
fi

echo "== build"
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.cp)"

SHAREDB_DIR=$(mktemp -d /tmp/ardoise-bench-sharedb-XXXXXX)
SERVER_PID=""
REDIS_PID=""
DATA_DIR=""
# ShareDB's Redis fsyncs like Ardoise's default embedded one (always); REDIS_FSYNC=everysec for both:
# then also set ARDOISE_REDIS_URL yourself, or compare with care.
REDIS_FSYNC=${REDIS_FSYNC:-always}
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null || true
  rm -rf "$SHAREDB_DIR"
  [ -n "$DATA_DIR" ] && rm -rf "$DATA_DIR" || true
}
trap cleanup EXIT

if [[ " $TARGETS " == *" sharedb "* ]]; then
  echo "== npm install (ShareDB server) into $SHAREDB_DIR"
  cp bench/sharedb/package.json bench/sharedb/server.js "$SHAREDB_DIR/"
  (cd "$SHAREDB_DIR" && npm install --no-audit --no-fund --loglevel=error)
fi

await_line() { # file pattern
  for _ in $(seq 1 120); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "server did not start:"; cat "$1"; exit 1
}

start_server() { # target
  if [ "$1" = ardoise ]; then
    # The real server as it runs by default: App with its own embedded redis-server (appendonly yes,
    # appendfsync always) in a fresh data directory.
    DATA_DIR=$(mktemp -d /tmp/ardoise-bench-data-XXXXXX)
    ARDOISE_PORT=$ARDOISE_PORT ARDOISE_HOST=127.0.0.1 ARDOISE_DATA_DIR=$DATA_DIR ARDOISE_MAX_CONNECTIONS_PER_PAD=1000 \
      java -Xms1g -Xmx1g -XX:+UseG1GC $ARDOISE_JAVA_OPTS -cp "$CP" ardoise.App > "$OUT/server.log" 2>&1 &
    SERVER_PID=$!
    await_line "$OUT/server.log" "Ardoise listening"
    PORT=$ARDOISE_PORT
  else
    java -cp "$CP" ardoise.bench.load.BenchRedis "$REDIS_FSYNC" > "$OUT/redis.log" 2>&1 &
    REDIS_PID=$!
    await_line "$OUT/redis.log" READY
    REDIS_URL=$(grep -o 'url=.*' "$OUT/redis.log" | cut -d= -f2)
    (cd "$SHAREDB_DIR" && PORT=$SHAREDB_PORT REDIS_URL=$REDIS_URL exec node --expose-gc --max-old-space-size=1024 server.js) > "$OUT/server.log" 2>&1 &
    SERVER_PID=$!
    await_line "$OUT/server.log" listening
    PORT=$SHAREDB_PORT
  fi
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  if [ -n "$DATA_DIR" ]; then rm -rf "$DATA_DIR"; DATA_DIR=""; fi
  if [ -n "$REDIS_PID" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; REDIS_PID=""; fi
}

ARDOISE_JAVA_OPTS=${ARDOISE_JAVA_OPTS:-}
GENERATOR_JAVA_OPTS=${GENERATOR_JAVA_OPTS:-}
for target in $TARGETS; do
  for scenario in $SCENARIOS; do
    case $scenario in
      workshop) args="--mode=steady $WORKSHOP --viewers=1 $PHASE" ;;
      hot)      args="--mode=steady $HOT --viewers=1 $PHASE" ;;
      ramp)     args="--mode=ramp --pads=1 --typists=10 --viewers=1 --step-pads=5 $RAMP" ;;
      hot-ramp) args="--mode=hot-ramp --typists=10 --viewers=1 --step-typists=25 $HOTRAMP" ;;
      idle)     args="--mode=idle $IDLE" ;;
      *) echo "unknown scenario $scenario"; exit 2 ;;
    esac
    echo "== $target $scenario (load average: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/log.txt"
    start_server "$target"
    java -Xmx2g $GENERATOR_JAVA_OPTS -cp "$CP" ardoise.bench.load.LoadBench --target="$target" --port="$PORT" --server-pid="$SERVER_PID" \
      --label="$scenario" $args > "$OUT/run.txt" 2>&1 || echo "(the load generator failed: see $OUT/log.txt)"
    cat "$OUT/run.txt" >> "$OUT/log.txt"
    grep -E "^(steady|step|RESULT|no step)|idle:" "$OUT/run.txt" || true
    grep "^RESULT" "$OUT/run.txt" >> "$OUT/results.txt" || true
    stop_server
  done
done

echo "== results ($(date -u +%F), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg))"
java -cp "$CP" ardoise.bench.load.ResultTable "$OUT/results.txt" | tee "$OUT/table.md"
