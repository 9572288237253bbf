#!/usr/bin/env bash
# The headline benchmark in one command: builds, starts the benchmark server with its own Redis
# (bench/bench-server.sh), runs io.oteldemo.load.bench.HeadlineBenchmark against it, prints the
# table, the budget (PASS/FAIL; its start-up line is this run's server start), the server's RSS
# every 10 s, and stops everything, also on failure. Targets: (1) a completed job's status, (2) whoami, (3) the worker's gRPC directly,
# (4) a processing job's status (pays the gRPC call to the worker on every request).
#
#   bench/run-headline.sh                      # 10 clients; 60 s warm-up per target, then 60 s each
#   CLIENTS=10 WARMUP=60 DURATION=300 bench/run-headline.sh
#   CLIENTS=10 WARMUP=30 DURATION=30 TARGETS=1,2 bench/run-headline.sh   # a short A/B run
#   BENCH_JFR=1 bench/run-headline.sh          # also records target/bench/headline.jfr
#   BENCH_NMT=on bench/run-headline.sh         # also prints Native Memory Tracking's summary
# The server's own settings (BENCH_METRICS, BENCH_SERVER_JVM_ARGS, ...): bench/bench-server.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${CLIENTS:-10}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-60}
TARGETS=${TARGETS:-}

trap 'bench/bench-server.sh stop' EXIT
bench/bench-server.sh start
# shellcheck source=/dev/null
. target/bench/env

echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Server JVM options: $(tr '\0' '\n' <"/proc/$SERVER_PID/cmdline" | grep -E '^-(X|XX:)' | tr '\n' ' ')"
echo "Server environment: MALLOC_ARENA_MAX=$(tr '\0' '\n' <"/proc/$SERVER_PID/environ" 2>/dev/null \
  | sed -n 's/^MALLOC_ARENA_MAX=//p')"
if [ "${BENCH_JFR:-0}" = 1 ]; then
  jcmd "$SERVER_PID" JFR.start name=headline settings=profile \
    filename="$PWD/target/bench/headline.jfr" >/dev/null
fi
./mvnw -B -ntp -q -Pload -Djacoco.skip=true test-compile exec:exec@headline \
  -Dheadline.args="baseUrl=$BASE_URL grpcPort=$GRPC_PORT serverPid=$SERVER_PID redisPid=$REDIS_PID users=$CLIENTS warmup=$WARMUP duration=$DURATION heldDevice=$HOLD_DEVICE startup=$STARTUP_SECONDS only=$TARGETS"
if [ "${BENCH_JFR:-0}" = 1 ]; then
  jcmd "$SERVER_PID" JFR.stop name=headline >/dev/null
  echo "JFR recording: target/bench/headline.jfr"
fi
echo "Server: rate limits $RATE_LIMITS; tracing on (exporter none); metrics exporter $METRICS_EXPORTER."
echo "The 'others' column is CPU time of other processes during each measurement: near 0 means"
echo "the run was undisturbed."
