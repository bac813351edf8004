#!/usr/bin/env bash
# S3 benchmark: Cloudjar and, with --peers, the client's ceiling and other S3 servers, in the same run on this machine.
#   benchmark/s3-bench.sh                   # Cloudjar (and moto_server when installed), 16 clients, 10 s phases, 1 GiB
#   benchmark/s3-bench.sh --peers           # + a do-nothing HTTP server (the client's ceiling), Cloudjar with
#                                           #   PERSISTENCE=1, s3proxy (Maven Central, filesystem backend, no auth)
#   CLIENTS=16 SECONDS_PER_PHASE=10 WARMUP_SECONDS=45 LARGE_MIB=1024 CLIENT=sdk SKIP_MOTO=1 benchmark/s3-bench.sh [--peers]
# Each small-object phase is preceded by 45 s of uncounted warm-up: on two cores shared by 16 client threads, the JIT
# compilers of the server and of the client are still at work 15 s in (the server's C2 thread took 18% of its CPU in a
# GET phase after 15 s), and shorter warm-ups measure compilation more than serving. Small requests are made
# by the AWS SDK's S3Client (CLIENT=sdk, the default, as a user's suite would) or by plain signed sockets (CLIENT=raw:
# a much cheaper client, which shows server differences the SDK's own cost hides); large transfers by plain sockets.
# Prints, per server: 4 KiB PUT/GET ops/s and their share of the ceiling, p99 latency, the server's CPU time per
# request (user + kernel, from /proc: far less sensitive than ops/s to other work on the machine), large PUT/GET
# MB/s with PUT as a share of what one core digests MD5 at (measured in the same run), and RSS idle, after one call to
# each of the six services (Cloudjar only) and after the run.
# s3proxy is taken from the local Maven repository (MAVEN_REPO, default ~/.m2/repository), fetched there when missing.
# Cloudjar runs with a 256 MB heap: a 1 GiB upload that were buffered in memory could not pass.
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS=
for arg in "$@"; do
    case "$arg" in
        --peers) PEERS=1 ;;
        *) echo "usage: $0 [--peers]" >&2; exit 2 ;;
    esac
done
CLIENTS=${CLIENTS:-16}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-10}
LARGE_MIB=${LARGE_MIB:-1024}
CLIENT=${CLIENT:-sdk}
S3PROXY_VERSION=${S3PROXY_VERSION:-2.7.0}
JAR=${JAR:-emulator-app/target/cloudjar.jar}  # another build to compare: JAR=/path/to/cloudjar.jar
[ -f "$JAR" ] || ./mvnw -B -q ${MAVEN_FLAGS:-} package -DskipTests
DATA=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$DATA"; }
trap cleanup EXIT

. benchmark/lib.sh
CLIENT_CLASSPATH=$(client_classpath)
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
# Idle RSS: 5 s after the server answers, as benchmark/startup.sh measures it (Cloudjar trims its heap after Ready.).
idle_rss_mb() { sleep 5; rss_mb "$1"; }

declare -A RESULT
names=()
bench() { # name pid port [extra java options for S3Bench]
    local name=$1 pid=$2 port=$3
    shift 3
    names+=("$name")
    RESULT[$name.rss_idle]=${RESULT[$name.rss_idle]:-$(idle_rss_mb "$pid")}
    local out
    out=$(java -Dorg.slf4j.simpleLogger.defaultLogLevel=off -cp "$CLIENT_CLASSPATH" -Dclient="$CLIENT" \
        -Dserver.pid="$pid" -Dclock.ticks="$(getconf CLK_TCK)" -Dwarmup="${WARMUP_SECONDS:-45}" "$@" \
        benchmark/S3Bench.java "http://127.0.0.1:$port" "$CLIENTS" "$SECONDS_PER_PHASE" "$LARGE_MIB" 2>"$DATA/$name.client.err") \
        || { echo "$name: the benchmark client failed:" >&2; cat "$DATA/$name.client.err" >&2; exit 1; }
    while read -r key value; do RESULT[$name.$key]=$value; done <<< "$out"
    RESULT[$name.rss_after]=$(rss_mb "$pid")
    kill "$pid" 2>/dev/null || true
}

# One call to each of Cloudjar's six services (S3, VPC and EC2 networking, EC2 compute, IAM, RDS, Lightsail).
touch_services() { # port
    local aws=(aws --endpoint-url "http://127.0.0.1:$1" --region us-east-1 --output json)
    export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
    "${aws[@]}" s3api list-buckets > /dev/null
    "${aws[@]}" ec2 describe-vpcs > /dev/null
    "${aws[@]}" ec2 describe-images --owners amazon --max-items 5 > /dev/null
    "${aws[@]}" iam create-user --user-name bench > /dev/null
    "${aws[@]}" rds describe-db-engine-versions --engine postgres --max-items 5 > /dev/null
    "${aws[@]}" lightsail get-bundles > /dev/null
}

