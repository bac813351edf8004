package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.DeleteDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;

/** CreateDBInstance, DescribeDBInstances and DeleteDBInstance; the real server comes from {@link InstanceLauncher}. */
public final class InstancesProvider implements ServiceProvider {
    private static final Filters<InstanceRecord> FILTERS = new Filters<InstanceRecord>()
            .on("db-instance-id", i -> List.of(i.id(), i.arn()))
            .onValue("dbi-resource-id", InstanceRecord::resourceId)
            .onValue("engine", InstanceRecord::engine)
            .on("domain", i -> List.of());
    private static final Set<String> FILTER_NAMES = Set.of("db-instance-id", "dbi-resource-id", "engine", "db-cluster-id", "domain");

    private RdsStore store;
    private InstanceLauncher launcher;

    @Override
    public String api() {
        return "rds";
    }

    @Override
    public void init(ServiceContext context) {
        store = RdsStore.of(context);
        launcher = new InstanceLauncher(store);
    }

    public CreateDbInstanceResponse createDBInstance(CallContext ctx, CreateDbInstanceRequest request) {
        InstanceRecord instance = launcher.create(ctx, request);
        RdsState state = store.get(ctx.accountId(), ctx.region());
        return CreateDbInstanceResponse.builder().dbInstance(InstanceViews.toSdk(instance, state, ctx.receivedAt())).build();
    }

    public DescribeDbInstancesResponse describeDBInstances(CallContext ctx, DescribeDbInstancesRequest request) {
        int maxRecords = RdsRequests.maxRecords(request.maxRecords());
        List<Filters.Filter> filters = RdsRequests.filters(request.filters(), FILTER_NAMES);
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Instant now = ctx.receivedAt();
        List<InstanceRecord> matching = request.dbInstanceIdentifier() != null
                ? List.of(Instances.find(state, request.dbInstanceIdentifier(), now))
                : Instances.live(state, now);
        List<Filters.Filter> byCluster = filters.stream().filter(f -> f.name().equals("db-cluster-id")).toList();
        List<Filters.Filter> others = filters.stream().filter(f -> !f.name().equals("db-cluster-id")).toList();
        matching = matching.stream().filter(i -> FILTERS.matches(i, others) && byCluster.stream().allMatch(f -> {
            String cluster = state.instanceClusters.get(i.id()); // by identifier or by the cluster's ARN
            return cluster != null && f.values().stream().anyMatch(v -> v.equalsIgnoreCase(cluster)
                    || v.equals(RdsArns.of(ctx.region(), ctx.accountId(), RdsArns.CLUSTER, cluster)));
        })).toList();
        Pages.Page<InstanceRecord> page = Pages.page(matching, InstanceRecord::id, maxRecords, request.marker());
        return DescribeDbInstancesResponse.builder()
                .dbInstances(page.items().stream().map(i -> InstanceViews.toSdk(i, state, now)).toList())
                .marker(page.nextToken()).build();
    }

    /**
     * A final snapshot first unless skipped (AWS requires choosing), then "deleting" on the clock; the real server
     * stops at once, freeing its port.
     */
    public DeleteDbInstanceResponse deleteDBInstance(CallContext ctx, DeleteDbInstanceRequest request) {
        boolean skip = Boolean.TRUE.equals(request.skipFinalSnapshot());
        String finalId = request.finalDBSnapshotIdentifier();
        RdsState state = store.get(ctx.accountId(), ctx.region());
        if (request.dbInstanceIdentifier() != null && state.instanceClusters.containsKey(request.dbInstanceIdentifier().toLowerCase(java.util.Locale.ROOT))) {
            if (finalId != null) { // a member's data is the cluster's: its final snapshot is the cluster's
                throw RdsErrors.invalidCombination("FinalDBSnapshotIdentifier can not be specified when deleting a DB"
                        + " instance that is a member of a DB cluster.");
            }
            skip = true;
        }
        if (!skip && finalId == null) {
            throw RdsErrors.invalidCombination("FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
        }
        if (skip && finalId != null) {
            throw RdsErrors.invalidCombination("FinalDBSnapshotIdentifier can not be specified when deleting a DB instance"
                    + " with SkipFinalSnapshot enabled");
        }
        String snapshotId = finalId == null ? null : Identifiers.identifier("FinalDBSnapshotIdentifier", finalId);
        Instant now = ctx.receivedAt();
        InstanceRecord deleting;
        InstanceRecord before;
        SnapshotRecord finalSnapshot = null;
        io.cloudjar.rds.engine.RunningDatabase toStop;
        java.util.List<java.nio.file.Path> automatedCopies = List.of();
        synchronized (state.lock) {
            InstanceRecord instance = Instances.find(state, request.dbInstanceIdentifier(), now);
            String status = instance.status(now);
            if (status.equals("deleting")) {
                throw RdsErrors.instanceState(instance.id(), "available, stopped or failed");
            }
            before = instance;
            if (instance.settings().deletionProtection()) {
                throw RdsErrors.invalidCombination("Cannot delete protected DB Instance, please disable deletion protection and try again.");
            }
            if (snapshotId != null) {
                if (!status.equals("available")) {
                    throw RdsErrors.instanceState(instance.id(), "available");
                }
                if (state.snapshots.containsKey(snapshotId)) {
                    throw RdsErrors.snapshotExists(snapshotId);
                }
                finalSnapshot = Snapshots.record(store, ctx, instance, snapshotId, "manual");
                state.snapshots.put(snapshotId, finalSnapshot);
                RdsEvents.snapshot(state, finalSnapshot);
            }
            toStop = ClusterMembers.leave(state, instance, now); // a cluster's writer hands over its server first
            deleting = state.instances.get(instance.id()).withSteps(Steps.from(now, "deleting", store.timings().deleting(), Instances.DELETED));
            state.instances.put(instance.id(), deleting);
            RdsEvents.whenSettled(state, deleting, "deletion", "DB instance deleted");
            state.tags.remove(instance.arn());
            if (!Boolean.FALSE.equals(request.deleteAutomatedBackups())) { // kept ones stay as its rds: snapshots
                automatedCopies = AutomatedSnapshots.removeOf(state, instance.id());
            }
            ReplicasProvider.promoteReplicasOf(state, instance.id());
            state.replicaSources.remove(instance.id());
            state.instanceOptionGroups.remove(instance.id());
        }
        if (finalSnapshot != null) {
            Snapshots.copyData(store, state, ctx, before, finalSnapshot); // the server still runs until just below
        }
        store.databases().destroy(toStop);
        for (java.nio.file.Path copy : automatedCopies) {
            if (state.snapshots.values().stream().noneMatch(s -> copy.equals(s.backup()))) {
                store.databases().delete(copy);
            }
        }
        return DeleteDbInstanceResponse.builder().dbInstance(InstanceViews.toSdk(deleting, state, now)).build();
    }

}
