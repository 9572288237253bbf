#!/usr/bin/env bash
# The server the load tests and the headline benchmark measure, with everything on its path: a
# Redis of its own (the build's redis-server binary, on its own port; never the machine's), the
# embedded worker on a known port (holding the jobs of device bench_held processing, so a read
# of such a job pays the worker call), MicroProfile JWT with the development issuer, tracing on
# (no exporter), metrics recorded. Settings go in as JVM system properties, so nothing stays
# behind in the local server's server.env. The JVM options are the local servers' own
# (liberty/configDropins/defaults/jvm.options: heap cap, collector; docs/PERFORMANCE.md, "Memory"), then
# BENCH_SERVER_JVM_ARGS, which win.
#
#   bench/bench-server.sh start | stop | status
#   bench/bench-server.sh startup [N]   # N starts (default 5) of the packaged server: seconds
#                                       # from `server start` to /health/ready = 200, each
#
#   BENCH_METRICS=on|off   on (default): MicroProfile Telemetry records metrics and exports them
#                          every 60 s to the log (otel.metrics.exporter=logging); off: none
#   BENCH_BUILD=off        reuse the last build (A/B runs of JVM options only)
#   BENCH_NMT=on|off       on: Native Memory Tracking (summary), printed by the benchmark; off
#                          (default), since it costs a little CPU and memory of its own
#
# Ports and limits come from the environment (defaults below). The rate limits are raised by
# default so that closed-loop benchmarks measure the path rather than 429s; the limit is still
# decided in Redis on every request. Set RATE_LIMIT_*=default for the production defaults.
set -euo pipefail
cd "$(dirname "$0")/.."

HTTP_PORT=${BENCH_HTTP_PORT:-9380}
HTTPS_PORT=${BENCH_HTTPS_PORT:-9743}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-9383}
GRPC_PORT=${BENCH_GRPC_PORT:-9381}
REDIS_PORT=${BENCH_REDIS_PORT:-9382}
RATE_LIMIT_CALCULATE=${RATE_LIMIT_CALCULATE:-600}
RATE_LIMIT_STATUS=${RATE_LIMIT_STATUS:-1000000}
RATE_LIMIT_DOWNLOAD=${RATE_LIMIT_DOWNLOAD:-600}
SERVER_JVM_ARGS=${BENCH_SERVER_JVM_ARGS:-}
HOLD_DEVICE=${BENCH_HOLD_DEVICE:-bench_held}
case "${BENCH_METRICS:-on}" in
  on) METRICS_EXPORTER=logging ;;
  off) METRICS_EXPORTER=none ;;
  *) echo "BENCH_METRICS must be on or off" >&2; exit 2 ;;
esac
case "${BENCH_NMT:-off}" in
  on) SERVER_JVM_ARGS="-XX:NativeMemoryTracking=summary $SERVER_JVM_ARGS" ;;
  off) ;;
  *) echo "BENCH_NMT must be on or off" >&2; exit 2 ;;
esac

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

check_ports() {
  for port in "$HTTP_PORT" "$HTTPS_PORT" "$MANAGEMENT_PORT" "$GRPC_PORT" "$REDIS_PORT"; do
    port_free "$port" || { echo "Port $port is in use; set BENCH_*_PORT" >&2; exit 1; }
  done
}

build() {
  [ "${BENCH_BUILD:-on}" = off ] && [ -f "$WLP/usr/servers/$SERVER/server.xml" ] && return 0
  # The packaged WAR, not the loose application: compiling the load tests while the server runs
  # must not redeploy it under the measurement.
  echo "Building the WAR and the Liberty server (http $HTTP_PORT) ..."
  ./mvnw -B -q -ntp -DskipTests -Djacoco.skip=true package liberty:create liberty:deploy \
    -DlooseApplication=false -Dhttp.port="$HTTP_PORT" -Dhttps.port="$HTTPS_PORT" \
    -Dmanagement.port="$MANAGEMENT_PORT" >/dev/null
}

start_redis() {
  REDIS_BIN=$(ls target/redis/redis-server-* | head -1)
  chmod +x "$REDIS_BIN"
  mkdir -p "$STATE"
  "$REDIS_BIN" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    >"$STATE/redis.log" 2>&1 &
  echo $! >"$STATE/redis.pid"
}

