package io.cloudjar.rds.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the state file keeps of a real server ({@link RunningDatabase#kept}): its engine, the spec that made it (its
 * data directory's name, the master user), the port it listened on and, for a read replica, its source. Read back
 * after a restart, it stands in the record until {@link DatabaseServers#revive} starts the server again on its data
 * directory; it serves nothing itself.
 *
 * @param primary the source a read replica follows, or null
 */
public record DormantDatabase(String engine, DatabaseSpec spec, int port, DormantDatabase primary) implements RunningDatabase {
    @Override
    public Record kept() {
        return this;
    }

    @Override
    public boolean ready() {
        return false;
    }

    @Override
    public Optional<String> serverMajorVersion() {
        return Optional.empty();
    }

    @Override
    public Optional<String> failure() {
        return Optional.empty();
    }

    @Override
    public boolean awaitReady(Duration timeout) {
        return false;
    }

    @Override
    public void backupTo(Path target) throws java.io.IOException {
        throw new java.io.IOException("the server is not running yet");
    }

    @Override
    public void changePassword(String user, String password) {
        throw notRunning();
    }

    @Override
    public void applyParameters(Map<String, String> values) {
        throw notRunning();
    }

    @Override
    public void stop() {
    }

    @Override
    public void start() {
        throw notRunning();
    }

    @Override
    public void destroy() {
    }

    private static IllegalStateException notRunning() {
        return new IllegalStateException("the database server has not been started again since Cloudjar restarted");
    }
}
