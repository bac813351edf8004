#!/usr/bin/env bash
# Start-up time and memory of the server as the README starts it (`java -jar cloudjar.jar`, no JVM flags), over
# several runs, with medians: the time from `java -jar` to its "Ready." line, the resident memory (RSS) once idle
# start-up has settled, how long the first call to each of the six services takes (its API's first use: lazy
# catalogues, class loading, JIT), and RSS after those six calls. Issue 19's targets: idle ≤ 120 MB, after the six
# services ≤ 250 MB. Build first: ./mvnw -B -q package -DskipTests
#   benchmark/startup.sh [runs]              # 3 runs by default
#   JAR=/path/to/cloudjar.jar SETTLE_SECONDS=5 benchmark/startup.sh 5
# The calls are signed by curl (--aws-sigv4), so that their times are the server's and not a CLI's start-up. CPU
# figures (from /proc) move much less than wall times when other work shares the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-emulator-app/target/cloudjar.jar}
RUNS=${1:-3}
SETTLE_SECONDS=${SETTLE_SECONDS:-5}  # idle RSS is read this long after Ready. (the idle trim and JIT have ended)
[ -f "$JAR" ] || { echo "missing $JAR: run ./mvnw -B -q package -DskipTests first" >&2; exit 1; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
# CPU (user + kernel, all threads) the process has used, in ms: start-up's cost even when the machine is busy
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.0f", ($12 + $13) * 1000 / hz }' "/proc/$1/stat"; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The six services' first calls (the same as s3-bench.sh's): name, signing name, then curl's arguments after the URL.
CALLS=(
    "s3:list-buckets|s3|"
    "ec2:describe-vpcs|ec2|-d Action=DescribeVpcs&Version=2016-11-15"
    "ec2:describe-images|ec2|-d Action=DescribeImages&Version=2016-11-15&Owner.1=amazon&MaxResults=5"
    "iam:create-user|iam|-d Action=CreateUser&Version=2010-05-08&UserName=bench"
    "rds:describe-db-engine-versions|rds|-d Action=DescribeDBEngineVersions&Version=2014-10-31&Engine=postgres&MaxRecords=20"
    "lightsail:get-bundles|lightsail|-H X-Amz-Target:Lightsail_20161128.GetBundles -H Content-Type:application/x-amz-json-1.1 -d {}"
)
call() { # port signing-name curl-arguments...: prints the call's milliseconds, fails on a status other than 200
    local port=$1 service=$2; shift 2
    local out
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --aws-sigv4 "aws:amz:us-east-1:$service" --user test:test \
        "http://127.0.0.1:$port/" "$@")
    [ "${out%% *}" = 200 ] || { echo "$service call answered ${out%% *}" >&2; return 1; }
    awk -v s="${out#* }" 'BEGIN { printf "%.0f", s * 1000 }'
}

declare -A FIG
log=$(mktemp); pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -f "$log"' EXIT
for i in $(seq 1 "$RUNS"); do
    : > "$log"
    start=$(date +%s%N)
    java -jar "$JAR" --port 0 > "$log" 2>&1 &
    pid=$!
    until grep -q "Ready\." "$log"; do
        kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
        sleep 0.01
    done
    end=$(date +%s%N)
    ready=$(( (end - start) / 1000000 ))
    cpu=$(cpu_ms "$pid")
    rss_ready=$(rss_mb "$pid")
    sleep "$SETTLE_SECONDS"
    idle=$(rss_mb "$pid")
    port=$(grep -o '(port [0-9]*)' "$log" | head -1 | tr -dc 0-9)
    line=$(printf 'run %d: %5d ms to Ready. (CPU %5d ms), RSS %3d MB at Ready., %3d MB idle; first calls ms (server CPU ms):' \
        "$i" "$ready" "$cpu" "$rss_ready" "$idle")
    FIG[ready]+=" $ready"; FIG[cpu]+=" $cpu"; FIG[idle]+=" $idle"
    for c in "${CALLS[@]}"; do
        IFS='|' read -r name service args <<< "$c"
        # shellcheck disable=SC2086 # the arguments are split on purpose
        before=$(cpu_ms "$pid")
        ms=$(call "$port" "$service" $args)
        used=$(( $(cpu_ms "$pid") - before ))
        FIG[$name]+=" $ms"; FIG[$name.cpu]+=" $used"; line+=" $name $ms ($used)"
    done
    six=$(rss_mb "$pid")
    FIG[six]+=" $six"
    echo "$line; RSS after the six: $six MB"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
echo "medians of $RUNS runs ($(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg)):"
printf '  %-38s %6s ms (JVM start included)\n' "start-up to Ready." "$(median ${FIG[ready]})"
printf '  %-38s %6s ms (user + kernel, all threads)\n' "CPU used by Ready." "$(median ${FIG[cpu]})"
printf '  %-38s %6s MB (target <= 120)\n' "RSS idle, ${SETTLE_SECONDS} s after Ready." "$(median ${FIG[idle]})"
printf '  %-38s %6s MB (target <= 250)\n' "RSS after one call to each service" "$(median ${FIG[six]})"
for c in "${CALLS[@]}"; do
    name=${c%%|*}
    printf '  first %-32s %6s ms, server CPU %5s ms\n' "$name" "$(median ${FIG[$name]})" "$(median ${FIG[$name.cpu]})"
done