# Starts the Liberty server; returns when `server start` returned (the JVM runs on).
launch() {
  JVM_ARGS="$SERVER_JVM_ARGS -DREDIS_URL=redis://127.0.0.1:$REDIS_PORT/0 \
    -DEMBEDDED_WORKER_PORT=$GRPC_PORT -DEMBEDDED_WORKER_HOLD_DEVICES=$HOLD_DEVICE \
    -Dotel.sdk.disabled=false -Dotel.traces.exporter=none \
    -Dotel.metrics.exporter=$METRICS_EXPORTER -Dotel.logs.exporter=none \
    $(limit_arg RATE_LIMIT_CALCULATE "$RATE_LIMIT_CALCULATE") \
    $(limit_arg RATE_LIMIT_STATUS "$RATE_LIMIT_STATUS") \
    $(limit_arg RATE_LIMIT_DOWNLOAD "$RATE_LIMIT_DOWNLOAD")" \
    env -u RATE_LIMIT_CALCULATE -u RATE_LIMIT_STATUS -u RATE_LIMIT_DOWNLOAD \
    "$WLP/bin/server" start "$SERVER" >"$STATE/server-start.log"
}

ready() {
  curl -fs "http://localhost:$MANAGEMENT_PORT/health/ready" >/dev/null 2>&1
}

start() {
  check_ports
  build
  start_redis
  local began
  began=$(date +%s%N)
  launch
  for _ in $(seq 1 1200); do
    if ready; then
      local seconds
      seconds=$(awk -v ns=$(($(date +%s%N) - began)) 'BEGIN { printf "%.1f", ns / 1e9 }')
      echo "Started in $seconds s" \
        "(server start to /health/ready = 200), server CPU $(cpu_seconds "$(cat "$PID_FILE")") s"
      cat >"$STATE/env" <<ENV
BASE_URL=http://localhost:$HTTP_PORT
MANAGEMENT_URL=http://localhost:$MANAGEMENT_PORT
GRPC_PORT=$GRPC_PORT
REDIS_PORT=$REDIS_PORT
SERVER_PID=$(cat "$PID_FILE")
REDIS_PID=$(cat "$STATE/redis.pid")
RATE_LIMITS="calculate=$RATE_LIMIT_CALCULATE status=$RATE_LIMIT_STATUS download=$RATE_LIMIT_DOWNLOAD (per minute unless N/Ws)"
HOLD_DEVICE=$HOLD_DEVICE
METRICS_EXPORTER=$METRICS_EXPORTER
STARTUP_SECONDS=$seconds
ENV
      echo "Ready: http://localhost:$HTTP_PORT (pid $(cat "$PID_FILE")), embedded worker on" \
        "127.0.0.1:$GRPC_PORT, Redis on 127.0.0.1:$REDIS_PORT; rate limits:" \
        "calculate=$RATE_LIMIT_CALCULATE status=$RATE_LIMIT_STATUS download=$RATE_LIMIT_DOWNLOAD"
      return 0
    fi
    sleep 0.1
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
    local redis_pid
    redis_pid=$(cat "$STATE/redis.pid")
    kill "$redis_pid" 2>/dev/null || true
    # Wait (up to 5 s) until it is gone, so that a start right after finds its port free.
    for _ in $(seq 50); do
      kill -0 "$redis_pid" 2>/dev/null || break
      sleep 0.1
    done
    rm -f "$STATE/redis.pid"
  fi
  rm -f "$STATE/env"
  echo "Stopped the benchmark server and its Redis"
}

# User + system CPU seconds a process has used (/proc/PID/stat, clock ticks).
cpu_seconds() { # pid
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"
}

# Start-up time of the packaged server, as a deployment sees it: from `server start` (a new JVM)
# to the first 200 of /health/ready, polled every 0.1 s. The first start after the build also
# fills Liberty's caches (workarea, class cache); the later ones are the "second start".
startup() { # count
  check_ports
  build
  start_redis
  local times=() cpus=()
  for i in $(seq 1 "$1"); do
    local began ended
    began=$(date +%s%N)
    launch
    for _ in $(seq 1 1200); do
      ready && break
      sleep 0.1
    done
    ready || { echo "start $i: not ready after 120 s" >&2; stop; exit 1; }
    ended=$(date +%s%N)
    times+=("$(awk -v ns=$((ended - began)) 'BEGIN { printf "%.1f", ns / 1e9 }')")
    cpus+=("$(cpu_seconds "$(cat "$PID_FILE")")")
    echo "start $i: ready after ${times[-1]} s, server CPU ${cpus[-1]} s (pid $(cat "$PID_FILE"))"
    "$WLP/bin/server" stop "$SERVER" >/dev/null
  done
  echo "Start-up times (s), first start first: ${times[*]}"
  echo "Server CPU seconds until ready (less sensitive to other work on the machine): ${cpus[*]}"
  echo "Where a start spends its time: $WLP/usr/servers/$SERVER/logs/messages.log (timestamps)"
  stop
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) cat "$STATE/env" 2>/dev/null || echo "not running" ;;
  startup) startup "${2:-5}" ;;
  *) echo "usage: $0 start|stop|status|startup [N]" >&2; exit 2 ;;
esac
