package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import io.cloudjar.rds.engine.DatabaseEngine;
import io.cloudjar.rds.engine.DatabaseServers;
import io.cloudjar.rds.engine.DatabaseSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.model.CreateDbClusterRequest;
import software.amazon.awssdk.services.rds.model.ServerlessV2ScalingConfigurationInfo;

/**
 * Creates Aurora DB clusters (CreateDBCluster and RestoreDBClusterFromSnapshot): checks everything before creating
 * anything, places the cluster in its subnet group's VPC, and starts the cluster's server in the background — the
 * real database that the cluster endpoint and its writer answer on.
 */
final class ClusterLauncher {
    private final RdsStore store;
    private final InstanceLauncher instances;

    ClusterLauncher(RdsStore store) {
        this.store = store;
        this.instances = new InstanceLauncher(store);
    }

    /**
     * What a new cluster is, apart from its identity and data.
     *
     * @param scaling the Serverless v2 capacity range asked for ({@link ServerlessScaling#of}), or null
     */
    record Shape(String engine, EngineVersion version, String masterUsername, String dbName, int port,
                 InstanceLauncher.Placement placement, List<String> zones, boolean storageEncrypted,
                 ClusterSettings settings, ServerlessV2ScalingConfigurationInfo scaling) {
    }

    ClusterRecord create(CallContext ctx, CreateDbClusterRequest r) {
        String id = Identifiers.identifier("DBClusterIdentifier", r.dbClusterIdentifier());
        String engine = engine(r.engine());
        EngineVersion version = InstanceRules.version(engine, r.engineVersion());
        if (r.engineMode() != null && !r.engineMode().equals("provisioned")) {
            throw RdsErrors.invalidValue("The engine mode %s you requested is currently unavailable.", r.engineMode());
        }
        InstanceRules.masterUsername(r.masterUsername());
        InstanceRules.masterPassword(r.masterUserPassword());
        InstanceRules.dbName(r.databaseName());
        int retention = retention(r.backupRetentionPeriod());
        int port = InstanceRules.port(r.port(), engine);
        if (r.storageType() != null && !InstanceClasses.AURORA_STORAGE_TYPES.contains(r.storageType())) {
            throw RdsErrors.invalidValue("Invalid storage type: %s", r.storageType());
        }
        RdsState state = store.get(ctx.accountId(), ctx.region());
        String group = Clusters.parameterGroupFor(state, ctx, r.dbClusterParameterGroupName(), version.family());
        InstanceLauncher.Placement placement = instances.place(ctx, state, r.dbSubnetGroupName(), null, r.vpcSecurityGroupIds());
        ClusterSettings settings = new ClusterSettings(version.version(), retention, Boolean.TRUE.equals(r.deletionProtection()),
                group, placement.securityGroupIds(), r.masterUserPassword(), Boolean.TRUE.equals(r.copyTagsToSnapshot()));
        Shape shape = new Shape(engine, version, r.masterUsername(), r.databaseName(), port, placement,
                zones(ctx, state, placement), Boolean.TRUE.equals(r.storageEncrypted()), settings,
                ServerlessScaling.of(r.serverlessV2ScalingConfiguration()));
        return launch(ctx, state, id, shape, RdsTags.of(r.tags()), null, null);
    }

    /** An Aurora engine; the others make Multi-AZ DB clusters, which Cloudjar does not run. */
    static String engine(String requested) {
        String engine = InstanceRules.engine(requested);
        if (!Aurora.is(engine)) {
            throw RdsErrors.invalidCombination("Cloudjar runs Aurora DB clusters (aurora-mysql, aurora-postgresql);"
                    + " Multi-AZ DB clusters of %s are not supported.", engine);
        }
        return engine;
    }

    /** Aurora keeps backups for 1 to 35 days: there is no turning them off. */
    static int retention(Integer days) {
        int value = days == null ? 1 : days;
        if (value < 1 || value > 35) {
            throw RdsErrors.invalidValue("Invalid backup retention period: %d. Valid values are 1 to 35 days.", value);
        }
        return value;
    }

    /** The zones a cluster spans: up to three of its subnet group's (the region's a, b, c without one). */
    static List<String> zones(CallContext ctx, RdsState state, InstanceLauncher.Placement placement) {
        SubnetGroupRecord group = placement.subnetGroupName() == null ? null : state.subnetGroups.get(placement.subnetGroupName());
        if (group == null) {
            return List.of(ctx.region() + "a", ctx.region() + "b", ctx.region() + "c");
        }
        return group.subnets().stream().map(io.cloudjar.vpc.api.SubnetInfo::availabilityZone).distinct().sorted().limit(3).toList();
    }

    /** Stores the new cluster and starts its server: a fresh one, or one from a cluster snapshot's {@code backup}. */
    ClusterRecord launch(CallContext ctx, RdsState state, String id, Shape shape, Map<String, String> tags, Path backup,
                         String snapshotId) {
        Instant now = ctx.receivedAt();
        ClusterRecord cluster = new ClusterRecord(id, "cluster-" + Ids.iam("", 26),
                RdsArns.of(ctx.region(), ctx.accountId(), RdsArns.CLUSTER, id), shape.engine(), shape.masterUsername(),
                shape.dbName(), shape.port(), shape.placement().subnetGroupName(), shape.placement().vpcId(), shape.zones(),
                shape.storageEncrypted(), now, shape.settings(), null,
                Steps.from(now, "creating", store.timings().creating(), "available"), null, null);
        synchronized (state.lock) {
            ClusterRecord existing = state.clusters.get(id);
            if (existing != null && !existing.status(now).equals(Instances.DELETED)) {
                throw RdsErrors.clusterExists();
            }
            state.clusters.put(id, cluster);
            ServerlessScaling.keep(state, id, shape.scaling());
            state.putTags(cluster.arn(), tags);
            if (snapshotId != null) {
                RdsEvents.cluster(state, cluster, now, "notification", "Restored from snapshot " + snapshotId);
            }
            RdsEvents.cluster(state, cluster, cluster.steps().steps().get(0).until(), "creation", "DB cluster created");
        }
        ClusterRecord started = start(cluster, backup);
        if (started.database() != null) {
            started.database().applyParameters(EngineParameters.forCluster(state, started));
        }
        state.clusters.replace(id, cluster, started);
        return started;
    }

    private ClusterRecord start(ClusterRecord cluster, Path backup) {
        DatabaseServers databases = store.databases();
        String serverEngine = Aurora.serverEngine(cluster.engine());
        Optional<DatabaseEngine> engine = databases.engine(serverEngine);
        if (engine.isEmpty()) {
            return cluster.withDatabase(null, databases.whyNone(serverEngine));
        }
        // "cl-" and the id's random part: as long as an instance's "db-..." (PostgreSQL's socket path must stay short)
        String name = "cl" + cluster.resourceId().substring("cluster".length()).toLowerCase(Locale.ROOT);
        DatabaseSpec spec = new DatabaseSpec(name, cluster.masterUsername(),
                cluster.settings().masterPassword(), cluster.dbName());
        if (backup == null && cluster.settings().masterPassword() == null) {
            return cluster.withDatabase(null, "The snapshot this cluster was restored from holds no data.");
        }
        return cluster.withDatabase(backup == null ? databases.create(engine.get(), spec)
                : databases.restore(engine.get(), spec, backup), null);
    }
}
