package io.cloudjar.lightsail;

import io.cloudjar.core.util.Ids;
import io.cloudjar.rds.engine.DatabaseEngine;
import io.cloudjar.rds.engine.DatabaseSpec;
import io.cloudjar.rds.engine.RunningDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/** Starting a managed database's real server (fresh or from a snapshot's data) and taking snapshots of it. */
final class RelationalDatabaseServers {
    private RelationalDatabaseServers() {
    }

    /** A new server for {@code engine}, or null when no engine runs it here (MySQL; PostgreSQL without binaries). */
    static RunningDatabase start(LightsailDatabases databases, String engine, String username, String password,
                                 String database, Path backup) {
        Optional<DatabaseEngine> runs = databases.servers().engine(engine);
        if (runs.isEmpty()) {
            return null;
        }
        DatabaseSpec spec = new DatabaseSpec("ls-" + Ids.hex(16), username, password, database);
        return backup == null ? databases.servers().create(runs.get(), spec)
                : databases.servers().restore(runs.get(), spec, backup);
    }

    /** Stores a snapshot of {@code db} named {@code name}, copying its server's data; the caller holds the lock. */
    static RelationalDatabaseSnapshotRecord snapshot(LightsailDatabases databases, LightsailState state, LightsailScope scope,
                                                     RelationalDatabaseRecord db, String name,
                                                     java.util.Map<String, String> tags) {
        if (state.relationalDatabaseSnapshots.contains(name)) {
            throw LightsailErrors.namesInUse(java.util.List.of(name));
        }
        if (!RelationalDatabaseRecord.AVAILABLE.equals(db.state(scope.now()))) {
            throw LightsailErrors.operationFailure("The relational database %s is %s: a snapshot needs it available.",
                    db.name(), db.state(scope.now()));
        }
        Path backup = null;
        if (db.server() != null) {
            try {
                backup = databases.servers().backup(db.server(), scope.account() + "-" + scope.region() + "-"
                        + name.toLowerCase(Locale.ROOT) + "-" + scope.now().toEpochMilli());
            } catch (IOException e) {
                throw LightsailErrors.operationFailure("The data of %s could not be copied for the snapshot: %s", db.name(),
                        e.getMessage());
            }
        }
        RelationalDatabaseSnapshotRecord snapshot = new RelationalDatabaseSnapshotRecord(ResourceMeta.create(scope,
                ResourceType.RELATIONAL_DATABASE_SNAPSHOT, name, db.meta().availabilityZone(),
                "RelationalDatabaseSnapshot/" + name, tags), db, backup);
        state.relationalDatabaseSnapshots.put(snapshot);
        return snapshot;
    }
}
