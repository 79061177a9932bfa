#!/usr/bin/env bash
# The whole side-by-side load benchmark in one command (see bench/README.md):
#   bench/run-all.sh             # full run, about 35 minutes
#   QUICK=1 bench/run-all.sh     # shorter phases and smaller ramps, a few minutes (smoke test)
#   TARGETS=ardoise REDIS_MODE=cluster INSTANCES=2 bench/run-all.sh   # two instances on a 3-master cluster
# Builds, installs the ShareDB server's and Etherpad's npm packages into temporary folders, then for
# each target (Ardoise, ShareDB, Etherpad) and scenario starts a fresh server (Ardoise and ShareDB
# with Redis persistence, Etherpad on its dirty database), runs the load generator on this machine,
# stops the server, and prints the results table with ratios.
# Only loopback addresses are used. Results: target/bench-results/{log.txt,results.txt,table.md}.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=${QUICK:-0}
TARGETS=${TARGETS:-"ardoise sharedb etherpad"}
SCENARIOS=${SCENARIOS:-"workshop hot ramp hot-ramp idle"}
ARDOISE_PORT=${ARDOISE_BENCH_PORT:-9101}
SHAREDB_PORT=${SHAREDB_BENCH_PORT:-9201}
ETHERPAD_PORT=${ETHERPAD_BENCH_PORT:-9301}
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
  PHASE="--warmup=40 --seconds=30"; RAMP="--warmup=40 --step-seconds=10 --max-typists=1500"; HOTRAMP="--warmup=40 --step-seconds=10 --max-typists=1000"
  WORKSHOP="--pads=50 --typists=10"; HOT="--pads=1 --typists=300"; IDLE="--sockets=10000 --idle-pads=500"
fi

echo "== build"
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.cp)"

# Where Ardoise keeps its pads: embedded (its own redis-server, one instance: the default),
# standalone (one redis-server started here, INSTANCES instances on it) or cluster (CLUSTER_MASTERS
# masters with CLUSTER_REPLICAS replicas each, INSTANCES instances); WAIT_REPLICAS is
# ARDOISE_REDIS_WAIT_REPLICAS. The redis-servers started here use appendfsync REDIS_FSYNC.
# The server's JVM and collector (e.g. SERVER_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
# SERVER_GC=-XX:+UseZGC); LABEL_SUFFIX is added to each row's name (no spaces). Each server's
# collector pauses go to $OUT/gc-K.log and are summed up after each run.
SERVER_JAVA=${SERVER_JAVA:-java}
SERVER_GC=${SERVER_GC:--XX:+UseG1GC}
LABEL_SUFFIX=${LABEL_SUFFIX:-}
# More load-generator options, after each scenario's (a later option wins), e.g.
# LOAD_ARGS="--pads=10 --initial-kib=1000"; more server settings, e.g. SERVER_ENV="ARDOISE_MAX_PAD_CHARS=4194304".
LOAD_ARGS=${LOAD_ARGS:-}
SERVER_ENV=${SERVER_ENV:-}
REDIS_MODE=${REDIS_MODE:-embedded}
INSTANCES=${INSTANCES:-1}
CLUSTER_MASTERS=${CLUSTER_MASTERS:-3}
CLUSTER_REPLICAS=${CLUSTER_REPLICAS:-0}
WAIT_REPLICAS=${WAIT_REPLICAS:-0}
REDIS_BASE_PORT=${REDIS_BASE_PORT:-7100}
REDIS_SERVER=${ARDOISE_REDIS_SERVER:-redis-server}
REDIS_CLI=${ARDOISE_REDIS_CLI:-redis-cli}
if [ "$REDIS_MODE" = embedded ] && [ "$INSTANCES" != 1 ]; then echo "INSTANCES=$INSTANCES needs REDIS_MODE=standalone or cluster"; exit 2; fi
NODE_PIDS=""
NODES_DIR=""
SERVER_PIDS=""

