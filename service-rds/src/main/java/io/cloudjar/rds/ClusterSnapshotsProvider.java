package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.rds.model.CopyDbClusterSnapshotRequest;
import software.amazon.awssdk.services.rds.model.CopyDbClusterSnapshotResponse;
import software.amazon.awssdk.services.rds.model.CreateDbClusterSnapshotRequest;
import software.amazon.awssdk.services.rds.model.CreateDbClusterSnapshotResponse;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DeleteDbClusterSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbClusterSnapshotResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.RestoreDbClusterFromSnapshotRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbClusterFromSnapshotResponse;

/** DB cluster snapshots: create, describe, copy, delete, and restoring one to a new cluster with its data. */
public final class ClusterSnapshotsProvider implements ServiceProvider {
    private static final Filters<ClusterSnapshotRecord> FILTERS = new Filters<ClusterSnapshotRecord>()
            .on("db-cluster-id", s -> List.of(s.clusterId()))
            .on("db-cluster-snapshot-id", s -> List.of(s.id(), s.arn()))
            .onValue("snapshot-type", ClusterSnapshotRecord::type)
            .onValue("engine", ClusterSnapshotRecord::engine);
    private static final Set<String> FILTER_NAMES = Set.of("db-cluster-id", "db-cluster-snapshot-id", "snapshot-type", "engine");

    private RdsStore store;
    private ClusterLauncher launcher;
    private InstanceLauncher instances;

    @Override
    public String api() {
        return "rds";
    }

    @Override
    public void init(ServiceContext context) {
        store = RdsStore.of(context);
        launcher = new ClusterLauncher(store);
        instances = new InstanceLauncher(store);
        // named by identifier or by ARN: authorized on its ARN either way
        context.addRuleResolver("rdsClusterSnapshotArn", RdsArns.byIdOrArn(RdsArns.CLUSTER_SNAPSHOT));
    }

    public CreateDbClusterSnapshotResponse createDBClusterSnapshot(CallContext ctx, CreateDbClusterSnapshotRequest r) {
        String id = Identifiers.identifier("DBClusterSnapshotIdentifier", r.dbClusterSnapshotIdentifier());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        java.util.Map<String, String> tags = RdsTags.of(r.tags());
        ClusterRecord cluster;
        ClusterSnapshotRecord snapshot;
        synchronized (state.lock) {
            if (state.clusterSnapshots.containsKey(id)) {
                throw RdsErrors.clusterSnapshotExists(id);
            }
            cluster = Clusters.available(state, r.dbClusterIdentifier(), ctx.receivedAt());
            snapshot = ClusterSnapshots.record(store, ctx, cluster, id, "manual");
            state.clusterSnapshots.put(id, snapshot);
            state.putTags(snapshot.arn(), cluster.settings().copyTagsToSnapshot() && tags.isEmpty() ? state.tagsOf(cluster.arn()) : tags);
            RdsEvents.clusterSnapshot(state, snapshot);
        }
        ClusterSnapshots.copyData(store, state, ctx, cluster, snapshot);
        return CreateDbClusterSnapshotResponse.builder().dbClusterSnapshot(view(state, snapshot, ctx.receivedAt())).build();
    }

    public DescribeDbClusterSnapshotsResponse describeDBClusterSnapshots(CallContext ctx, DescribeDbClusterSnapshotsRequest r) {
        int maxRecords = RdsRequests.maxRecords(r.maxRecords());
        List<Filters.Filter> filters = RdsRequests.filters(r.filters(), FILTER_NAMES);
        RdsState state = store.get(ctx.accountId(), ctx.region());
        AutomatedClusterSnapshots.materialize(store, state, ctx.receivedAt());
        List<ClusterSnapshotRecord> matching = r.dbClusterSnapshotIdentifier() != null
                ? List.of(ClusterSnapshots.find(state, r.dbClusterSnapshotIdentifier()))
                : state.clusterSnapshots.values().stream().sorted(Comparator.comparing(ClusterSnapshotRecord::id)).toList();
        String clusterId = r.dbClusterIdentifier();
        String type = r.snapshotType();
        matching = matching.stream()
                .filter(s -> clusterId == null || s.clusterId().equalsIgnoreCase(clusterId) || s.clusterId().equals(arnName(clusterId)))
                .filter(s -> type == null || s.type().equals(type))
                .filter(s -> FILTERS.matches(s, filters)).toList();
        Pages.Page<ClusterSnapshotRecord> page = Pages.page(matching, ClusterSnapshotRecord::id, maxRecords, r.marker());
        return DescribeDbClusterSnapshotsResponse.builder()
                .dbClusterSnapshots(page.items().stream().map(s -> view(state, s, ctx.receivedAt())).toList())
                .marker(page.nextToken()).build();
    }

