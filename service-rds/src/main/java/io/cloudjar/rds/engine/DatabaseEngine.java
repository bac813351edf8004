package io.cloudjar.rds.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A kind of real database server Cloudjar can run for RDS (and later Lightsail's managed databases): PostgreSQL
 * today. Implementations start processes, never containers.
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
}
