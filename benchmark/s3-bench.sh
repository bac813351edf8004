#!/usr/bin/env bash
# S3 benchmark: Cloudjar against moto_server in the same run, on this machine.
#   benchmark/s3-bench.sh                   # 16 clients, 10 s per small-object phase, 1 GiB large object
#   CLIENTS=16 SECONDS_PER_PHASE=10 LARGE_MIB=1024 SKIP_MOTO=1 benchmark/s3-bench.sh
# Each small-object phase is preceded by 5 s of uncounted warm-up (the JVM's JIT compiler).
# Prints 4 KiB PUT/GET ops/s, large PUT/GET MB/s and server RSS before/after for both, and the ratios.
# Cloudjar runs with a 256 MB heap: a 1 GiB upload that were buffered in memory could not pass.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-16}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-10}
LARGE_MIB=${LARGE_MIB:-1024}
JAR=emulator-app/target/cloudjar.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
DATA=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$DATA"; }
trap cleanup EXIT

. benchmark/lib.sh
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

declare -A RESULT
bench() { # name pid port
    local name=$1 pid=$2 port=$3
    RESULT[$name.rss_before]=$(rss_mb "$pid")
    local out
    out=$(java benchmark/S3Bench.java "http://127.0.0.1:$port" "$CLIENTS" "$SECONDS_PER_PHASE" "$LARGE_MIB")
    while read -r key value; do RESULT[$name.$key]=$value; done <<< "$out"
    RESULT[$name.rss_after]=$(rss_mb "$pid")
}

port=$(free_port)
DATA_DIR=$DATA REQUEST_LOG_LEVEL=WARN java -Xmx256m -jar "$JAR" --port "$port" > "$DATA/cloudjar.log" 2>&1 &
PIDS+=($!); wait_for "$port"; bench cloudjar "${PIDS[-1]}" "$port"

names=(cloudjar)
case "${SKIP_MOTO:-0}" in 0|false|no|"") run_moto=1 ;; *) run_moto= ;; esac  # SKIP_MOTO=0 runs moto too
if [ -n "$run_moto" ] && command -v moto_server > /dev/null; then
    port=$(free_port)
    moto_server -p "$port" > "$DATA/moto.log" 2>&1 &
    PIDS+=($!); wait_for "$port"; bench moto "${PIDS[-1]}" "$port"
    names+=(moto)
fi

printf '\n%-24s' "figure"; for n in "${names[@]}"; do printf '%14s' "$n"; done
[ ${#names[@]} -gt 1 ] && printf '%14s' "cloudjar/moto"; printf '\n'
for key in small_put_ops_per_s small_get_ops_per_s large_put_mb_per_s large_get_mb_per_s rss_before rss_after; do
    printf '%-24s' "$key"
    for n in "${names[@]}"; do printf '%14s' "${RESULT[$n.$key]:--}"; done
    if [ ${#names[@]} -gt 1 ] && [[ $key != rss_* ]]; then
        awk -v a="${RESULT[cloudjar.$key]:-0}" -v b="${RESULT[moto.$key]:-0}" 'BEGIN { if (b > 0) printf "%13.1fx", a / b; else printf "%14s", "-" }'
    fi
    printf '\n'
done
echo "(${CLIENTS} clients, ${SECONDS_PER_PHASE} s per small-object phase, 4 KiB objects, large object ${LARGE_MIB} MiB; RSS in MB; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
