package io.cloudjar.rds.engine;

import io.cloudjar.core.persist.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real servers one API (RDS, Lightsail) runs, and its snapshots' copies of their data, in a directory of its own
 * under DATA_DIR ({@code <DATA_DIR>/<api>/<server-id>/}, a temp directory without one). Every server started is
 * tracked, so a reset or Cloudjar's stop leaves no process behind; {@link #close} also removes the directory.
 * With persistence the directory is {@code <DATA_DIR>/<api>/kept/}, kept at stop: the servers' data and the
 * snapshots' copies belong to the kept state ({@link Persistence#keepsChangingFiles}, {@link Persistence#keepsFiles}),
 * and {@link #revive} starts a server again on its data after a restart.
 */
public final class DatabaseServers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseServers.class);
    private final Path dir;
    private final List<DatabaseEngine> engines;
    private final Path backups;
    private final Set<RunningDatabase> running = ConcurrentHashMap.newKeySet();
    /** Whether the data outlives this process (persistence): stop then stops the servers and keeps the directory. */
    private final boolean kept;

    private DatabaseServers(Path dir, List<DatabaseEngine> engines, boolean kept) {
        this.dir = dir;
        this.engines = engines;
        this.backups = dir.resolve("snapshots");
        this.kept = kept;
    }

    /**
     * @param dataDir          DATA_DIR, or null for a temporary directory
     * @param api              the API whose servers these are ("rds", "lightsail"): the directory's name
     * @param options          where the engines' programs come from ({@link EngineOptions#from} the environment)
     */
    public static DatabaseServers open(Path dataDir, String api, EngineOptions options) {
        return open(dataDir, api, options, Persistence.NONE);
    }

    /** As {@link #open(Path, String, EngineOptions)}; with persistence enabled, in a kept directory (see above). */
    public static DatabaseServers open(Path dataDir, String api, EngineOptions options, Persistence persistence) {
        boolean kept = persistence.enabled() && dataDir != null;
        Path dir = directory(dataDir, api, kept);
        DatabaseServers servers = new DatabaseServers(dir, Engines.all(dir.resolve("engines"), options), kept);
        if (kept) {
            persistence.keepsChangingFiles(dir.resolve("engines"), servers::pauseAll);
            persistence.keepsFiles(dir.resolve("snapshots"));
        }
        return servers;
    }

    /**
     * Stops every server that serves (a state snapshot copies their data directories, which must hold still); the
     * action returned starts them again on the same data and ports.
     */
    private Runnable pauseAll() {
        List<RunningDatabase> paused = new ArrayList<>();
        for (RunningDatabase database : List.copyOf(running)) {
            if (database.ready()) {
                database.stop();
                paused.add(database);
            }
        }
        return () -> paused.forEach(RunningDatabase::start);
    }

    /** This server's own directory under DATA_DIR (a temp directory without one), as S3 keeps its bodies. */
    private static Path directory(Path dataDir, String api, boolean kept) {
        try {
            Path dir = dataDir == null ? Files.createTempDirectory("cloudjar-" + api + "-")
                    : Files.createDirectories(dataDir.resolve(api).resolve(kept ? "kept" : io.cloudjar.core.util.Ids.hex(16)));
            // the engines may run as an unprivileged user (PostgreSQL refuses root): it must pass through to its own dirs
            for (Path d = dir; dataDir == null ? d == dir : d.startsWith(dataDir) && !d.equals(dataDir); d = d.getParent()) {
                Files.setPosixFilePermissions(d, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            }
            if (dataDir != null) { // and through DATA_DIR itself (a temporary one is rwx------): search only, nothing listed
                java.util.Set<java.nio.file.attribute.PosixFilePermission> modes = new HashSet<>(Files.getPosixFilePermissions(dataDir));
                if (modes.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    Files.setPosixFilePermissions(dataDir, modes);
                }
            }
            for (String sub : new String[] {"engines", "engines/postgres", "engines/mysql", "engines/mariadb", "snapshots"}) {
                Files.setPosixFilePermissions(Files.createDirectories(dir.resolve(sub)),
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            }
            EngineProcesses.mustReach(dir); // and what lies above DATA_DIR (root's home is closed)
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the " + api + " data directory", e);
        }
    }

    /** The engine that runs {@code engine}, or why none can (shown in the instance's status info). */
    public Optional<DatabaseEngine> engine(String engine) {
        return engines.stream().filter(e -> e.engine().equals(engine) && e.unavailableReason().isEmpty()).findFirst();
    }

    public String whyNone(String engine) {
        return engines.stream().filter(e -> e.engine().equals(engine)).findFirst()
                .flatMap(DatabaseEngine::unavailableReason)
                .orElse("Cloudjar runs no " + engine + " server yet: the endpoint has no database behind it.");
    }

    public RunningDatabase create(DatabaseEngine engine, DatabaseSpec spec) {
        return track(engine.create(spec));
    }

    public RunningDatabase restore(DatabaseEngine engine, DatabaseSpec spec, Path backup) {
        return track(engine.restore(spec, backup));
    }

    /** A read replica of {@code source}, which copies the source's data in its background start. */
    public RunningDatabase replica(DatabaseEngine engine, DatabaseSpec spec, RunningDatabase source) {
        return track(engine.replica(spec, source));
    }

    /** A new server from a copy of {@code source}'s data now, taken in its background start. */
    public RunningDatabase copyOf(DatabaseEngine engine, DatabaseSpec spec, RunningDatabase source) {
        return track(engine.copyOf(spec, source));
    }

    /**
     * A copy of the server's data for a snapshot; a failed copy leaves nothing behind and is thrown, for the caller to
     * answer in its API's words.
     */
    public Path backup(RunningDatabase database, String snapshotKey) throws IOException {
        Path target = backups.resolve(snapshotKey);
        try {
            Files.createDirectories(backups);
            database.backupTo(target);
            return target;
        } catch (IOException | RuntimeException e) {
            delete(target);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    public void destroy(RunningDatabase database) {
        if (database != null) {
            running.remove(database);
            database.destroy();
        }
    }

    public void delete(Path backup) {
        if (backup == null || !Files.exists(backup)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(backup)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every server (reset, Cloudjar's stop). */
    public void destroyAll() {
        for (RunningDatabase database : List.copyOf(running)) {
            destroy(database);
        }
    }

    /**
     * The server a record read back from the state file names ({@link DormantDatabase}), started again on its data
     * directory when {@code run} (else stopped, as a stopped instance's), on its old port when that is free; anything
     * else is returned as it is. Its engine must still be able to run here, or the server stays dormant.
     */
    public RunningDatabase revive(RunningDatabase database, boolean run) {
        return revive(database, run, database instanceof DormantDatabase dormant ? dormant.primary() : null);
    }

    /** As {@link #revive(RunningDatabase, boolean)}, a read replica following {@code primary} (its source, revived). */
    public RunningDatabase revive(RunningDatabase database, boolean run, RunningDatabase primary) {
        if (!(database instanceof DormantDatabase dormant)) {
            return database;
        }
        Optional<DatabaseEngine> engine = engine(dormant.engine());
        if (engine.isEmpty()) {
            return database;
        }
        return track(engine.get().reopen(dormant.spec(), dormant.port(), primary, run));
    }

    /**
     * After a restart (kept directory only): removes the data directories no kept record's server names and the
     * snapshot copies no kept snapshot names — what a kill left between making them and the state file's commit (a
     * server being created, a copy being taken), or a half-copied source of a replica.
     *
     * @param inUse   every server the kept records hold (revived or dormant)
     * @param backups every snapshot copy the kept records name
     */
    public void removeLeftovers(Collection<RunningDatabase> inUse, Collection<Path> backups) {
        if (!kept) {
            return;
        }
        // by their last two names (engine or "snapshots", then their own): a DATA_DIR reached by another path still matches
        Set<String> keep = new HashSet<>();
        backups.forEach(backup -> keep.add(lastTwo(backup)));
        for (RunningDatabase database : inUse) {
            if (database instanceof EngineServer server) {
                keep.add(lastTwo(server.dir));
            } else if (database instanceof DormantDatabase dormant) {
                keep.add(dormant.engine() + "/" + dormant.spec().name());
            }
        }
        try (Stream<Path> engines = Files.list(dir.resolve("engines"))) {
            for (Path engine : engines.toList()) {
                removeUnlisted(engine, keep);
            }
            removeUnlisted(this.backups, keep);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastTwo(Path path) {
        return path.getParent().getFileName() + "/" + path.getFileName();
    }

    private void removeUnlisted(Path parent, Set<String> keep) throws IOException {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> children = Files.list(parent)) {
            for (Path child : children.toList()) {
                if (!keep.contains(lastTwo(child))) {
                    LOG.info("Removing {}: no kept {} record names it (left by an interrupted call)", child, dir.getParent().getFileName());
                    delete(child);
                }
            }
        }
    }

    /**
     * Stops every server; removes this server's directory (its data only, as S3 removes its own) unless it is kept,
     * whose servers start again at the next start.
     */
    @Override
    public void close() {
        if (kept) {
            for (RunningDatabase database : List.copyOf(running)) {
                running.remove(database);
                database.stop();
                EnginePorts.release(database.port()); // free for the next start of this Cloudjar's servers in this JVM
            }
            return;
        }
        destroyAll();
        delete(dir);
    }

    private RunningDatabase track(RunningDatabase database) {
        running.add(database);
        return database;
    }
}
