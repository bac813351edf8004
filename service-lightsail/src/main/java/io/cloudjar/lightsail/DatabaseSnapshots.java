package io.cloudjar.lightsail;

import io.cloudjar.core.util.Ids;
import io.cloudjar.rds.engine.DatabaseEngine;
import io.cloudjar.rds.engine.DatabaseSpec;
import io.cloudjar.rds.engine.RunningDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/** Taking a managed database's snapshot (a copy of its server's data) and starting a server from one. */
final class DatabaseSnapshots {
    private DatabaseSnapshots() {
    }

    /**
     * Reserves the name under the lock, copies the data outside it (a copy may stop PostgreSQL for a moment), then
     * records the snapshot; answers the operations on the snapshot and on the database.
     */
    static List<Operation> take(LightsailStore store, LightsailState state, LightsailScope scope, RelationalDatabaseRecord db,
                                String name, Map<String, String> tags) {
        ResourceMeta meta;
        synchronized (state.lock) {
            if (state.nameTaken(name)) {
                throw LightsailErrors.namesInUse(List.of(name));
            }
            meta = ResourceMeta.create(scope, ResourceType.RELATIONAL_DATABASE_SNAPSHOT, name, db.meta().availabilityZone(),
                    "ls-" + Ids.hex(40), tags);
            state.databaseSnapshots.put(record(meta, db, null)); // the name is taken from now on
        }
        Path backup = null;
        if (db.server() != null) {
            if (!db.server().ready()) {
                state.databaseSnapshots.remove(name);
                throw LightsailErrors.operationFailure("The database %s is not available yet: snapshot it once it is.", db.name());
            }
            try {
                backup = store.databases().backup(db.server(), scope.account() + "-" + scope.region() + "-"
                        + RelationalDatabasesProvider.serverName(meta));
            } catch (IOException e) {
                state.databaseSnapshots.remove(name);
                throw LightsailErrors.operationFailure("The data of %s could not be copied: %s", db.name(), e.getMessage());
            }
        }
        state.databaseSnapshots.put(record(meta, db, backup));
        synchronized (state.lock) { // the database as it is now: the copy ran outside the lock
            state.databases.find(db.name()).filter(d -> d.meta().arn().equals(db.meta().arn())).ifPresent(d -> state.databases.put(
                    d.withEvent(meta.createdAt(), "backup", "Backing up DB instance")
                            .withEvent(scope.now(), "backup", "Finished DB Instance backup")));
        }
        return List.of(
                state.operations.record(scope, meta, OperationType.CREATE_RELATIONAL_DATABASE_SNAPSHOT, db.name()),
                state.operations.record(scope, db.meta(), OperationType.CREATE_RELATIONAL_DATABASE_SNAPSHOT, name));
    }

    private static DatabaseSnapshotRecord record(ResourceMeta meta, RelationalDatabaseRecord db, Path backup) {
        return new DatabaseSnapshotRecord(meta, db.engine(), db.engineVersion(),
                DatabaseCatalog.bundle(db.bundleId()).orElseThrow().diskSizeInGb(), db.name(), db.meta().arn(),
                db.bundleId(), db.blueprintId(), db.masterDatabaseName(), db.masterUsername(), db.password(), backup);
    }

    /** A server for a database made from the snapshot, or null when the snapshot holds no data or no engine runs. */
    static RunningDatabase restore(LightsailStore store, DatabaseSnapshotRecord snapshot, String serverName) {
        if (snapshot.backup() == null) {
            return null;
        }
        DatabaseEngine engine = store.databases().engine(snapshot.engine()).orElse(null);
        return engine == null ? null : store.databases().restore(engine, new DatabaseSpec(serverName,
                snapshot.masterUsername(), snapshot.password(), snapshot.masterDatabaseName()), snapshot.backup());
    }
}
