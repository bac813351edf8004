#!/usr/bin/env bash
# Prints how long `java -jar cloudjar.jar` takes from process start to its "Ready." line, and the
# resident memory right after, over several runs. Build first: ./mvnw -B -q package -DskipTests
#   benchmark/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=emulator-app/target/cloudjar.jar
RUNS=${1:-5}
[ -f "$JAR" ] || { echo "missing $JAR: run ./mvnw -B -q package -DskipTests first" >&2; exit 1; }
times=()
for i in $(seq 1 "$RUNS"); do
  log=$(mktemp)
  start=$(date +%s%N)
  java -jar "$JAR" --port 0 >"$log" 2>&1 &
  pid=$!
  until grep -q "Ready\." "$log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  printf 'run %d: %4d ms to Ready., RSS %d MB\n' "$i" "$ms" $((rss / 1024))
  rm -f "$log"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( RUNS / 2 ))]} ms from process start to Ready. (JVM start included)"
