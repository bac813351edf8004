package io.cloudjar.rds.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Real PostgreSQL servers from the binaries on this machine ({@link PostgresBinaries}), one process per instance,
 * each with its data directory under {@code dataDir}. Servers start in the background: creating an instance
 * answers at once, and the instance turns available when its server accepts connections.
 */
public final class PostgresEngine implements DatabaseEngine {
    private final Path dataDir;
    private final String configuredBinaries;
    /** Looked up on first use, not at start-up: unpacking the bundled binaries takes a second or two. */
    private volatile Optional<Path> binaries;
    private final ExecutorService starter = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "cloudjar-rds-postgres");
        thread.setDaemon(true);
        return thread;
    });

    public PostgresEngine(Path dataDir, String configuredBinaries) {
        this.dataDir = dataDir;
        this.configuredBinaries = configuredBinaries;
    }

    private Optional<Path> binaries() {
        Optional<Path> found = binaries;
        if (found == null) {
            synchronized (this) {
                if (binaries == null) {
                    binaries = PostgresBinaries.find(configuredBinaries);
                }
                found = binaries;
            }
        }
        return found;
    }

    @Override
    public String engine() {
        return "postgres";
    }

    @Override
    public Optional<String> unavailableReason() {
        if (binaries().isEmpty()) {
            return Optional.of("No PostgreSQL server can run here: no initdb/postgres on PATH or in RDS_POSTGRES_BIN, and the"
                    + " bundled PostgreSQL is for linux-amd64 with glibc only, so the endpoint has no database behind it.");
        }
        if (EngineProcesses.runsAsRoot() && !Files.isExecutable(Path.of("/usr/bin/setpriv")) && !Files.isExecutable(Path.of("/bin/setpriv"))) {
            return Optional.of("No PostgreSQL server can run here: Cloudjar runs as root, PostgreSQL refuses root and"
                    + " setpriv (util-linux) is missing to run it as an unprivileged user.");
        }
        return Optional.empty();
    }

    @Override
    public RunningDatabase create(DatabaseSpec spec) {
        PostgresServer server = server(spec);
        server.startNew(null);
        return server;
    }

    @Override
    public RunningDatabase replica(DatabaseSpec spec, RunningDatabase source) {
        PostgresServer server = server(spec);
        server.startReplica(source);
        return server;
    }

    @Override
    public RunningDatabase copyOf(DatabaseSpec spec, RunningDatabase source) {
        PostgresServer server = server(spec);
        server.startCopy(source);
        return server;
    }

    @Override
    public RunningDatabase reopen(DatabaseSpec spec, int port, RunningDatabase source, boolean run) {
        PostgresServer server = new PostgresServer(binaries().orElseThrow(), dataDir.resolve(spec.name()), spec, starter, port);
        server.reopen(source, run);
        return server;
    }

    @Override
    public RunningDatabase restore(DatabaseSpec spec, Path backup) {
        PostgresServer server = server(spec);
        server.startNew(backup);
        return server;
    }

    private PostgresServer server(DatabaseSpec spec) {
        return new PostgresServer(binaries().orElseThrow(), dataDir.resolve(spec.name()), spec, starter);
    }
}
