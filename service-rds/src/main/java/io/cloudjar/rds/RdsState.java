package io.cloudjar.rds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RDS's resources in one account and region. Records are immutable and replaced whole; a change that checks
 * before it writes (a name still free, a group not in use) runs under {@link #lock}.
 */
final class RdsState {
    final Object lock = new Object();
    final Map<String, SubnetGroupRecord> subnetGroups = new ConcurrentHashMap<>();
    final Map<String, ParameterGroupRecord> parameterGroups = new ConcurrentHashMap<>();
    final Map<String, InstanceRecord> instances = new ConcurrentHashMap<>();
    final Map<String, SnapshotRecord> snapshots = new ConcurrentHashMap<>();
    /** Events, in the order recorded (see {@link RdsEvents}). */
    final java.util.List<RdsEvents.Entry> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Each read replica's source instance, by the replica's identifier (removed when promoted). */
    final Map<String, String> replicaSources = new ConcurrentHashMap<>();
    /** The accounts (or "all") each manual snapshot is shared with for restore, by snapshot identifier. */
    final Map<String, java.util.Set<String>> snapshotShares = new ConcurrentHashMap<>();
    /** What a restored instance holds when it is not exactly what was asked (a point in time), by its resource id. */
    final Map<String, String> restoreNotes = new ConcurrentHashMap<>();
    /** Option groups by lower-case name (default groups once used). */
    final Map<String, OptionGroupRecord> optionGroups = new ConcurrentHashMap<>();
    /** The option group an instance was given (CreateDBInstance/ModifyDBInstance OptionGroupName), by instance id. */
    final Map<String, String> instanceOptionGroups = new ConcurrentHashMap<>();
    /** Aurora DB clusters by identifier. */
    final Map<String, ClusterRecord> clusters = new ConcurrentHashMap<>();
    /** The DB cluster each member instance belongs to, by instance id. */
    final Map<String, String> instanceClusters = new ConcurrentHashMap<>();
    /** Each cluster's Serverless v2 capacity range (what db.serverless instances scale in), by cluster id. */
    final Map<String, software.amazon.awssdk.services.rds.model.ServerlessV2ScalingConfigurationInfo> serverlessScaling
            = new ConcurrentHashMap<>();
    /** Each member instance's failover priority (PromotionTier, 0–15; AWS's default 1), by instance id. */
    final Map<String, Integer> promotionTiers = new ConcurrentHashMap<>();
    /** DB cluster parameter groups by lower-case name (default groups once used). */
    final Map<String, ParameterGroupRecord> clusterParameterGroups = new ConcurrentHashMap<>();
    final Map<String, ClusterSnapshotRecord> clusterSnapshots = new ConcurrentHashMap<>();
    /** A cluster's master password or new name waiting for ApplyImmediately (ModifyDBCluster), by cluster id. */
    final Map<String, ClusterChangesProvider.Pending> clusterPending = new ConcurrentHashMap<>();
    /** Tags by resource ARN, in the order they were added. */
    final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();

    /** The read replicas of an instance, by identifier, sorted. */
    java.util.List<String> replicasOf(String sourceId) {
        return replicaSources.entrySet().stream().filter(e -> e.getValue().equals(sourceId)).map(Map.Entry::getKey)
                .filter(instances::containsKey).sorted().toList();
    }

    /** The live member instances of a cluster, by identifier, sorted. */
    java.util.List<InstanceRecord> membersOf(String clusterId, java.time.Instant now) {
        return instanceClusters.entrySet().stream().filter(e -> e.getValue().equals(clusterId)).map(Map.Entry::getKey)
                .sorted().map(instances::get).filter(i -> i != null && !i.status(now).equals(Instances.DELETED)).toList();
    }

    Map<String, String> tagsOf(String arn) {
        return tags.getOrDefault(arn, Map.of());
    }

    void putTags(String arn, Map<String, String> added) {
        if (!added.isEmpty()) {
            tags.compute(arn, (k, old) -> {
                Map<String, String> merged = old == null ? new LinkedHashMap<>() : new LinkedHashMap<>(old);
                merged.putAll(added);
                return java.util.Collections.unmodifiableMap(merged);
            });
        }
    }
}
