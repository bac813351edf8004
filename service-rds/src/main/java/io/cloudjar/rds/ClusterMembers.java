package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.rds.engine.RunningDatabase;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;

/**
 * The instances of Aurora clusters. The first is the writer: it answers on the cluster's own server. Each later one
 * is a reader: a real replica of that server (PostgreSQL streaming replication, MariaDB GTID replication), so it is
 * read-only and sees the writer's data. A failover swaps which instance answers on the cluster's server.
 */
final class ClusterMembers {
    private static final String MEMBER = "The requested DB Instance will be a member of a DB Cluster. ";

    private ClusterMembers() {
    }

    /** CreateDBInstance with DBClusterIdentifier: what belongs to the cluster is refused here, as AWS does. */
    static InstanceRecord create(RdsStore store, InstanceLauncher launcher, CallContext ctx, CreateDbInstanceRequest r) {
        String id = Identifiers.identifier("DBInstanceIdentifier", r.dbInstanceIdentifier());
        refuseClusterMembers(r);
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        ClusterRecord cluster = Clusters.find(state, r.dbClusterIdentifier(), now);
        String engine = InstanceRules.engine(r.engine());
        if (!engine.equals(cluster.engine())) {
            throw RdsErrors.invalidCombination("The engine name requested for your DB instance (%s) doesn't match the"
                    + " engine name of your DB cluster (%s).", engine, cluster.engine());
        }
        String version = cluster.settings().engineVersion();
        if (r.engineVersion() != null && !r.engineVersion().equals(version)) {
            throw RdsErrors.invalidCombination("The engine version requested for your DB instance (%s) doesn't match"
                    + " the engine version of your DB cluster (%s).", r.engineVersion(), version);
        }
        InstanceRules.instanceClass(r.dbInstanceClass(), engine, version);
        ServerlessScaling.checkInstance(state, cluster, r.dbInstanceClass());
        if (r.dbSubnetGroupName() != null && !r.dbSubnetGroupName().equalsIgnoreCase(
                cluster.subnetGroupName() == null ? "default" : cluster.subnetGroupName())) {
            throw RdsErrors.invalidCombination("The DB subnet group of a cluster member must be its cluster's: %s.",
                    cluster.subnetGroupName());
        }
        if (!List.of("available", "backing-up", "modifying").contains(cluster.status(now))) {
            throw RdsErrors.clusterState("DbCluster %s is not in available state.", cluster.id());
        }
        int tier = r.promotionTier() == null ? 1 : r.promotionTier();
        if (tier < 0 || tier > 15) {
            throw RdsErrors.invalidValue("Invalid PromotionTier: %d. Valid values are 0 to 15.", tier);
        }
        EngineVersion engineVersion = InstanceRules.version(engine, version);
        String parameterGroup = InstanceLauncher.parameterGroup(state, ctx, r.dbParameterGroupName(), engineVersion.family());
        InstanceLauncher.Placement placement = launcher.place(ctx, state, cluster.subnetGroupName(), r.availabilityZone(),
                cluster.settings().securityGroupIds());
        boolean publiclyAccessible = r.publiclyAccessible() != null ? r.publiclyAccessible() : placement.defaultVpc();
        ClusterSettings cs = cluster.settings();
        InstanceSettings settings = new InstanceSettings(version, r.dbInstanceClass(), 1, "aurora", cs.backupRetention(),
                false, publiclyAccessible, false, parameterGroup, cs.securityGroupIds(), cs.masterPassword());
        boolean writer;
        synchronized (state.lock) { // the first member is the writer, decided once even for concurrent calls
            ClusterRecord current = state.clusters.get(cluster.id());
            writer = current.writerId() == null;
            if (writer) {
                state.clusters.put(cluster.id(), current.withWriter(id));
            }
            state.instanceClusters.put(id, cluster.id()); // before it starts: its server takes the cluster's parameters
            state.promotionTiers.put(id, tier);
        }
        RunningDatabase server = cluster.database();
        InstanceLauncher.FromServer from = server == null || server.failure().isPresent() ? null
                : new InstanceLauncher.FromServer(server, !writer, writer);
        InstanceRecord created;
        try {
            created = launcher.launch(ctx, state, id, engine, cluster.masterUsername(), cluster.dbName(), cluster.port(),
                    placement, settings, RdsTags.of(r.tags()), null, null, from);
        } catch (RuntimeException e) {
            synchronized (state.lock) {
                state.instanceClusters.remove(id, cluster.id());
                if (writer) {
                    state.clusters.computeIfPresent(cluster.id(), (k, c) -> id.equals(c.writerId()) ? c.withWriter(null) : c);
                }
            }
            throw e;
        }
        RdsEvents.cluster(state, cluster, now, "configuration change", "Added DB instance " + id + " to DB cluster.");
        return created;
    }

