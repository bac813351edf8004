package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.rds.model.CreateDbClusterRequest;
import software.amazon.awssdk.services.rds.model.CreateDbClusterResponse;
import software.amazon.awssdk.services.rds.model.DBClusterEndpoint;
import software.amazon.awssdk.services.rds.model.DeleteDbClusterRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbClusterResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterEndpointsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterEndpointsResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.DescribeGlobalClustersRequest;
import software.amazon.awssdk.services.rds.model.DescribeGlobalClustersResponse;

/**
 * CreateDBCluster, DescribeDBClusters, DeleteDBCluster and DescribeDBClusterEndpoints for Aurora clusters; the
 * cluster's real server comes from {@link ClusterLauncher}, its instances from CreateDBInstance ({@link ClusterMembers}).
 */
public final class ClustersProvider implements ServiceProvider {
    private static final Filters<ClusterRecord> FILTERS = new Filters<ClusterRecord>()
            .on("db-cluster-id", c -> List.of(c.id(), c.arn()))
            .onValue("db-cluster-resource-id", ClusterRecord::resourceId)
            .onValue("engine", ClusterRecord::engine)
            .on("clone-group-id", c -> List.of())
            .on("domain", c -> List.of());
    private static final Set<String> FILTER_NAMES = Set.of("db-cluster-id", "db-cluster-resource-id", "engine",
            "clone-group-id", "domain");

    private RdsStore store;
    private ClusterLauncher launcher;

    @Override
    public String api() {
        return "rds";
    }

    @Override
    public void init(ServiceContext context) {
        store = RdsStore.of(context);
        launcher = new ClusterLauncher(store);
        // named by identifier or by ARN: authorized on its ARN either way
        context.addRuleResolver("rdsClusterArn", RdsArns.byIdOrArn(RdsArns.CLUSTER));
    }

    public CreateDbClusterResponse createDBCluster(CallContext ctx, CreateDbClusterRequest request) {
        ClusterRecord cluster = launcher.create(ctx, request);
        return CreateDbClusterResponse.builder().dbCluster(view(ctx, cluster)).build();
    }

    public DescribeDbClustersResponse describeDBClusters(CallContext ctx, DescribeDbClustersRequest request) {
        int maxRecords = RdsRequests.maxRecords(request.maxRecords());
        List<Filters.Filter> filters = RdsRequests.filters(request.filters(), FILTER_NAMES);
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        List<ClusterRecord> matching = request.dbClusterIdentifier() != null
                ? List.of(Clusters.find(state, request.dbClusterIdentifier(), now))
                : Clusters.live(state, now);
        matching = matching.stream().filter(c -> FILTERS.matches(c, filters)).toList();
        Pages.Page<ClusterRecord> page = Pages.page(matching, ClusterRecord::id, maxRecords, request.marker());
        return DescribeDbClustersResponse.builder().dbClusters(page.items().stream().map(c -> view(ctx, c)).toList())
                .marker(page.nextToken()).build();
    }

    public DescribeDbClusterEndpointsResponse describeDBClusterEndpoints(CallContext ctx, DescribeDbClusterEndpointsRequest request) {
        int maxRecords = RdsRequests.maxRecords(request.maxRecords());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        List<ClusterRecord> clusters = request.dbClusterIdentifier() != null
                ? List.of(Clusters.find(state, request.dbClusterIdentifier(), now)) : Clusters.live(state, now);
        List<Filters.Filter> filters = RdsRequests.filters(request.filters(), Set.of("db-cluster-endpoint-type",
                "db-cluster-endpoint-status", "db-cluster-endpoint-custom-type"));
        Filters<DBClusterEndpoint> endpointFilters = new Filters<DBClusterEndpoint>()
                .on("db-cluster-endpoint-type", e -> List.of(e.endpointType().toLowerCase(Locale.ROOT), e.endpointType()))
                .onValue("db-cluster-endpoint-status", DBClusterEndpoint::status)
                .on("db-cluster-endpoint-custom-type", e -> List.of());
        List<DBClusterEndpoint> all = clusters.stream().flatMap(c -> ClusterViews.endpoints(c, now).stream())
                .filter(e -> endpointFilters.matches(e, filters)).toList();
        Pages.Page<DBClusterEndpoint> page = Pages.page(all, DBClusterEndpoint::dbClusterEndpointResourceIdentifier,
                maxRecords, request.marker());
        return DescribeDbClusterEndpointsResponse.builder().dbClusterEndpoints(page.items()).marker(page.nextToken()).build();
    }

