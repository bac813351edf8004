package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** Taking a cluster snapshot in two steps, as {@link Snapshots}: the record under the lock, then the data copy. */
final class ClusterSnapshots {
    private ClusterSnapshots() {
    }

    static ClusterSnapshotRecord record(RdsStore store, CallContext ctx, ClusterRecord cluster, String id, String type) {
        Instant now = ctx.receivedAt();
        return record(cluster, id, type, now, Steps.from(now, "creating", store.timings().snapshot(), "available"));
    }

    /** A snapshot of {@code cluster} taken {@code at}, in the cluster's account and region. */
    static ClusterSnapshotRecord record(ClusterRecord cluster, String id, String type, Instant at, Steps steps) {
        String[] arn = cluster.arn().split(":");
        return new ClusterSnapshotRecord(id, RdsArns.of(arn[3], arn[4], RdsArns.CLUSTER_SNAPSHOT, id),
                type, cluster.id(), cluster.resourceId(), cluster.engine(), cluster.settings().engineVersion(),
                cluster.port(), cluster.vpcId(), cluster.availabilityZones(), cluster.masterUsername(),
                cluster.settings().masterPassword(), cluster.dbName(), cluster.storageEncrypted(), cluster.createdAt(),
                at, steps, null, null);
    }

    /** Copies the cluster's data into the snapshot stored under its id; a failed copy takes the snapshot away again. */
    static void copyData(RdsStore store, RdsState state, CallContext ctx, ClusterRecord cluster, ClusterSnapshotRecord record) {
        Path backup = Snapshots.copyOf(store, ctx, cluster.database(), "cluster-" + record.id(), "InvalidDBClusterStateFault",
                () -> state.clusterSnapshots.remove(record.id(), record));
        if (backup != null && !state.clusterSnapshots.replace(record.id(), record, record.withBackup(backup))) {
            store.databases().delete(backup); // deleted (or reset) meanwhile
        }
    }

    static ClusterSnapshotRecord find(RdsState state, String idOrArn) {
        if (idOrArn == null || idOrArn.isBlank()) {
            throw RdsErrors.invalidValue("The parameter DBClusterSnapshotIdentifier must be provided and must not be blank.");
        }
        String id = idOrArn.startsWith("arn:") ? idOrArn.substring(idOrArn.lastIndexOf(':') + 1) : idOrArn;
        ClusterSnapshotRecord snapshot = state.clusterSnapshots.get(id.toLowerCase(Locale.ROOT));
        if (snapshot == null) {
            throw RdsErrors.clusterSnapshotNotFound(idOrArn);
        }
        return snapshot;
    }
}
