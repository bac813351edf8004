#!/usr/bin/env bash
# EC2 benchmark: the AWS SDK v2 Ec2Client against Cloudjar started from the packaged jar, on this machine.
#   benchmark/ec2-bench.sh            # 10,000 instances in 100 VPCs, 100 per RunInstances call, 200 samples per query
#   INSTANCES=10000 VPCS=100 BATCH=100 SAMPLES=200 EC2_TRANSITION_SCALE=1 HEAP=512m benchmark/ec2-bench.sh
# Prints RunInstances time and instances/s for the first 1,000 instances and for all, DescribeInstances
# latency p50/p99/max (by instance id, filter vpc-id, filter tag:Name, instance-state-name=running pages of
# 1,000, a full unfiltered paged scan), and the server's RSS before, after setup and at the end.
# SERVER_JAVA_OPTS adds JVM options to the server, e.g. -XX:StartFlightRecording=filename=/tmp/ec2.jfr to profile.
# EC2_TRANSITION_SCALE keeps its default (1: instances boot and stop in 1 s), so states really move.
set -euo pipefail
cd "$(dirname "$0")/.."
INSTANCES=${INSTANCES:-10000}
VPCS=${VPCS:-100}
BATCH=${BATCH:-100}
SAMPLES=${SAMPLES:-200}
HEAP=${HEAP:-512m}
export EC2_TRANSITION_SCALE=${EC2_TRANSITION_SCALE:-1}
JAR=emulator-app/target/cloudjar.jar
[ -f "$JAR" ] || ./mvnw -B -q -pl emulator-app -am package -DskipTests
. benchmark/lib.sh
CLIENT_CLASSPATH=$(client_classpath)
DATA=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

port=$(free_port)
DATA_DIR=$DATA REQUEST_LOG_LEVEL=WARN java -Xmx"$HEAP" ${SERVER_JAVA_OPTS:-} -jar "$JAR" --port "$port" > "$DATA/cloudjar.log" 2>&1 &
PID=$!
wait_for "$port"
rss_before=$(rss_mb "$PID")
java -cp "$CLIENT_CLASSPATH" benchmark/Ec2Bench.java "http://127.0.0.1:$port" \
    "$INSTANCES" "$VPCS" "$BATCH" "$SAMPLES" "$PID" 2> "$DATA/client.err" || { cat "$DATA/client.err" >&2; tail -50 "$DATA/cloudjar.log" >&2; exit 1; }
echo "rss_before_mb $rss_before"
echo "rss_after_mb $(rss_mb "$PID")"
echo "(server heap ${HEAP}, EC2_TRANSITION_SCALE=${EC2_TRANSITION_SCALE}; one client, calls in sequence; latencies end to end in the client; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
