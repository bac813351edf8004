#!/bin/sh
# Starts Cloudjar in the container; installed as /usr/local/bin/docker-entrypoint.sh, the path Testcontainers'
# LocalStackContainer runs after replacing the image's entrypoint. It execs java, so the JVM takes this process's
# place and receives SIGTERM from `docker stop` itself (Cloudjar stops cleanly on it and removes its S3 bodies).
#
#   CLOUDJAR_JAR  the jar to run (default /opt/cloudjar/cloudjar.jar)
#   JAVA_OPTS     JVM options, split on spaces (default: serial GC and C1 only, for a fast start in a small container)
#   arguments     passed to cloudjar.jar (--port N, --host H)
set -eu

jar="${CLOUDJAR_JAR:-/opt/cloudjar/cloudjar.jar}"
if [ ! -r "$jar" ]; then
    echo "docker-entrypoint.sh: cannot read $jar (set CLOUDJAR_JAR)" >&2
    exit 1
fi

# S3 bodies go to DATA_DIR: a volume mounted from the host must be writable by this user.
if [ -n "${DATA_DIR:-}" ]; then
    mkdir -p "$DATA_DIR" 2>/dev/null || true
    if [ ! -w "$DATA_DIR" ]; then
        echo "docker-entrypoint.sh: DATA_DIR $DATA_DIR is not writable by uid $(id -u); S3 writes will fail" >&2
    fi
fi

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
else
    java=java
fi

# The default JVM options. The image's class-data-sharing archive (cds-archive.sh) was written with exactly these and
# the image's jar, so it joins them only then.
default_opts="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
archive=/opt/cloudjar/cloudjar.jsa
if [ "$jar" = /opt/cloudjar/cloudjar.jar ] && [ -r "$archive" ]; then
    default_opts="$default_opts -XX:SharedArchiveFile=$archive"
fi

# JAVA_OPTS is split into words on purpose: it holds several options (unset: the defaults above; empty: none).
# shellcheck disable=SC2086
exec "$java" ${JAVA_OPTS-$default_opts} -jar "$jar" "$@"