SHAREDB_DIR=$(mktemp -d /tmp/ardoise-bench-sharedb-XXXXXX)
ETHERPAD_DIR=$(mktemp -d /tmp/ardoise-bench-etherpad-XXXXXX)
SERVER_PID=""
REDIS_PID=""
DATA_DIR=""
# ShareDB's Redis fsyncs like Ardoise's default embedded one (always); REDIS_FSYNC=everysec for both:
# then also set ARDOISE_REDIS_URL yourself, or compare with care.
REDIS_FSYNC=${REDIS_FSYNC:-always}
cleanup() {
  for pid in $SERVER_PIDS $NODE_PIDS; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  [ -n "$NODES_DIR" ] && rm -rf "$NODES_DIR" || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null || true
  rm -rf "$SHAREDB_DIR" "$ETHERPAD_DIR"
  [ -n "$DATA_DIR" ] && rm -rf "$DATA_DIR" || true
}
trap cleanup EXIT

if [[ " $TARGETS " == *" sharedb "* ]]; then
  echo "== npm ci (ShareDB server) into $SHAREDB_DIR"
  cp bench/sharedb/package.json bench/sharedb/package-lock.json bench/sharedb/server.js "$SHAREDB_DIR/"
  (cd "$SHAREDB_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [[ " $TARGETS " == *" etherpad "* ]]; then
  echo "== npm install (Etherpad, its lockfile's versions) into $ETHERPAD_DIR"
  # Why a lockfile: Etherpad 1.8's own dependencies are ranges; resolved anew on each run, they
  # could differ between two days' runs. npm install takes the lockfile's versions. Not npm ci: it
  # refuses a lockfile without Etherpad's optional sqlite3, a GitHub dependency that does not install.
  cp bench/etherpad/package.json bench/etherpad/package-lock.json bench/etherpad/settings.json "$ETHERPAD_DIR/"
  # Why the move: Etherpad finds its base folder as the parent of a folder named src (its git
  # repository's layout, where node_modules/ep_etherpad-lite links to ../src); settings.json and
  # var/ are read from that base folder.
  (cd "$ETHERPAD_DIR" && npm install --no-audit --no-fund --loglevel=error \
    && mv node_modules/ep_etherpad-lite src && ln -s ../src node_modules/ep_etherpad-lite)
  # The load clients' changesets must be Etherpad's own: compare follow, compose and apply with the
  # installed Changeset.js on random cases (stops here on any difference).
  java -cp "$CP" ardoise.bench.load.EtherpadCrossCheck 2000 2>> "$OUT/log.txt" \
    | node bench/etherpad/crosscheck.js "$ETHERPAD_DIR/src" | tee -a "$OUT/log.txt"
fi

await_http() { # url log
  for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "server did not start:"; cat "$2"; exit 1
}

await_line() { # file pattern
  for _ in $(seq 1 120); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "server did not start:"; cat "$1"; exit 1
}

# A fresh redis-server per node (and a cluster of them), on REDIS_BASE_PORT and up, for
# REDIS_MODE standalone and cluster; sets REDIS_ENV for the Ardoise instances.
start_redis_nodes() {
  NODES_DIR=$(mktemp -d /tmp/ardoise-bench-redis-XXXXXX)
  local count=1 cluster_args=() urls=() hosts=()
  if [ "$REDIS_MODE" = cluster ]; then
    count=$((CLUSTER_MASTERS * (1 + CLUSTER_REPLICAS)))
    cluster_args=(--cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 5000)
  fi
  for i in $(seq 0 $((count - 1))); do
    local port=$((REDIS_BASE_PORT + i))
    mkdir -p "$NODES_DIR/$port"
    "$REDIS_SERVER" --port "$port" --bind 127.0.0.1 --dir "$NODES_DIR/$port" --appendonly yes \
      --appendfsync "$REDIS_FSYNC" --save "" --maxmemory-policy noeviction "${cluster_args[@]}" \
      > "$NODES_DIR/$port.log" 2>&1 &
    NODE_PIDS="$NODE_PIDS $!"
    await_line "$NODES_DIR/$port.log" "Ready to accept connections"
    urls+=("redis://127.0.0.1:$port"); hosts+=("127.0.0.1:$port")
  done
  REDIS_ENV="ARDOISE_REDIS_URL=$(IFS=,; echo "${urls[*]}") ARDOISE_REDIS_WAIT_REPLICAS=$WAIT_REPLICAS"
  if [ "$REDIS_MODE" = cluster ]; then
    "$REDIS_CLI" --cluster create "${hosts[@]}" --cluster-replicas "$CLUSTER_REPLICAS" --cluster-yes > "$NODES_DIR/create.log" 2>&1
    for _ in $(seq 1 120); do
      ok=1
      for h in "${hosts[@]}"; do "$REDIS_CLI" -p "${h#*:}" CLUSTER INFO | grep -q cluster_state:ok || ok=0; done
      [ $ok = 1 ] && break; sleep 0.5
    done
    REDIS_ENV="$REDIS_ENV ARDOISE_REDIS_MODE=cluster"
  fi
}

stop_redis_nodes() {
  for pid in $NODE_PIDS; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  NODE_PIDS=""; [ -n "$NODES_DIR" ] && rm -rf "$NODES_DIR"; NODES_DIR=""
}

# One generator is one client address simulating hundreds of people: the per-address and per-server
# quotas, made against abuse from one room, would refuse its new pads and its writes. The per-socket
# message rate stays on; the connection caps are raised for the hot pad and the idle sockets.
BENCH_LIMITS="ARDOISE_MAX_CONNECTIONS_PER_PAD=1000 ARDOISE_MAX_CONNECTIONS=25000 ARDOISE_UNKNOWN_PAD_MISSES_PER_MINUTE=0 \
ARDOISE_PADS_PER_MINUTE_PER_ADDRESS=0 ARDOISE_PADS_PER_MINUTE_PER_SERVER=0 \
ARDOISE_WRITE_BYTES_PER_MINUTE_PER_ADDRESS=0 ARDOISE_WRITE_BYTES_PER_MINUTE_PER_SERVER=0"

start_server() { # target
  if [ "$1" = ardoise ] && [ "$REDIS_MODE" != embedded ]; then
    start_redis_nodes
    PORTS=""
    for k in $(seq 0 $((INSTANCES - 1))); do
      local port=$((ARDOISE_PORT + k))
      env $REDIS_ENV $BENCH_LIMITS $SERVER_ENV ARDOISE_PORT=$port ARDOISE_HOST=127.0.0.1 \
        "$SERVER_JAVA" -Xms1g -Xmx1g $SERVER_GC -Xlog:gc,gc+phases:file=$OUT/gc-$k.log $ARDOISE_JAVA_OPTS -cp "$CP" ardoise.App > "$OUT/server-$k.log" 2>&1 &
      SERVER_PIDS="$SERVER_PIDS $!"
      [ -z "$SERVER_PID" ] && SERVER_PID=$!
      await_line "$OUT/server-$k.log" "listening on http"
      PORTS="${PORTS:+$PORTS,}$port"
    done
    PORT=$ARDOISE_PORT
  elif [ "$1" = ardoise ]; then
    # The real server as it runs by default: App with its own embedded redis-server (appendonly yes,
    # appendfsync always) in a fresh data directory.
    DATA_DIR=$(mktemp -d /tmp/ardoise-bench-data-XXXXXX)
    env $BENCH_LIMITS $SERVER_ENV ARDOISE_PORT=$ARDOISE_PORT ARDOISE_HOST=127.0.0.1 ARDOISE_DATA_DIR=$DATA_DIR \
      "$SERVER_JAVA" -Xms1g -Xmx1g $SERVER_GC -Xlog:gc,gc+phases:file=$OUT/gc-0.log $ARDOISE_JAVA_OPTS -cp "$CP" ardoise.App > "$OUT/server.log" 2>&1 &
    SERVER_PID=$!
    await_line "$OUT/server.log" "listening on http"
    PORT=$ARDOISE_PORT
    PORTS=$PORT
  elif [ "$1" = etherpad ]; then
    # Etherpad as its bin/run.sh starts it (NODE_ENV=production), on a fresh dirty database.
    rm -rf "$ETHERPAD_DIR/var"; mkdir -p "$ETHERPAD_DIR/var"
    (cd "$ETHERPAD_DIR" && PORT=$ETHERPAD_PORT NODE_ENV=production exec node --max-old-space-size=1024 src/node/server.js) > "$OUT/server.log" 2>&1 &
    SERVER_PID=$!
    await_http "http://127.0.0.1:$ETHERPAD_PORT/" "$OUT/server.log"
    PORT=$ETHERPAD_PORT
    PORTS=$PORT
  else
    java -cp "$CP" ardoise.bench.load.BenchRedis "$REDIS_FSYNC" > "$OUT/redis.log" 2>&1 &
    REDIS_PID=$!
    await_line "$OUT/redis.log" READY
    REDIS_URL=$(grep -o 'url=.*' "$OUT/redis.log" | cut -d= -f2)
    (cd "$SHAREDB_DIR" && PORT=$SHAREDB_PORT REDIS_URL=$REDIS_URL exec node --expose-gc --max-old-space-size=1024 server.js) > "$OUT/server.log" 2>&1 &
    SERVER_PID=$!
    await_line "$OUT/server.log" listening
    PORT=$SHAREDB_PORT
    PORTS=$PORT
  fi
}

stop_server() {
  for pid in $SERVER_PIDS; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  SERVER_PIDS=""
  stop_redis_nodes
  kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  if [ -n "$DATA_DIR" ]; then rm -rf "$DATA_DIR"; DATA_DIR=""; fi
  if [ -n "$REDIS_PID" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; REDIS_PID=""; fi
}

# The stop-the-world pauses of the last run's server(s): count, median, p99, longest, total (ms).
gc_pauses() { # label
  cat "$OUT"/gc-*.log 2>/dev/null | sed -n 's/.*Pause .* \([0-9.]*\)ms$/\1/p' | sort -n | awk -v label="$1" '
    { p[NR] = $1; total += $1 }
    END { if (NR == 0) { print "gc pauses " label ": none"; exit }
          i99 = int(NR * 0.99); if (i99 < 1) i99 = 1
          printf "gc pauses %s: %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms, total %.0f ms\n", label, NR,
            p[int((NR + 1) / 2)], p[i99], p[NR], total }'
  rm -f "$OUT"/gc-*.log
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
    label=$scenario$LABEL_SUFFIX
    # No spaces: ResultTable splits RESULT lines on them.
    [ "$target" = ardoise ] && [ "$REDIS_MODE" != embedded ] && label="$scenario-$REDIS_MODE$([ "$REDIS_MODE" = cluster ] && echo "${CLUSTER_MASTERS}x$((CLUSTER_REPLICAS + 1))" || true)-${INSTANCES}inst-wait$WAIT_REPLICAS"
    java -Xmx2g $GENERATOR_JAVA_OPTS -cp "$CP" ardoise.bench.load.LoadBench --target="$target" --port="$PORT" --ports="$PORTS" --server-pid="$SERVER_PID" \
      --label="$label" $args $LOAD_ARGS > "$OUT/run.txt" 2>&1 || echo "(the load generator failed: see $OUT/log.txt)"
    cat "$OUT/run.txt" >> "$OUT/log.txt"
    grep -E "^(steady|step|RESULT|no step|by pad length)|idle:" "$OUT/run.txt" || true
    grep "^RESULT" "$OUT/run.txt" >> "$OUT/results.txt" || true
    stop_server
    [ "$target" = ardoise ] && gc_pauses "$label" | tee -a "$OUT/log.txt" "$OUT/gc-pauses.txt"
  done
done

echo "== results ($(date -u +%F), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg))"
java -cp "$CP" ardoise.bench.load.ResultTable "$OUT/results.txt" | tee "$OUT/table.md"
