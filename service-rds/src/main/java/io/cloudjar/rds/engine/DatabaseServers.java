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
 * The real servers one service runs (RDS's instances, Lightsail's managed databases), and its snapshots' copies of
 * their data. Every server started is tracked, so a reset or Cloudjar's stop leaves no process behind.
 */
public final class DatabaseServers implements AutoCloseable {
    private final List<DatabaseEngine> engines;
    private final Path backups;
    private final Set<RunningDatabase> running = ConcurrentHashMap.newKeySet();

    public DatabaseServers(List<DatabaseEngine> engines, Path backups) {
        this.engines = engines;
        this.backups = backups;
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

    /** A copy of the server's data for a snapshot under {@code snapshotKey}; nothing is left behind when it fails. */
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

    @Override
    public void close() {
        destroyAll();
    }

    private RunningDatabase track(RunningDatabase database) {
        running.add(database);
        return database;
    }
}