    /** Cloudjar makes no global databases: none to list, and a named one is not found. */
    public DescribeGlobalClustersResponse describeGlobalClusters(CallContext ctx, DescribeGlobalClustersRequest request) {
        RdsRequests.maxRecords(request.maxRecords());
        RdsRequests.filters(request.filters(), Set.of("db-cluster-id"));
        if (request.globalClusterIdentifier() != null) {
            throw io.cloudjar.core.errors.AwsErrors.modeled("GlobalClusterNotFoundFault", "Global cluster %s not found",
                    request.globalClusterIdentifier());
        }
        return DescribeGlobalClustersResponse.builder().globalClusters(List.of()).build();
    }

    /**
     * Refused while the cluster has instances (AWS: delete them first); a final cluster snapshot first unless skipped,
     * then "deleting" on the clock. The server stops at once, freeing its port.
     */
    public DeleteDbClusterResponse deleteDBCluster(CallContext ctx, DeleteDbClusterRequest request) {
        boolean skip = Boolean.TRUE.equals(request.skipFinalSnapshot());
        String finalId = request.finalDBSnapshotIdentifier();
        if (!skip && finalId == null) {
            throw RdsErrors.invalidCombination("FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
        }
        if (skip && finalId != null) {
            throw RdsErrors.invalidCombination("FinalDBSnapshotIdentifier can not be specified when deleting a cluster"
                    + " with SkipFinalSnapshot enabled");
        }
        String snapshotId = finalId == null ? null : Identifiers.identifier("FinalDBSnapshotIdentifier", finalId);
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        ClusterRecord deleting;
        ClusterRecord before;
        ClusterSnapshotRecord finalSnapshot = null;
        synchronized (state.lock) {
            ClusterRecord cluster = Clusters.find(state, request.dbClusterIdentifier(), now);
            String status = cluster.status(now);
            if (status.equals("deleting")) {
                throw RdsErrors.clusterState("DB cluster %s is already being deleted.", cluster.id());
            }
            if (cluster.settings().deletionProtection()) {
                throw RdsErrors.invalidCombination("Cannot delete protected Cluster, please disable deletion protection and try again.");
            }
            if (state.membersOf(cluster.id(), now).stream().anyMatch(i -> !i.status(now).equals("deleting"))) {
                throw RdsErrors.clusterState("Cluster cannot be deleted, it still contains DB instances in non-deleting state.");
            }
            before = cluster;
            if (snapshotId != null) {
                if (!status.equals("available")) {
                    throw RdsErrors.clusterState("DbCluster %s is not in available state.", cluster.id());
                }
                if (state.clusterSnapshots.containsKey(snapshotId)) {
                    throw RdsErrors.clusterSnapshotExists(snapshotId);
                }
                finalSnapshot = ClusterSnapshots.record(store, ctx, cluster, snapshotId, "manual");
                state.clusterSnapshots.put(snapshotId, finalSnapshot);
                RdsEvents.clusterSnapshot(state, finalSnapshot);
            }
            deleting = cluster.withSteps(Steps.from(now, "deleting", store.timings().deleting(), Instances.DELETED));
            state.clusters.put(cluster.id(), deleting);
            RdsEvents.whenSettled(state, deleting, "deletion", "DB cluster deleted");
            state.tags.remove(cluster.arn());
            state.clusterPending.remove(cluster.id());
            state.serverlessScaling.remove(cluster.id());
            state.instanceClusters.values().removeIf(cluster.id()::equals);
            if (!Boolean.FALSE.equals(request.deleteAutomatedBackups())) { // kept ones stay as its rds: snapshots
                AutomatedClusterSnapshots.removeOf(store, state, cluster.id());
            }
        }
        if (finalSnapshot != null) {
            ClusterSnapshots.copyData(store, state, ctx, before, finalSnapshot); // the server still runs until just below
        }
        store.readerEndpoints().close(deleting);
        store.databases().destroy(deleting.database());
        return DeleteDbClusterResponse.builder().dbCluster(view(ctx, deleting)).build();
    }

    private software.amazon.awssdk.services.rds.model.DBCluster view(CallContext ctx, ClusterRecord cluster) {
        return ClusterViews.toSdk(cluster, store.get(ctx.accountId(), ctx.region()), ctx.receivedAt(), store.readerEndpoints());
    }
}
