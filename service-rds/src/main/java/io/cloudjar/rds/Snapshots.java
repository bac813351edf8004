package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.rds.engine.RunningDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Taking a snapshot of an instance in two steps: the record, made under the state's lock (the name is taken at
 * once), then the copy of the real server's data, made outside it (it takes seconds and must not hold up other calls).
 */
final class Snapshots {
    private Snapshots() {
    }

    static SnapshotRecord record(RdsStore store, CallContext ctx, InstanceRecord instance, String id, String type) {
        Instant now = ctx.receivedAt();
        InstanceSettings s = instance.settings();
        return new SnapshotRecord(id, RdsArns.of(ctx.region(), ctx.accountId(), RdsArns.SNAPSHOT, id), type,
                instance.id(), instance.resourceId(), instance.engine(), s.engineVersion(), s.allocatedStorage(),
                s.storageType(), instance.port(), instance.availabilityZone(), instance.vpcId(),
                instance.masterUsername(), s.masterPassword(), instance.dbName(), instance.createdAt(), now,
                Steps.from(now, "creating", store.timings().snapshot(), "available"), null, null);
    }

    /**
     * Copies the instance's data into the snapshot {@code record} stored under its id. A failed copy takes the
     * snapshot away again and answers the error.
     */
    static void copyData(RdsStore store, RdsState state, CallContext ctx, InstanceRecord instance, SnapshotRecord record) {
        Path backup = copyOf(store, ctx, instance.database(), record.id(), "InvalidDBInstanceState",
                () -> state.snapshots.remove(record.id(), record));
        if (backup != null && !state.snapshots.replace(record.id(), record, record.withBackup(backup))) {
            store.databases().delete(backup); // deleted (or reset) meanwhile
        }
    }

    /**
     * A copy of a running server's data for the snapshot {@code id} (null when no ready server runs). A failed copy
     * runs {@code forget} and is answered with {@code errorCode} (the state error of the snapshotted resource).
     */
    static Path copyOf(RdsStore store, CallContext ctx, RunningDatabase database, String id, String errorCode, Runnable forget) {
        if (database == null || !database.ready()) {
            return null;
        }
        try {
            return store.databases().backup(database, ctx.accountId() + "-" + ctx.region() + "-"
                    + id.toLowerCase(Locale.ROOT) + "-" + ctx.receivedAt().toEpochMilli());
        } catch (java.io.IOException e) {
            forget.run();
            throw io.cloudjar.core.errors.AwsErrors.modeled(errorCode,
                    "The data could not be copied for snapshot %s: %s", id, e.getMessage());
        } catch (RuntimeException e) {
            forget.run();
            throw e;
        }
    }
}
