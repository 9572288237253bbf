#!/usr/bin/env bash
# The server the load tests and the headline benchmark measure, with everything on its path: a
# Redis of its own (the build's redis-server binary, on its own port; never the machine's), the
# embedded worker on a known port, MicroProfile JWT with the development issuer, tracing on (no
# exporter). Settings go in as JVM system properties, so nothing stays behind in the local
# server's server.env.
#
#   bench/bench-server.sh start | stop | status
#
# Ports and limits come from the environment (defaults below). The rate limits are raised by
# default so that closed-loop benchmarks measure the path rather than 429s; the limit is still
# decided in Redis on every request. Set RATE_LIMIT_*=default for the production defaults.
set -euo pipefail
cd "$(dirname "$0")/.."

HTTP_PORT=${BENCH_HTTP_PORT:-9380}
HTTPS_PORT=${BENCH_HTTPS_PORT:-9743}
GRPC_PORT=${BENCH_GRPC_PORT:-9381}
REDIS_PORT=${BENCH_REDIS_PORT:-9382}
RATE_LIMIT_CALCULATE=${RATE_LIMIT_CALCULATE:-600}
RATE_LIMIT_STATUS=${RATE_LIMIT_STATUS:-1000000}
RATE_LIMIT_DOWNLOAD=${RATE_LIMIT_DOWNLOAD:-600}
SERVER_JVM_ARGS=${BENCH_SERVER_JVM_ARGS:-}

STATE=target/bench
WLP=target/liberty/wlp
SERVER=otel-demo
PID_FILE=$WLP/usr/servers/.pid/$SERVER.pid
REDIS_BIN=$(ls target/redis/redis-server-* 2>/dev/null | head -1 || true)

# A -D for a limit, none for "default". The limits reach the server only this way: the server
# starts without the RATE_LIMIT_* variables of this shell, since the application would read a
# "default" there as a (malformed) limit.
limit_arg() { # name value
  [ "$2" = default ] || printf -- '-D%s=%s ' "$1" "$2"
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  for port in "$HTTP_PORT" "$HTTPS_PORT" "$GRPC_PORT" "$REDIS_PORT"; do
    port_free "$port" || { echo "Port $port is in use; set BENCH_*_PORT" >&2; exit 1; }
  done
  # The packaged WAR, not the loose application: compiling the load tests while the server runs
  # must not redeploy it under the measurement.
  echo "Building the WAR and the Liberty server (http $HTTP_PORT) ..."
  ./mvnw -B -q -ntp -DskipTests -Djacoco.skip=true package liberty:create liberty:deploy \
    -DlooseApplication=false -Dhttp.port="$HTTP_PORT" -Dhttps.port="$HTTPS_PORT" >/dev/null
  REDIS_BIN=$(ls target/redis/redis-server-* | head -1)
  chmod +x "$REDIS_BIN"
  mkdir -p "$STATE"
  "$REDIS_BIN" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    >"$STATE/redis.log" 2>&1 &
  echo $! >"$STATE/redis.pid"
  JVM_ARGS="$SERVER_JVM_ARGS -DREDIS_URL=redis://127.0.0.1:$REDIS_PORT/0 \
    -DEMBEDDED_WORKER_PORT=$GRPC_PORT -Dotel.sdk.disabled=false -Dotel.traces.exporter=none \
    -Dotel.metrics.exporter=none -Dotel.logs.exporter=none \
    $(limit_arg RATE_LIMIT_CALCULATE "$RATE_LIMIT_CALCULATE") \
    $(limit_arg RATE_LIMIT_STATUS "$RATE_LIMIT_STATUS") \
    $(limit_arg RATE_LIMIT_DOWNLOAD "$RATE_LIMIT_DOWNLOAD")" \
    env -u RATE_LIMIT_CALCULATE -u RATE_LIMIT_STATUS -u RATE_LIMIT_DOWNLOAD \
    "$WLP/bin/server" start "$SERVER" >"$STATE/server-start.log"
  for _ in $(seq 1 120); do
    if curl -fs "http://localhost:$HTTP_PORT/health/ready" >/dev/null 2>&1; then
      cat >"$STATE/env" <<ENV
BASE_URL=http://localhost:$HTTP_PORT
GRPC_PORT=$GRPC_PORT
REDIS_PORT=$REDIS_PORT
SERVER_PID=$(cat "$PID_FILE")
REDIS_PID=$(cat "$STATE/redis.pid")
RATE_LIMITS="calculate=$RATE_LIMIT_CALCULATE status=$RATE_LIMIT_STATUS download=$RATE_LIMIT_DOWNLOAD (per minute unless N/Ws)"
ENV
      echo "Ready: http://localhost:$HTTP_PORT (pid $(cat "$PID_FILE")), embedded worker on" \
        "127.0.0.1:$GRPC_PORT, Redis on 127.0.0.1:$REDIS_PORT; rate limits:" \
        "calculate=$RATE_LIMIT_CALCULATE status=$RATE_LIMIT_STATUS download=$RATE_LIMIT_DOWNLOAD"
      return 0
    fi
    sleep 1
  done
  echo "The server did not become ready; see $WLP/usr/servers/$SERVER/logs/messages.log" >&2
  stop
  exit 1
}

stop() {
  if [ -f "$PID_FILE" ]; then
    "$WLP/bin/server" stop "$SERVER" >/dev/null || true
  fi
  if [ -f "$STATE/redis.pid" ]; then
    kill "$(cat "$STATE/redis.pid")" 2>/dev/null || true
    rm -f "$STATE/redis.pid"
  fi
  rm -f "$STATE/env"
  echo "Stopped the benchmark server and its Redis"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) cat "$STATE/env" 2>/dev/null || echo "not running" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
