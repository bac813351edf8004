# Shared by the benchmark scripts (sourced, not run): finding a free loopback port and waiting for a server on it.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.2; done; echo "server on $1 did not start" >&2; exit 1; }
# The drivers' classpath (the SDK clients of benchmark/pom.xml), resolved once and again when the pom changes.
client_classpath() {
    local file=emulator-app/target/benchmark-clients.classpath
    if [ ! -s "$file" ] || [ benchmark/pom.xml -nt "$file" ]; then
        ./mvnw -B -q ${MAVEN_FLAGS:-} -f benchmark/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$file" >&2
    fi
    cat "$file"
}
