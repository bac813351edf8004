#!/usr/bin/env bash
# What enforcing IAM costs: two servers from the packaged jar, one plain and one with ENFORCE_IAM=1, and the same IAM
# user calling S3 4 KiB GetObject and EC2 DescribeVpcs on both (IamBench.java), rounds alternating between them.
#   benchmark/iam-bench.sh
#   CLIENTS=8 SECONDS_PER_ROUND=5 ROUNDS=3 HEAP=512m benchmark/iam-bench.sh
# Prints ops/s with enforcement off and on, and the cost in percent (issue target: < 10%).
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-8}
SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-5}
ROUNDS=${ROUNDS:-3}
HEAP=${HEAP:-512m}
JAR=emulator-app/target/cloudjar.jar
[ -f "$JAR" ] || ./mvnw -B -q -pl emulator-app -am package -DskipTests
. benchmark/lib.sh
CLIENT_CLASSPATH=$(client_classpath)
DATA=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$DATA"; }
trap cleanup EXIT

start() { # $1: name, $2: ENFORCE_IAM value
    local port; port=$(free_port)
    mkdir -p "$DATA/$1"
    DATA_DIR="$DATA/$1" ENFORCE_IAM=$2 REQUEST_LOG_LEVEL=WARN java -Xmx"$HEAP" -jar "$JAR" --port "$port" > "$DATA/$1.log" 2>&1 &
    PIDS+=($!)
    wait_for "$port"
    echo "http://127.0.0.1:$port"
}
off=$(start off 0)
on=$(start on 1)
java -cp "$CLIENT_CLASSPATH" benchmark/IamBench.java "$off" "$on" "$CLIENTS" "$SECONDS_PER_ROUND" "$ROUNDS" \
    2> "$DATA/client.err" || { cat "$DATA/client.err" >&2; tail -30 "$DATA/on.log" >&2; exit 1; }
echo "(server heap ${HEAP}; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
