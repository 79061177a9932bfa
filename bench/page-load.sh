#!/usr/bin/env bash
# The page-load benchmark (see bench/README.md, "Page load on poor Wi-Fi"):
#   bench/page-load.sh                 # phone on "Fast 3G", then 30 pages at once
#   PAGES=10 DOWN_KBPS=400 bench/page-load.sh
#   VIA=nginx bench/page-load.sh       # through nginx with TLS and HTTP/2 (deploy/nginx.conf's settings)
# Builds the jar, starts it with a throwaway data directory (embedded Redis), runs
# ardoise.bench.pageload.PageLoadBench in real Chromium against it, stops it.
# Results: target/bench-results/page-load-{direct,nginx}.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${ARDOISE_BENCH_PORT:-9102}
PAGES=${PAGES:-30}
DOWN_KBPS=${DOWN_KBPS:-1600}
UP_KBPS=${UP_KBPS:-750}
RTT_MS=${RTT_MS:-150}
JAVA=${JAVA:-java}
VIA=${VIA:-direct}
NGINX_PORT=${NGINX_BENCH_PORT:-9443}
OUT=target/bench-results
mkdir -p "$OUT"

echo "== build"
mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.cp)"

DATA_DIR=$(mktemp -d /tmp/ardoise-bench-pageload-XXXXXX)
SERVER_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

echo "== server: $("$JAVA" -version 2>&1 | head -1) on port $PORT"
# From another directory, so the jar's own pages are what is served.
(cd "$DATA_DIR" && ARDOISE_PORT=$PORT ARDOISE_HOST=127.0.0.1 ARDOISE_DATA_DIR="$DATA_DIR/data" ARDOISE_TRUSTED_PROXIES=127.0.0.1 \
  exec "$JAVA" -jar "$OLDPWD/target/ardoise.jar") > "$OUT/page-load-server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" > /dev/null 2>&1 && break
  sleep 0.5
done

URL="http://127.0.0.1:$PORT"
if [ "$VIA" = nginx ]; then
  # deploy/nginx.conf's proxying, on a self-signed certificate for 127.0.0.1, with HTTP/2.
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$DATA_DIR/key.pem" -out "$DATA_DIR/cert.pem" 2> /dev/null
  mkdir -p "$DATA_DIR/nginx/logs"
  cat > "$DATA_DIR/nginx/nginx.conf" <<CONF
daemon off;
pid $DATA_DIR/nginx/nginx.pid;
error_log $DATA_DIR/nginx/logs/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $DATA_DIR/nginx/body;
  proxy_temp_path $DATA_DIR/nginx/proxy;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:$NGINX_PORT ssl http2;
    ssl_certificate $DATA_DIR/cert.pem;
    ssl_certificate_key $DATA_DIR/key.pem;
    location / {
      proxy_pass http://127.0.0.1:$PORT;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_read_timeout 1h;
      proxy_buffering off;
    }
  }
}
CONF
  nginx -p "$DATA_DIR/nginx" -c "$DATA_DIR/nginx/nginx.conf" &
  NGINX_PID=$!
  for _ in $(seq 1 40); do curl -fsk "https://127.0.0.1:$NGINX_PORT/health" > /dev/null 2>&1 && break; sleep 0.25; done
  URL="https://127.0.0.1:$NGINX_PORT"
  SPKI="--spki=$(openssl x509 -pubkey -noout -in "$DATA_DIR/cert.pem" | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64)"
  echo "== through $(nginx -v 2>&1) with TLS and HTTP/2"
fi

echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(chromium --version 2>/dev/null || echo chromium)"
java -cp "$CP" ardoise.bench.pageload.PageLoadBench --url="$URL" --pages="$PAGES" \
  --down-kbps="$DOWN_KBPS" --up-kbps="$UP_KBPS" --rtt-ms="$RTT_MS" --server-pid="$SERVER_PID" --out="$OUT/page-load-$VIA.txt" ${SPKI:-}