    private static void refuseClusterMembers(CreateDbInstanceRequest r) {
        if (r.masterUsername() != null) {
            throw RdsErrors.invalidCombination(MEMBER + "Set master user name for the DB Cluster.");
        }
        if (r.masterUserPassword() != null) {
            throw RdsErrors.invalidCombination(MEMBER + "Set master user password for the DB Cluster.");
        }
        if (r.allocatedStorage() != null || r.storageType() != null || r.iops() != null) {
            throw RdsErrors.invalidCombination(MEMBER + "You don't need to set storage size.");
        }
        if (r.dbName() != null) {
            throw RdsErrors.invalidCombination(MEMBER + "Set database name for the DB Cluster.");
        }
        if (r.backupRetentionPeriod() != null) {
            throw RdsErrors.invalidCombination(MEMBER + "Set backup retention period for the DB Cluster.");
        }
        if (r.hasVpcSecurityGroupIds() && !r.vpcSecurityGroupIds().isEmpty()) {
            throw RdsErrors.invalidCombination(MEMBER + "Set VPC security groups for the DB Cluster.");
        }
        if (r.port() != null) {
            throw RdsErrors.invalidCombination(MEMBER + "Set port for the DB Cluster.");
        }
        if (Boolean.TRUE.equals(r.multiAZ())) {
            throw RdsErrors.invalidCombination(MEMBER + "Multi-AZ comes from the cluster's readers in other zones.");
        }
    }

    /** Failover order, as Aurora's: the lowest promotion tier first, then by identifier. */
    static java.util.Comparator<InstanceRecord> byPriority(RdsState state) {
        return java.util.Comparator.<InstanceRecord>comparingInt(i -> state.promotionTiers.getOrDefault(i.id(), 1))
                .thenComparing(InstanceRecord::id);
    }

    /** Whether {@code instance} belongs to a cluster. */
    static boolean isMember(RdsState state, InstanceRecord instance) {
        return state.instanceClusters.containsKey(instance.id());
    }

    /**
     * Makes {@code readerId} the writer of {@code cluster} (under the state's lock): it takes over the cluster's server
     * and the former writer the reader's replica, so the cluster endpoint, the writer's endpoint and the data all
     * stay where AWS has them.
     */
    static ClusterRecord failover(RdsState state, ClusterRecord cluster, InstanceRecord reader, Steps readerSteps) {
        InstanceRecord writer = cluster.writerId() == null ? null : state.instances.get(cluster.writerId());
        if (writer != null) {
            state.instances.put(writer.id(), writer.withDatabase(reader.database(), reader.noEngine()));
        }
        state.instances.put(reader.id(), reader.withDatabase(cluster.database(), cluster.noEngine()).withSteps(readerSteps));
        ClusterRecord next = cluster.withWriter(reader.id());
        state.clusters.put(cluster.id(), next);
        return next;
    }

    /**
     * A member is being deleted (under the state's lock): a deleted writer hands the cluster to its first reader, as
     * Aurora fails over. Answers the server to stop with it, never the cluster's own.
     */
    static RunningDatabase leave(RdsState state, InstanceRecord instance, Instant now) {
        String clusterId = state.instanceClusters.get(instance.id());
        ClusterRecord cluster = clusterId == null ? null : state.clusters.get(clusterId);
        if (cluster == null) {
            return instance.database();
        }
        RunningDatabase toStop = instance.database();
        if (instance.id().equals(cluster.writerId())) {
            List<InstanceRecord> readers = state.membersOf(cluster.id(), now).stream()
                    .filter(i -> !i.id().equals(instance.id()) && !i.status(now).equals("deleting"))
                    .sorted(byPriority(state)).toList();
            if (readers.isEmpty()) {
                state.clusters.put(cluster.id(), cluster.withWriter(null));
                toStop = null;
            } else {
                InstanceRecord reader = readers.get(0);
                toStop = reader.database();
                failover(state, cluster, reader, reader.steps());
                RdsEvents.cluster(state, cluster, now, "failover", "Completed failover to DB instance: " + reader.id());
            }
        }
        RdsEvents.cluster(state, cluster, now, "configuration change", "Removed DB instance " + instance.id() + " from DB cluster.");
        return toStop == cluster.database() ? null : toStop;
    }
}