    public DeleteDbClusterSnapshotResponse deleteDBClusterSnapshot(CallContext ctx, DeleteDbClusterSnapshotRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        ClusterSnapshotRecord snapshot;
        synchronized (state.lock) {
            snapshot = ClusterSnapshots.find(state, r.dbClusterSnapshotIdentifier());
            if (!snapshot.steps().status(ctx.receivedAt()).equals("available")) {
                throw RdsErrors.clusterSnapshotState(snapshot.id(), "available");
            }
            if (AutomatedSnapshots.TYPE.equals(snapshot.type())) {
                throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidDBClusterSnapshotStateFault",
                        "Only manual snapshots may be deleted.");
            }
            state.clusterSnapshots.remove(snapshot.id());
            state.tags.remove(snapshot.arn());
        }
        if (state.clusterSnapshots.values().stream().noneMatch(s -> snapshot.backup() != null && snapshot.backup().equals(s.backup()))) {
            store.databases().delete(snapshot.backup());
        }
        return DeleteDbClusterSnapshotResponse.builder().dbClusterSnapshot(snapshot.toSdk(ctx.receivedAt(), "deleted")).build();
    }

    /** A copy in the same account and region shares the source's data copy (snapshots are immutable). */
    public CopyDbClusterSnapshotResponse copyDBClusterSnapshot(CallContext ctx, CopyDbClusterSnapshotRequest r) {
        String targetId = Identifiers.identifier("TargetDBClusterSnapshotIdentifier", r.targetDBClusterSnapshotIdentifier());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        synchronized (state.lock) {
            ClusterSnapshotRecord source = ClusterSnapshots.find(state, r.sourceDBClusterSnapshotIdentifier());
            if (!source.steps().status(now).equals("available")) {
                throw RdsErrors.clusterSnapshotState(source.id(), "available");
            }
            if (state.clusterSnapshots.containsKey(targetId)) {
                throw RdsErrors.clusterSnapshotExists(targetId);
            }
            ClusterSnapshotRecord copy = source.copyAs(targetId, RdsArns.of(ctx.region(), ctx.accountId(),
                    RdsArns.CLUSTER_SNAPSHOT, targetId), now, Steps.from(now, "creating", store.timings().snapshot(), "available"));
            state.clusterSnapshots.put(targetId, copy);
            state.putTags(copy.arn(), Boolean.TRUE.equals(r.copyTags()) ? state.tagsOf(source.arn()) : RdsTags.of(r.tags()));
            return CopyDbClusterSnapshotResponse.builder().dbClusterSnapshot(view(state, copy, now)).build();
        }
    }

    /** A new cluster whose server starts from the snapshot's data copy; its instances are created as for any cluster. */
    public RestoreDbClusterFromSnapshotResponse restoreDBClusterFromSnapshot(CallContext ctx, RestoreDbClusterFromSnapshotRequest r) {
        String id = Identifiers.identifier("DBClusterIdentifier", r.dbClusterIdentifier());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        if (r.snapshotIdentifier() == null || r.snapshotIdentifier().isBlank()) {
            throw RdsErrors.invalidValue("The parameter SnapshotIdentifier must be provided and must not be blank.");
        }
        ClusterSnapshotRecord snapshot = ClusterSnapshots.find(state, r.snapshotIdentifier());
        if (!snapshot.steps().status(ctx.receivedAt()).equals("available")) {
            throw RdsErrors.clusterSnapshotState(snapshot.id(), "available");
        }
        String engine = ClusterLauncher.engine(r.engine());
        if (!engine.equals(snapshot.engine())) {
            throw RdsErrors.invalidCombination("The engine %s does not match the snapshot's engine %s.", engine, snapshot.engine());
        }
        EngineVersion version = InstanceRules.version(engine, r.engineVersion() != null ? r.engineVersion() : snapshot.engineVersion());
        int port = r.port() != null ? InstanceRules.port(r.port(), engine) : snapshot.port();
        String group = Clusters.parameterGroupFor(state, ctx, r.dbClusterParameterGroupName(), version.family());
        InstanceLauncher.Placement placement = instances.place(ctx, state, r.dbSubnetGroupName(), null, r.vpcSecurityGroupIds());
        ClusterSettings settings = new ClusterSettings(version.version(), 1, Boolean.TRUE.equals(r.deletionProtection()),
                group, placement.securityGroupIds(), snapshot.masterPassword(), Boolean.TRUE.equals(r.copyTagsToSnapshot()));
        ClusterLauncher.Shape shape = new ClusterLauncher.Shape(engine, version, snapshot.masterUsername(), snapshot.dbName(),
                port, placement, ClusterLauncher.zones(ctx, state, placement), snapshot.storageEncrypted(), settings,
                ServerlessScaling.of(r.serverlessV2ScalingConfiguration()));
        ClusterRecord cluster = launcher.launch(ctx, state, id, shape, RdsTags.of(r.tags()), snapshot.backup(), snapshot.id());
        return RestoreDbClusterFromSnapshotResponse.builder()
                .dbCluster(ClusterViews.toSdk(cluster, state, ctx.receivedAt(), store.readerEndpoints())).build();
    }

    private static String arnName(String idOrArn) {
        return idOrArn.substring(idOrArn.lastIndexOf(':') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static DBClusterSnapshot view(RdsState state, ClusterSnapshotRecord s, Instant now) {
        return s.toSdk(now, s.steps().status(now)).toBuilder().tagList(RdsTags.toSdk(state.tagsOf(s.arn()))).build();
    }
}