cloudjar() { # name persistence
    local port; port=$(free_port)
    PERSISTENCE=$2 DATA_DIR="$DATA/$1" REQUEST_LOG_LEVEL=WARN java -Xmx256m -jar "$JAR" --port "$port" > "$DATA/$1.log" 2>&1 &
    local pid=$!
    PIDS+=("$pid"); wait_for "$port"
    RESULT[$1.rss_idle]=$(idle_rss_mb "$pid")
    if command -v aws > /dev/null; then
        touch_services "$port" && RESULT[$1.rss_six_services]=$(rss_mb "$pid")
    fi
    bench "$1" "$pid" "$port"
}

if [ -n "$PEERS" ]; then
    port=$(free_port)
    java benchmark/DoNothingServer.java "$port" > "$DATA/ceiling.log" 2>&1 &
    PIDS+=($!); wait_for "$port"; bench ceiling "${PIDS[-1]}" "$port" -Dlarge.get=false
fi

cloudjar cloudjar 0
[ -n "$PEERS" ] && cloudjar cloudjar-persist 1

if [ -n "$PEERS" ]; then
    s3proxy_jar=${MAVEN_REPO:-$HOME/.m2/repository}/org/gaul/s3proxy/$S3PROXY_VERSION/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar
    [ -f "$s3proxy_jar" ] || ./mvnw -B -q ${MAVEN_FLAGS:-} dependency:get \
        -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" -Dtransitive=false >&2 || true
    if [ -f "$s3proxy_jar" ]; then
        port=$(free_port)
        mkdir -p "$DATA/s3proxy"
        printf '%s\n' "s3proxy.endpoint=http://127.0.0.1:$port" "s3proxy.authorization=none" \
            "jclouds.provider=filesystem" "jclouds.filesystem.basedir=$DATA/s3proxy" > "$DATA/s3proxy.conf"
        java -jar "$s3proxy_jar" --properties "$DATA/s3proxy.conf" > "$DATA/s3proxy.log" 2>&1 &
        PIDS+=($!); wait_for "$port"; bench s3proxy "${PIDS[-1]}" "$port"
    else
        echo "s3proxy $S3PROXY_VERSION not found in ${MAVEN_REPO:-~/.m2/repository} (MAVEN_REPO) and not fetched: left out" >&2
    fi
fi

case "${SKIP_MOTO:-0}" in 0|false|no|"") run_moto=1 ;; *) run_moto= ;; esac  # SKIP_MOTO=0 runs moto too
if [ -n "$run_moto" ] && command -v moto_server > /dev/null; then
    port=$(free_port)
    moto_server -p "$port" > "$DATA/moto.log" 2>&1 &
    PIDS+=($!); wait_for "$port"; bench moto "${PIDS[-1]}" "$port"
fi

# Shares: small ops/s of the ceiling's (when measured), large PUT of the MD5 rate measured in the same client run.
for n in "${names[@]}"; do
    for key in small_put small_get; do
        RESULT[$n.${key}_of_ceiling]=$(awk -v a="${RESULT[$n.${key}_ops_per_s]:-0}" -v b="${RESULT[ceiling.${key}_ops_per_s]:-0}" \
            'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "-" }')
    done
    RESULT[$n.large_put_of_md5]=$(awk -v a="${RESULT[$n.large_put_mb_per_s]:-0}" -v b="${RESULT[$n.md5_mb_per_s]:-0}" \
        'BEGIN { if (b > 0 && a > 0) printf "%.0f%%", 100 * a / b; else print "-" }')
done

printf '\n%-28s' "figure"; for n in "${names[@]}"; do printf '%17s' "$n"; done; printf '\n'
for key in small_put_ops_per_s small_put_of_ceiling small_put_p99_ms small_put_server_cpu_us small_put_server_kernel_us \
    small_get_ops_per_s small_get_of_ceiling small_get_p99_ms small_get_server_cpu_us small_get_server_kernel_us \
    md5_mb_per_s large_put_mb_per_s large_put_of_md5 large_get_mb_per_s rss_idle rss_six_services rss_after; do
    printf '%-28s' "$key"
    for n in "${names[@]}"; do printf '%17s' "${RESULT[$n.$key]:--}"; done
    printf '\n'
done
echo "(${CLIENT} client, ${CLIENTS} threads, ${SECONDS_PER_PHASE} s per small-object phase, 4 KiB objects, large object ${LARGE_MIB} MiB;"
echo " server CPU in µs per request (kernel part beside it); RSS in MB; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg):"
echo " ops/s and MB/s are contended when the load exceeds the CPUs, CPU per request much less so)"
