package io.cloudjar.rds.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A kind of real database server Cloudjar can run for RDS (and Lightsail's managed databases): PostgreSQL
 * and MariaDB (mysql, mariadb). Implementations start processes, never containers.
 */
public interface DatabaseEngine {
    /** The RDS engine name it serves ("postgres"). */
    String engine();

    /** Why this machine cannot run it (no binaries), or empty when it can. */
    Optional<String> unavailableReason();

    /** Creates and starts a new server in the background: master user and password, and the database if named. */
    RunningDatabase create(DatabaseSpec spec);

    /** Starts a new server from a {@link RunningDatabase#backupTo backup}, keeping the backup's users and data. */
    RunningDatabase restore(DatabaseSpec spec, Path backup);

    /**
     * Starts a read replica of {@code source} in the background: a copy of the source's data (its
     * {@link RunningDatabase#backupTo backup}, taken by the replica's start, not by this call), then a server that
     * follows the source's changes through the engine's own replication. {@code spec} holds the source's master user
     * and password, with which the replica connects to it.
     */
    default RunningDatabase replica(DatabaseSpec spec, RunningDatabase source) {
        throw new UnsupportedOperationException(engine() + " servers have no read replicas");
    }

    /**
     * Starts a new, independent server from a copy of {@code source}'s data as it is now, the copy taken in the
     * background (point-in-time restore to the latest restorable time).
     */
    default RunningDatabase copyOf(DatabaseSpec spec, RunningDatabase source) {
        throw new UnsupportedOperationException(engine() + " servers cannot be copied");
    }

    /**
     * The server whose data directory an earlier Cloudjar made for {@code spec} (after a restart), on {@code port}
     * when it is free: started in the background when {@code run}, else left stopped.
     *
     * @param source the server a read replica follows, or null
     */
    RunningDatabase reopen(DatabaseSpec spec, int port, RunningDatabase source, boolean run);
}
