package io.cloudjar.rds;

import io.cloudjar.rds.engine.RunningDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Aurora's automated cluster snapshots, as {@link AutomatedSnapshots} takes instances': one at the cluster's creation
 * and one a day at 03:00 UTC on the emulator clock, {@code rds:<cluster>-<yyyy-MM-dd-HH-mm>}, kept for the backup
 * retention period (Aurora's is never 0), made when next looked at (DescribeDBClusterSnapshots); only the newest just
 * due gets a copy of the cluster's data, in the background, the older ones share it.
 */
final class AutomatedClusterSnapshots {
    private AutomatedClusterSnapshots() {
    }

    static void materialize(RdsStore store, RdsState state, Instant now) {
        List<Runnable> copies = new ArrayList<>();
        List<Path> dropped = new ArrayList<>();
        synchronized (state.lock) {
            for (ClusterRecord cluster : Clusters.live(state, now)) {
                if (!cluster.status(now).equals("available")) {
                    continue;
                }
                Instant oldest = now.minus(Duration.ofDays(cluster.settings().backupRetention()));
                List<ClusterSnapshotRecord> added = new ArrayList<>();
                for (Instant due : AutomatedSnapshots.dueTimes(cluster.createdAt(), now)) {
                    String id = "rds:" + cluster.id() + "-" + AutomatedSnapshots.SUFFIX.format(due);
                    if (due.isBefore(oldest) || state.clusterSnapshots.containsKey(id)) {
                        continue;
                    }
                    ClusterSnapshotRecord record = ClusterSnapshots.record(cluster, id, AutomatedSnapshots.TYPE, due,
                            Steps.settled("available"));
                    state.clusterSnapshots.put(id, record);
                    RdsEvents.clusterSnapshot(state, record);
                    added.add(record);
                }
                for (ClusterSnapshotRecord old : List.copyOf(state.clusterSnapshots.values())) {
                    if (AutomatedSnapshots.TYPE.equals(old.type()) && old.clusterId().equals(cluster.id())
                            && old.createdAt().isBefore(oldest)) {
                        state.clusterSnapshots.remove(old.id());
                        dropped.add(old.backup());
                    }
                }
                RunningDatabase server = cluster.database();
                if (!added.isEmpty() && server != null && server.ready()) {
                    copies.add(() -> copy(store, state, server, added));
                }
            }
        }
        dropped.forEach(backup -> deleteUnshared(store, state, backup));
        copies.forEach(AutomatedSnapshots.COPIER::execute);
    }

    /** The cluster's automated snapshots go with it (unless DeleteAutomatedBackups is false), their copies too. */
    static void removeOf(RdsStore store, RdsState state, String clusterId) {
        for (ClusterSnapshotRecord s : List.copyOf(state.clusterSnapshots.values())) {
            if (AutomatedSnapshots.TYPE.equals(s.type()) && s.clusterId().equals(clusterId)) {
                state.clusterSnapshots.remove(s.id());
                deleteUnshared(store, state, s.backup());
            }
        }
    }

    private static void deleteUnshared(RdsStore store, RdsState state, Path backup) {
        if (backup != null && state.clusterSnapshots.values().stream().noneMatch(s -> backup.equals(s.backup()))) {
            store.databases().delete(backup);
        }
    }

    /** One copy of the cluster's data, shared by every snapshot just taken; none when the copy fails. */
    private static void copy(RdsStore store, RdsState state, RunningDatabase server, List<ClusterSnapshotRecord> added) {
        ClusterSnapshotRecord newest = added.get(added.size() - 1);
        String[] arn = newest.arn().split(":");
        Path backup;
        try {
            backup = store.databases().backup(server, arn[4] + "-" + arn[3] + "-cluster-" + newest.id().replace(':', '-')
                    + "-" + System.nanoTime());
        } catch (java.io.IOException | RuntimeException e) {
            return; // the snapshots stay without data; a cluster restored from them starts empty
        }
        boolean used = false;
        for (ClusterSnapshotRecord record : added) {
            used |= state.clusterSnapshots.replace(record.id(), record, record.withBackup(backup));
        }
        if (!used) {
            store.databases().delete(backup);
        } else {
            store.changedOutsideCall(); // in the background: no call's commit follows
        }
    }
}
