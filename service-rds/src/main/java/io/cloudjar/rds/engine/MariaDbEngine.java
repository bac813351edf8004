package io.cloudjar.rds.engine;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Real MariaDB servers, one process per instance, for RDS's {@code mariadb} engine and for {@code mysql} (MariaDB
 * speaks MySQL's protocol and SQL; the instance's status says which server runs). The binaries are found, or
 * downloaded, on the first instance, in the background ({@link MariaDbBinaries}).
 */
public final class MariaDbEngine implements DatabaseEngine {
    private final String engine;
    private final Path dataDir;
    private final MariaDbBinaries binaries;
    private final ExecutorService starter = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "cloudjar-rds-mariadb");
        thread.setDaemon(true);
        return thread;
    });

    MariaDbEngine(String engine, Path dataDir, MariaDbBinaries binaries) {
        this.engine = engine;
        this.dataDir = dataDir;
        this.binaries = binaries;
    }

    /**
     * @param engine   "mysql" or "mariadb"
     * @param binaries RDS_MARIADB_BIN (null: PATH, then the bundle)
     * @param cache    where the downloaded MariaDB is kept
     * @param repository a Maven repository to download it from, null never to download
     */
    public MariaDbEngine(String engine, Path dataDir, String binaries, Path cache, String repository) {
        this(engine, dataDir, new MariaDbBinaries(binaries, cache, repository));
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public Optional<String> unavailableReason() {
        return binaries.unavailableReason();
    }

    @Override
    public RunningDatabase create(DatabaseSpec spec) {
        MariaDbServer server = server(spec);
        server.startNew(null);
        return server;
    }

    @Override
    public RunningDatabase replica(DatabaseSpec spec, RunningDatabase source) {
        MariaDbServer server = server(spec);
        server.startReplica(source);
        return server;
    }

    @Override
    public RunningDatabase copyOf(DatabaseSpec spec, RunningDatabase source) {
        MariaDbServer server = server(spec);
        server.startCopy(source);
        return server;
    }

    @Override
    public RunningDatabase reopen(DatabaseSpec spec, int port, RunningDatabase source, boolean run) {
        MariaDbServer server = new MariaDbServer(binaries, dataDir.resolve(spec.name()), spec, starter, port);
        server.reopen(source, run);
        return server;
    }

    @Override
    public RunningDatabase restore(DatabaseSpec spec, Path backup) {
        MariaDbServer server = server(spec);
        server.startNew(backup);
        return server;
    }

    private MariaDbServer server(DatabaseSpec spec) {
        return new MariaDbServer(binaries, dataDir.resolve(spec.name()), spec, starter);
    }
}
