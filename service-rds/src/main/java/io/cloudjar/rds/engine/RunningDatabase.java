package io.cloudjar.rds.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One real database server behind an instance's endpoint. Started in the background: {@link #ready()} turns true
 * when it accepts connections, {@link #failure()} says why it never will. The state file keeps it as a
 * {@link DormantDatabase}, from which {@link DatabaseServers#revive} starts it again after a restart.
 */
public interface RunningDatabase extends io.cloudjar.core.persist.LiveValue {
    /** The local port it listens on (on every loopback address). */
    int port();

    boolean ready();

    /** The major version of the server that runs (which may differ from the instance's), once it exists. */
    Optional<String> serverMajorVersion();

    Optional<String> failure();

    /** The server's product ("PostgreSQL", "MariaDB"): MariaDB serves mysql instances, and the status says so. */
    default String serverProduct() {
        return "database";
    }

    /** Waits (wall clock) until ready or failed; true when ready. */
    boolean awaitReady(java.time.Duration timeout);

    /**
     * A consistent copy of every database into {@code target} (a new directory), taken while the server runs,
     * from which {@link DatabaseEngine#restore} starts a new server.
     */
    void backupTo(Path target) throws java.io.IOException;

    /**
     * Sets the master user's password (ModifyDBInstance with MasterUserPassword); waits for the server. On a read
     * replica (which gets the change from its source) it is the password it connects to its source with.
     */
    void changePassword(String user, String password);

    /**
     * The parameter group's values for this server (engine names and values; AWS-only ones and formulas already
     * left out). Dynamic ones take effect at once (a configuration reload), static ones at the next start.
     */
    void applyParameters(java.util.Map<String, String> values);

    /**
     * The lines of one of the server's logs as it wrote them, oldest first: empty when the server keeps no such log
     * or has not written it (MySQL's general log while {@code general_log} is off).
     */
    default java.util.List<LogLine> readLog(ServerLog log) {
        return java.util.List.of();
    }

    /** A read replica stops following its source and takes writes (PromoteReadReplica). */
    default void promote() {
        throw new UnsupportedOperationException("not a read replica");
    }

    /** Stops the server, keeping its data (StopDBInstance). */
    void stop();

    /** Starts a stopped server again on the same port and data. */
    void start();

    /** Stops the server, frees its port and deletes its data. */
    void destroy();
}
