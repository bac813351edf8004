#!/usr/bin/env bash
# Soak test: 32 concurrent AWS SDK v2 clients against Cloudjar started from the packaged jar, for a bounded time.
#   benchmark/soak.sh [minutes] [clients]          # 10 minutes, 32 clients
#   HEAP=512m SERVER_JAVA_OPTS= SOAK_OPTS="-Dsoak.bigMiB=100 -Dsoak.warmup=60" benchmark/soak.sh 10 32
# A weighted random mix of S3 (small objects read back and compared, ranges, copies, listings, DeleteObjects,
# keys shared by all clients, bucket create/delete, 3 x 5 MiB multipart uploads completed or aborted, 100 MiB
# objects streamed up and down, at most 2 at once), EC2/VPC (VPC, subnet, security group and ingress rule,
# t2.micro instances, all deleted once terminated; describes), IAM (users with an inline policy and an access key
# that then signs an STS call; all deleted) and STS (GetCallerIdentity, AssumeRole then calls as the session).
# Loopback only: the server listens on 127.0.0.1 on a free port, with a temporary DATA_DIR removed at the end.
# Prints every 10 s the server's RSS, open descriptors, threads and data directory size, then a summary: calls,
# calls/s, errors by class, p50/p99/max per operation, RSS/descriptors at start, after warm-up and at the end.
# Exits 1 if any call answered 5xx, hung (passed 60 s, 5 min for 100 MiB) or read back other bytes than written.
# Output, server log, client stderr and (if a call hangs) a server thread dump are kept in $SOAK_OUT (default: a
# new /tmp/cloudjar-soak.* directory). The server's live heap is measured after a full GC (jcmd GC.run) at the end
# of the warm-up and of the load; -Dsoak.gcProbe=false in SOAK_OPTS leaves the server's GC alone.
# MAVEN_FLAGS is passed to ./mvnw when the jar or the client classpath must be made (e.g. "-o -Dmaven.repo.local=...").
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}
CLIENTS=${2:-32}
HEAP=${HEAP:-512m}
JAR=emulator-app/target/cloudjar.jar
[ -f "$JAR" ] || ./mvnw -B -q ${MAVEN_FLAGS:-} package -DskipTests
. benchmark/lib.sh
CLIENT_CLASSPATH=$(client_classpath)
OUT=${SOAK_OUT:-$(mktemp -d /tmp/cloudjar-soak.XXXXXX)}
mkdir -p "$OUT"
DATA=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

port=$(free_port)
DATA_DIR=$DATA REQUEST_LOG_LEVEL=WARN java -Xmx"$HEAP" ${SERVER_JAVA_OPTS:-} -jar "$JAR" --port "$port" > "$OUT/cloudjar.log" 2>&1 &
PID=$!
wait_for "$port"
seconds=$(awk -v m="$MINUTES" 'BEGIN { printf "%d", m * 60 }')
set +e
java -Xmx256m -cp "$CLIENT_CLASSPATH" -Dsoak.out="$OUT" ${SOAK_OPTS:-} benchmark/Soak.java "http://127.0.0.1:$port" "$seconds" "$CLIENTS" \
    "$PID" "$DATA" 2> "$OUT/client.err" | tee "$OUT/soak.out"
rc=${PIPESTATUS[0]}
set -e
if ! kill -0 "$PID" 2>/dev/null; then
    echo "the server exited during the run; the end of its log:"; tail -50 "$OUT/cloudjar.log"; rc=1
fi
if [ "$rc" -gt 1 ]; then
    echo "the soak driver failed (exit $rc):"; tail -30 "$OUT/client.err"
fi
problems=$(grep -c -E ' (ERROR|WARN) |Exception' "$OUT/cloudjar.log" || true)
echo "server log: $problems ERROR/WARN/exception lines in $OUT/cloudjar.log"
if [ "$problems" -gt 0 ]; then  # the most frequent, without their time stamps
    grep -E ' (ERROR|WARN) |Exception' "$OUT/cloudjar.log" | cut -d' ' -f2- | cut -c1-200 | sort | uniq -c | sort -rn | head -10
fi
echo "(server heap ${HEAP}; ${CLIENTS} clients, ${seconds} s; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg); output in $OUT)"
exit "$rc"
