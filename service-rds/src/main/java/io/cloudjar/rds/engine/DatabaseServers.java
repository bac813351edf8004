package io.cloudjar.rds.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The real servers one API (RDS, Lightsail) runs, and its snapshots' copies of their data, in a directory of its own
 * under DATA_DIR ({@code <DATA_DIR>/<api>/<server-id>/}, a temp directory without one). Every server started is
 * tracked, so a reset or Cloudjar's stop leaves no process behind; {@link #close} also removes the directory.
 */
public final class DatabaseServers implements AutoCloseable {
    private final Path dir;
    private final List<DatabaseEngine> engines;
    private final Path backups;
    private final Set<RunningDatabase> running = ConcurrentHashMap.newKeySet();

    private DatabaseServers(Path dir, List<DatabaseEngine> engines) {
        this.dir = dir;
        this.engines = engines;
        this.backups = dir.resolve("snapshots");
    }

    /**
     * @param dataDir          DATA_DIR, or null for a temporary directory
     * @param api              the API whose servers these are ("rds", "lightsail"): the directory's name
     * @param options          where the engines' programs come from ({@link EngineOptions#from} the environment)
     */
    public static DatabaseServers open(Path dataDir, String api, EngineOptions options) {
        Path dir = directory(dataDir, api);
        return new DatabaseServers(dir, Engines.all(dir.resolve("engines"), options));
    }

    /** This server's own directory under DATA_DIR (a temp directory without one), as S3 keeps its bodies. */
    private static Path directory(Path dataDir, String api) {
        try {
            Path dir = dataDir == null ? Files.createTempDirectory("cloudjar-" + api + "-")
                    : Files.createDirectories(dataDir.resolve(api).resolve(io.cloudjar.core.util.Ids.hex(16)));
            // the engines may run as an unprivileged user (PostgreSQL refuses root): it must pass through to its own dirs
            for (Path d = dir; dataDir == null ? d == dir : d.startsWith(dataDir) && !d.equals(dataDir); d = d.getParent()) {
                Files.setPosixFilePermissions(d, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            }
            for (String sub : new String[] {"engines", "engines/postgres", "engines/mysql", "engines/mariadb", "snapshots"}) {
                Files.setPosixFilePermissions(Files.createDirectories(dir.resolve(sub)),
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            }
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

    /** Stops every server and removes this server's directory (its data only, as S3 removes its own). */
    @Override
    public void close() {
        destroyAll();
        delete(dir);
    }

    private RunningDatabase track(RunningDatabase database) {
        running.add(database);
        return database;
    }
}
