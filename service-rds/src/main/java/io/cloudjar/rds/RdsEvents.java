package io.cloudjar.rds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.rds.model.Event;

/**
 * RDS events, recorded when a call starts a transition: those of its end are dated when the clock will reach it,
 * and DescribeEvents shows an event only once its date has come, so events follow the same clock as the statuses.
 */
final class RdsEvents {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** AWS keeps events for 14 days; older ones are dropped when new ones come. */
    static final Duration KEPT = Duration.ofDays(14);

    /** One event; {@code key} orders events by date, then by the order they were recorded (the paging key). */
    record Entry(String key, Instant date, String sourceType, String sourceId, String sourceArn, String category, String message) {
        Event toSdk() {
            return Event.builder().sourceIdentifier(sourceId).sourceType(sourceType).message(message)
                    .eventCategories(category).date(date).sourceArn(sourceArn).build();
        }
    }

    private RdsEvents() {
    }

    static void add(RdsState state, Instant date, String sourceType, String sourceId, String sourceArn, String category,
                    String message) {
        String key = String.format("%020d-%012d", date.toEpochMilli(), SEQUENCE.incrementAndGet());
        state.events.add(new Entry(key, date, sourceType, sourceId, sourceArn, category, message));
        state.events.removeIf(e -> e.date().isBefore(date.minus(KEPT)));
    }

    static void instance(RdsState state, InstanceRecord i, Instant date, String category, String message) {
        add(state, date, "db-instance", i.id(), i.arn(), category, message);
    }

    /** An event when a transition ends ({@code i}'s single step). */
    static void whenSettled(RdsState state, InstanceRecord i, String category, String message) {
        instance(state, i, i.steps().steps().get(i.steps().steps().size() - 1).until(), category, message);
    }

    static void cluster(RdsState state, ClusterRecord c, Instant date, String category, String message) {
        add(state, date, "db-cluster", c.id(), c.arn(), category, message);
    }

    /** An event when a cluster's transition ends ({@code c}'s last step). */
    static void whenSettled(RdsState state, ClusterRecord c, String category, String message) {
        cluster(state, c, c.steps().steps().get(c.steps().steps().size() - 1).until(), category, message);
    }

    static void clusterSnapshot(RdsState state, ClusterSnapshotRecord s) {
        String kind = "automated".equals(s.type()) ? "automated" : "manual";
        add(state, s.createdAt(), "db-cluster-snapshot", s.id(), s.arn(), "creation", "Creating " + kind + " cluster snapshot");
        Instant done = s.steps().steps().isEmpty() ? s.createdAt() : s.steps().steps().get(0).until();
        add(state, done, "db-cluster-snapshot", s.id(), s.arn(), "creation", Character.toUpperCase(kind.charAt(0))
                + kind.substring(1) + " cluster snapshot created");
    }

    static void snapshot(RdsState state, SnapshotRecord s) {
        String kind = "automated".equals(s.type()) ? "automated" : "manual";
        add(state, s.createdAt(), "db-snapshot", s.id(), s.arn(), "creation", "Creating " + kind + " snapshot");
        Instant done = s.steps().steps().isEmpty() ? s.createdAt() : s.steps().steps().get(0).until();
        add(state, done, "db-snapshot", s.id(), s.arn(), "creation", Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " snapshot created");
    }

    /** The events of a new instance: created when "creating" ends, backed up when "backing-up" ends. */
    static void created(RdsState state, InstanceRecord i, String restoredFrom) {
        List<Steps.Step> steps = i.steps().steps();
        if (restoredFrom != null) {
            instance(state, i, i.createdAt(), "restoration", "Restored from snapshot " + restoredFrom);
        }
        instance(state, i, steps.get(0).until(), "creation", "DB instance created");
        instance(state, i, steps.get(0).until(), "backup", "Backing up DB instance");
        instance(state, i, steps.get(1).until(), "backup", "Finished DB Instance backup");
    }
}
