#!/usr/bin/env bash
# What PERSISTENCE=1 costs and how fast a server with large state starts: launches INSTANCES instances (one
# RunInstances each) and puts OBJECTS 1 KiB objects, CLIENTS at a time, on a server without and one with persistence,
# kills the persistent one with SIGKILL, and times a new one on the same data directory from process start to
# "Ready."; then checks every instance and object is listed.
#   benchmark/persist-bench.sh
#   INSTANCES=1000 OBJECTS=10000 CLIENTS=4 HEAP=512m benchmark/persist-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
INSTANCES=${INSTANCES:-1000}
OBJECTS=${OBJECTS:-10000}
CLIENTS=${CLIENTS:-4}
HEAP=${HEAP:-512m}
JAR=emulator-app/target/cloudjar.jar
[ -f "$JAR" ] || ./mvnw -B -q -pl emulator-app -am package -DskipTests
. benchmark/lib.sh
CLIENT_CLASSPATH=$(client_classpath)
DATA=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$DATA"; }
trap cleanup EXIT

PORT=
PID=
READY_MS=
start() { # $1: log name, $2: PERSISTENCE value; sets PORT, PID and READY_MS (process start to Ready.)
    PORT=$(free_port)
    local began; began=$(date +%s%N)
    PERSISTENCE=$2 DATA_DIR="$DATA/data-$2" REQUEST_LOG_LEVEL=WARN java -Xmx"$HEAP" -jar "$JAR" --port "$PORT" > "$DATA/$1.log" 2>&1 &
    PID=$!
    PIDS+=("$PID")
    until grep -q "Ready\." "$DATA/$1.log" 2>/dev/null; do
        kill -0 "$PID" 2>/dev/null || { cat "$DATA/$1.log" >&2; exit 1; }
        sleep 0.01
    done
    READY_MS=$(( ($(date +%s%N) - began) / 1000000 ))
}
drive() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=off -cp "$CLIENT_CLASSPATH" benchmark/PersistBench.java "$@" 2>>"$DATA/client.err" || { cat "$DATA/client.err" >&2; exit 1; }; }

start memory 0
echo "in memory:  $(drive fill "http://127.0.0.1:$PORT" "$INSTANCES" "$OBJECTS" "$CLIENTS")"
kill "$PID"
start persistent 1
echo "persistent: $(drive fill "http://127.0.0.1:$PORT" "$INSTANCES" "$OBJECTS" "$CLIENTS")"
kill -9 "$PID"
start restarted 1
echo "start_with_state_ms $READY_MS (process start to Ready., $INSTANCES instances with their interfaces and volumes, $OBJECTS objects; state file $(du -sh "$DATA/data-1/state" | cut -f1))"
echo "after restart: $(drive count "http://127.0.0.1:$PORT")"
echo "(server heap ${HEAP}; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
