#!/usr/bin/env bash
# Query-protocol form decoding: DescribeVpcs form POSTs with 5,000, 20,000 and 80,000 filters against
# Cloudjar started from the packaged jar; prints the median and minimum ms of each size (linear decoding:
# ms about proportional to the filter count).
#   benchmark/form-bench.sh                 # 5 samples of 5k, 20k, 80k filters
#   SAMPLES=9 SIZES="5000 20000 80000" HEAP=512m benchmark/form-bench.sh
# The driver uses only the JDK's HTTP client, so no classpath is resolved.
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLES=${SAMPLES:-5}
SIZES=${SIZES:-5000 20000 80000}
HEAP=${HEAP:-512m}
JAR=emulator-app/target/cloudjar.jar
[ -f "$JAR" ] || ./mvnw -B -q -pl emulator-app -am package -DskipTests
DATA=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

. benchmark/lib.sh
port=$(free_port)
DATA_DIR=$DATA REQUEST_LOG_LEVEL=WARN SERVICES=ec2 java -Xmx"$HEAP" ${SERVER_JAVA_OPTS:-} -jar "$JAR" --port "$port" > "$DATA/cloudjar.log" 2>&1 &
PID=$!
wait_for "$port"
# shellcheck disable=SC2086
java benchmark/FormBench.java "http://127.0.0.1:$port" "$SAMPLES" $SIZES || { tail -50 "$DATA/cloudjar.log" >&2; exit 1; }
echo "(server heap ${HEAP}; one client, forms posted in sequence, end to end in the client; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
