package io.cloudjar.rds;

import io.cloudjar.rds.engine.RunningDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Automated snapshots on the emulator clock: an instance with a backup retention period has one taken at its
 * creation and one a day at the start of its backup window (03:00 UTC), named {@code rds:<instance>-<yyyy-MM-dd-HH-mm>},
 * kept for the retention period. They are made when next looked at (DescribeDBSnapshots, a point-in-time restore),
 * as every timed behaviour here happens at the next call; only the newest of those due gets a copy of the server's
 * data (copied in the background: it may stop the server for a moment), the older ones share it.
 */
final class AutomatedSnapshots {
    static final String TYPE = "automated";
    private static final LocalTime WINDOW_START = LocalTime.of(3, 0);
    static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm").withZone(ZoneOffset.UTC);
    static final ExecutorService COPIER = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "cloudjar-rds-automated-snapshots");
        thread.setDaemon(true);
        return thread;
    });

    private AutomatedSnapshots() {
    }

    /** Takes the automated snapshots due by {@code now} and drops those past their instance's retention period. */
    static void materialize(RdsStore store, RdsState state, Instant now) {
        List<Runnable> copies = new ArrayList<>();
        List<Path> dropped = new ArrayList<>();
        synchronized (state.lock) {
            for (InstanceRecord instance : Instances.live(state, now)) {
                int days = instance.settings().backupRetention();
                // an Aurora member's backups are its cluster's (AutomatedClusterSnapshots)
                if (days == 0 || state.replicaSources.containsKey(instance.id()) || state.instanceClusters.containsKey(instance.id())
                        || !instance.status(now).equals("available")) {
                    continue;
                }
                Instant oldest = now.minus(Duration.ofDays(days));
                List<SnapshotRecord> added = new ArrayList<>();
                for (Instant due : dueTimes(instance.createdAt(), now)) {
                    String id = "rds:" + instance.id() + "-" + SUFFIX.format(due);
                    if (due.isBefore(oldest) || state.snapshots.containsKey(id)) {
                        continue;
                    }
                    SnapshotRecord record = record(store, instance, id, due);
                    state.snapshots.put(id, record);
                    RdsEvents.snapshot(state, record);
                    added.add(record);
                }
                for (SnapshotRecord old : List.copyOf(state.snapshots.values())) {
                    if (TYPE.equals(old.type()) && old.instanceId().equals(instance.id()) && old.createdAt().isBefore(oldest)) {
                        state.snapshots.remove(old.id());
                        dropped.add(old.backup());
                    }
                }
                RunningDatabase server = instance.database();
                if (!added.isEmpty() && server != null && server.ready()) {
                    copies.add(() -> copy(store, state, server, added));
                }
            }
        }
        for (Path backup : dropped) {
            if (backup != null && state.snapshots.values().stream().noneMatch(s -> backup.equals(s.backup()))) {
                store.databases().delete(backup);
            }
        }
        copies.forEach(COPIER::execute);
    }

    /** The instance's automated snapshots (deleted with it unless DeleteAutomatedBackups is false); their copies go too. */
    static List<Path> removeOf(RdsState state, String instanceId) {
        List<Path> backups = new ArrayList<>();
        for (SnapshotRecord s : List.copyOf(state.snapshots.values())) {
            if (TYPE.equals(s.type()) && s.instanceId().equals(instanceId)) {
                state.snapshots.remove(s.id());
                if (s.backup() != null) {
                    backups.add(s.backup());
                }
            }
        }
        return backups;
    }

    /** Creation, then the start of each day's backup window after it, up to {@code now}. */
    static List<Instant> dueTimes(Instant created, Instant now) {
        List<Instant> due = new ArrayList<>();
        due.add(created);
        Instant next = created.atZone(ZoneOffset.UTC).toLocalDate().atTime(WINDOW_START).toInstant(ZoneOffset.UTC);
        if (!next.isAfter(created)) {
            next = next.plus(Duration.ofDays(1));
        }
        for (; !next.isAfter(now); next = next.plus(Duration.ofDays(1))) {
            due.add(next);
        }
        return due;
    }

    private static SnapshotRecord record(RdsStore store, InstanceRecord instance, String id, Instant at) {
        String[] arn = instance.arn().split(":");
        InstanceSettings s = instance.settings();
        return new SnapshotRecord(id, RdsArns.of(arn[3], arn[4], RdsArns.SNAPSHOT, id), TYPE, instance.id(),
                instance.resourceId(), instance.engine(), s.engineVersion(), s.allocatedStorage(), s.storageType(),
                instance.port(), instance.availabilityZone(), instance.vpcId(), instance.masterUsername(),
                s.masterPassword(), instance.dbName(), instance.createdAt(), at, Steps.settled("available"), null, null);
    }

    /** One copy of the server's data, shared by every snapshot just taken; none when the copy fails. */
    private static void copy(RdsStore store, RdsState state, RunningDatabase server, List<SnapshotRecord> added) {
        SnapshotRecord newest = added.get(added.size() - 1);
        Path backup;
        try {
            backup = store.databases().backup(server, newest.arn().split(":")[4] + "-" + newest.arn().split(":")[3] + "-"
                    + newest.id().replace(':', '-') + "-" + System.nanoTime());
        } catch (java.io.IOException | RuntimeException e) {
            return; // the snapshots stay without data, as a restore from them will say
        }
        boolean used = false;
        for (SnapshotRecord record : added) {
            used |= state.snapshots.replace(record.id(), record, record.withBackup(backup));
        }
        if (!used) {
            store.databases().delete(backup);
        } else {
            store.changedOutsideCall(); // in the background: no call's commit follows
        }
    }
}
