#!/usr/bin/env bash
# The headline benchmark in one command: builds, starts the benchmark server with its own Redis
# (bench/bench-server.sh), runs io.oteldemo.load.bench.HeadlineBenchmark against it, prints the
# table, the ratios and the server's memory, and stops everything, also on failure.
#
#   bench/run-headline.sh                      # 10 clients; 60 s warm-up per target, then 60 s each
#   CLIENTS=10 WARMUP=60 DURATION=300 bench/run-headline.sh
#   BENCH_JFR=1 bench/run-headline.sh          # also records target/bench/headline.jfr
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${CLIENTS:-10}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-60}

trap 'bench/bench-server.sh stop' EXIT
bench/bench-server.sh start
# shellcheck source=/dev/null
. target/bench/env

echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${BENCH_JFR:-0}" = 1 ]; then
  jcmd "$SERVER_PID" JFR.start name=headline settings=profile \
    filename="$PWD/target/bench/headline.jfr" >/dev/null
fi
./mvnw -B -ntp -q -Pload -Djacoco.skip=true test-compile exec:exec@headline \
  -Dheadline.args="baseUrl=$BASE_URL grpcPort=$GRPC_PORT serverPid=$SERVER_PID redisPid=$REDIS_PID users=$CLIENTS warmup=$WARMUP duration=$DURATION"
if [ "${BENCH_JFR:-0}" = 1 ]; then
  jcmd "$SERVER_PID" JFR.stop name=headline >/dev/null
  echo "JFR recording: target/bench/headline.jfr"
fi
echo "Server: rate limits $RATE_LIMITS; tracing on (exporter none). The 'others' column is CPU"
echo "time of other processes during each measurement: near 0 means the run was undisturbed."
