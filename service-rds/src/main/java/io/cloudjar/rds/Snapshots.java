package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** Taking a snapshot of an instance: its settings, and a consistent copy of the real server's data when one runs. */
final class Snapshots {
    private Snapshots() {
    }

    static SnapshotRecord take(RdsStore store, CallContext ctx, InstanceRecord instance, String id, String type) {
        Instant now = ctx.receivedAt();
        Path backup = null;
        if (instance.database() != null && instance.database().ready()) {
            backup = store.databases().backup(instance.database(), ctx.accountId() + "-" + ctx.region() + "-" + id.toLowerCase(Locale.ROOT) + "-" + now.toEpochMilli());
        }
        InstanceSettings s = instance.settings();
        return new SnapshotRecord(id, RdsArns.of(ctx.region(), ctx.accountId(), RdsArns.SNAPSHOT, id), type,
                instance.id(), instance.resourceId(), instance.engine(), s.engineVersion(), s.allocatedStorage(),
                s.storageType(), instance.port(), instance.availabilityZone(), instance.vpcId(),
                instance.masterUsername(), s.masterPassword(), instance.dbName(), instance.createdAt(), now,
                Steps.from(now, "creating", RdsTimings.SNAPSHOT, "available"), backup, null);
    }
}
