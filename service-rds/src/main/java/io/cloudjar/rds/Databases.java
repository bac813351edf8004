package io.cloudjar.rds;

import io.cloudjar.rds.engine.DatabaseEngine;
import io.cloudjar.rds.engine.DatabaseSpec;
import io.cloudjar.rds.engine.RunningDatabase;
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
 * The real servers behind this server's instances, and the snapshots' copies of their data. Every server started
 * is tracked, so a reset or Cloudjar's stop leaves no process behind.
 */
final class Databases implements AutoCloseable {
    private final List<DatabaseEngine> engines;
    private final Path backups;
    private final Set<RunningDatabase> running = ConcurrentHashMap.newKeySet();

    Databases(List<DatabaseEngine> engines, Path backups) {
        this.engines = engines;
        this.backups = backups;
    }

    /** The engine that runs {@code engine}, or why none can (shown in the instance's status info). */
    Optional<DatabaseEngine> engine(String engine) {
        return engines.stream().filter(e -> e.engine().equals(engine) && e.unavailableReason().isEmpty()).findFirst();
    }

    String whyNone(String engine) {
        return engines.stream().filter(e -> e.engine().equals(engine)).findFirst()
                .flatMap(DatabaseEngine::unavailableReason)
                .orElse("Cloudjar runs no " + engine + " server yet: the endpoint has no database behind it.");
    }

    RunningDatabase create(DatabaseEngine engine, DatabaseSpec spec) {
        return track(engine.create(spec));
    }

    RunningDatabase restore(DatabaseEngine engine, DatabaseSpec spec, Path backup) {
        return track(engine.restore(spec, backup));
    }

    /** A read replica of {@code source}, which copies the source's data in its background start. */
    RunningDatabase replica(DatabaseEngine engine, DatabaseSpec spec, RunningDatabase source) {
        return track(engine.replica(spec, source));
    }

    /** A new server from a copy of {@code source}'s data now, taken in its background start. */
    RunningDatabase copyOf(DatabaseEngine engine, DatabaseSpec spec, RunningDatabase source) {
        return track(engine.copyOf(spec, source));
    }

    /** A copy of the server's data for a snapshot, or null when the copy failed (the snapshot then has no data). */
    Path backup(RunningDatabase database, String snapshotKey) {
        Path target = backups.resolve(snapshotKey);
        try {
            Files.createDirectories(backups);
            database.backupTo(target);
            return target;
        } catch (IOException | RuntimeException e) {
            delete(target);
            throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidDBInstanceState",
                    "The instance's data could not be copied for snapshot %s: %s", snapshotKey, e.getMessage());
        }
    }

    void destroy(RunningDatabase database) {
        if (database != null) {
            running.remove(database);
            database.destroy();
        }
    }

    void delete(Path backup) {
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
    void destroyAll() {
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
