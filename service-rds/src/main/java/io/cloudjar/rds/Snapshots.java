package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
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
        if (instance.database() == null || !instance.database().ready()) {
            return;
        }
        Path backup;
        try {
            backup = store.databases().backup(instance.database(), ctx.accountId() + "-" + ctx.region() + "-"
                    + record.id().toLowerCase(Locale.ROOT) + "-" + ctx.receivedAt().toEpochMilli());
        } catch (java.io.IOException e) {
            state.snapshots.remove(record.id(), record);
            throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidDBInstanceState",
                    "The instance's data could not be copied for snapshot %s: %s", record.id(), e.getMessage());
        } catch (RuntimeException e) {
            state.snapshots.remove(record.id(), record);
            throw e;
        }
        if (!state.snapshots.replace(record.id(), record, record.withBackup(backup))) {
            store.databases().delete(backup); // deleted (or reset) meanwhile
        }
    }
}
