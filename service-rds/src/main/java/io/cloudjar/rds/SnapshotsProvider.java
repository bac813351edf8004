package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.rds.model.CopyDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.CopyDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotResponse;

/** Manual DB snapshots: create, describe, copy, delete, and restoring one to a new instance with its data. */
public final class SnapshotsProvider implements ServiceProvider {
    private static final Filters<SnapshotRecord> FILTERS = new Filters<SnapshotRecord>()
            .on("db-instance-id", s -> List.of(s.instanceId()))
            .on("db-snapshot-id", s -> List.of(s.id(), s.arn()))
            .onValue("dbi-resource-id", SnapshotRecord::resourceId)
            .onValue("snapshot-type", SnapshotRecord::type)
            .onValue("engine", SnapshotRecord::engine);
    private static final Set<String> FILTER_NAMES = Set.of("db-instance-id", "db-snapshot-id", "dbi-resource-id", "snapshot-type", "engine");

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

    public CreateDbSnapshotResponse createDBSnapshot(CallContext ctx, CreateDbSnapshotRequest request) {
        String id = Identifiers.identifier("DBSnapshotIdentifier", request.dbSnapshotIdentifier());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        java.util.Map<String, String> tags = RdsTags.of(request.tags());
        InstanceRecord instance;
        SnapshotRecord snapshot;
        synchronized (state.lock) {
            if (state.snapshots.containsKey(id)) {
                throw RdsErrors.snapshotExists(id);
            }
            instance = Instances.available(state, request.dbInstanceIdentifier(), ctx.receivedAt());
            if (ClusterMembers.isMember(state, instance)) {
                throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidDBInstanceState", "The DB instance %s is a"
                        + " member of a DB cluster: take a DB cluster snapshot (CreateDBClusterSnapshot) instead.", instance.id());
            }
            snapshot = Snapshots.record(store, ctx, instance, id, "manual");
            state.snapshots.put(id, snapshot);
            state.putTags(snapshot.arn(), tags);
            RdsEvents.snapshot(state, snapshot);
        }
        Snapshots.copyData(store, state, ctx, instance, snapshot);
        return CreateDbSnapshotResponse.builder().dbSnapshot(withTags(state, snapshot, ctx.receivedAt())).build();
    }

    public DescribeDbSnapshotsResponse describeDBSnapshots(CallContext ctx, DescribeDbSnapshotsRequest request) {
        int maxRecords = RdsRequests.maxRecords(request.maxRecords());
        List<Filters.Filter> filters = RdsRequests.filters(request.filters(), FILTER_NAMES);
        RdsState state = store.get(ctx.accountId(), ctx.region());
        AutomatedSnapshots.materialize(store, state, ctx.receivedAt());
        List<SnapshotRecord> matching;
        if (request.dbSnapshotIdentifier() != null) {
            matching = List.of(find(state, request.dbSnapshotIdentifier()));
        } else {
            matching = state.snapshots.values().stream().sorted(Comparator.comparing(SnapshotRecord::id)).toList();
        }
        String instanceId = request.dbInstanceIdentifier();
        String type = request.snapshotType();
        matching = matching.stream()
                .filter(s -> instanceId == null || s.instanceId().equalsIgnoreCase(instanceId))
                .filter(s -> type == null || s.type().equals(type))
                .filter(s -> FILTERS.matches(s, filters)).toList();
        Pages.Page<SnapshotRecord> page = Pages.page(matching, SnapshotRecord::id, maxRecords, request.marker());
        return DescribeDbSnapshotsResponse.builder()
                .dbSnapshots(page.items().stream().map(s -> withTags(state, s, ctx.receivedAt())).toList())
                .marker(page.nextToken()).build();
    }

    public DeleteDbSnapshotResponse deleteDBSnapshot(CallContext ctx, DeleteDbSnapshotRequest request) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        SnapshotRecord snapshot;
        synchronized (state.lock) {
            snapshot = find(state, request.dbSnapshotIdentifier());
            if (!snapshot.steps().status(ctx.receivedAt()).equals("available")) {
                throw RdsErrors.snapshotState(snapshot.id(), "available");
            }
            if ("automated".equals(snapshot.type())) {
                throw io.cloudjar.core.errors.AwsErrors.modeled("InvalidDBSnapshotState", "Only manual snapshots may be deleted.");
            }
            state.snapshots.remove(snapshot.id());
            state.snapshotShares.remove(snapshot.id());
            state.tags.remove(snapshot.arn());
        }
        if (state.snapshots.values().stream().noneMatch(s -> snapshot.backup() != null && snapshot.backup().equals(s.backup()))) {
            store.databases().delete(snapshot.backup());
        }
        SnapshotRecord deleted = new SnapshotRecord(snapshot.id(), snapshot.arn(), snapshot.type(), snapshot.instanceId(),
                snapshot.resourceId(), snapshot.engine(), snapshot.engineVersion(), snapshot.allocatedStorage(),
                snapshot.storageType(), snapshot.port(), snapshot.availabilityZone(), snapshot.vpcId(),
                snapshot.masterUsername(), snapshot.masterPassword(), snapshot.dbName(), snapshot.instanceCreatedAt(),
                snapshot.createdAt(), Steps.settled("deleted"), null, snapshot.sourceArn());
        return DeleteDbSnapshotResponse.builder().dbSnapshot(deleted.toSdk(ctx.receivedAt())).build();
    }

    /** A copy in the same account and region shares the source's data copy (snapshots are immutable). */
    public CopyDbSnapshotResponse copyDBSnapshot(CallContext ctx, CopyDbSnapshotRequest request) {
        String targetId = Identifiers.identifier("TargetDBSnapshotIdentifier", request.targetDBSnapshotIdentifier());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        String sourceName = request.sourceDBSnapshotIdentifier();
        String[] arn = RdsArns.parse(sourceName, ctx.region(), ctx.accountId());
        if (arn != null) {
            sourceName = arn[1];
        }
        Instant now = ctx.receivedAt();
        synchronized (state.lock) {
            SnapshotRecord source = find(state, sourceName);
            if (!source.steps().status(now).equals("available")) {
                throw RdsErrors.snapshotState(source.id(), "available");
            }
            if (state.snapshots.containsKey(targetId)) {
                throw RdsErrors.snapshotExists(targetId);
            }
            SnapshotRecord copy = new SnapshotRecord(targetId, RdsArns.of(ctx.region(), ctx.accountId(), RdsArns.SNAPSHOT, targetId),
                    "manual", source.instanceId(), source.resourceId(), source.engine(), source.engineVersion(),
                    source.allocatedStorage(), source.storageType(), source.port(), source.availabilityZone(),
                    source.vpcId(), source.masterUsername(), source.masterPassword(), source.dbName(),
                    source.instanceCreatedAt(), now, Steps.from(now, "creating", store.timings().snapshot(), "available"),
                    source.backup(), source.arn());
            state.snapshots.put(targetId, copy);
            state.putTags(copy.arn(), Boolean.TRUE.equals(request.copyTags()) ? state.tagsOf(source.arn()) : RdsTags.of(request.tags()));
            return CopyDbSnapshotResponse.builder().dbSnapshot(withTags(state, copy, now)).build();
        }
    }

    public RestoreDbInstanceFromDbSnapshotResponse restoreDBInstanceFromDBSnapshot(CallContext ctx,
                                                                                   RestoreDbInstanceFromDbSnapshotRequest r) {
        String id = Identifiers.identifier("DBInstanceIdentifier", r.dbInstanceIdentifier());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        SnapshotRecord snapshot = find(state, r.dbSnapshotIdentifier());
        if (!snapshot.steps().status(ctx.receivedAt()).equals("available")) {
            throw RdsErrors.snapshotState(snapshot.id(), "available");
        }
        EngineVersion version = InstanceRules.version(snapshot.engine(), snapshot.engineVersion());
        String instanceClass = r.dbInstanceClass();
        InstanceRules.instanceClass(instanceClass, snapshot.engine(), version.version());
        String storageType = InstanceRules.storageType(r.storageType() != null ? r.storageType() : snapshot.storageType());
        int storage = r.allocatedStorage() != null ? r.allocatedStorage() : snapshot.allocatedStorage();
        InstanceRules.storage(snapshot.engine(), storageType, storage);
        boolean multiAz = Boolean.TRUE.equals(r.multiAZ());
        if (multiAz && r.availabilityZone() != null) {
            throw RdsErrors.invalidCombination("Requesting a specific availability zone is not valid for Multi-AZ instances.");
        }
        String parameterGroup = InstanceLauncher.parameterGroup(state, ctx, r.dbParameterGroupName(), version.family());
        InstanceLauncher.Placement placement = launcher.place(ctx, state, r.dbSubnetGroupName(), r.availabilityZone(), r.vpcSecurityGroupIds());
        boolean publiclyAccessible = r.publiclyAccessible() != null ? r.publiclyAccessible() : placement.defaultVpc();
        int port = r.port() != null ? InstanceRules.port(r.port(), snapshot.engine()) : snapshot.port();
        InstanceSettings settings = new InstanceSettings(version.version(), instanceClass, storage, storageType, 1,
                multiAz, publiclyAccessible, Boolean.TRUE.equals(r.deletionProtection()), parameterGroup,
                placement.securityGroupIds(), snapshot.masterPassword());
        InstanceRecord instance = launcher.launch(ctx, state, id, snapshot.engine(), snapshot.masterUsername(),
                snapshot.dbName(), port, placement, settings, RdsTags.of(r.tags()), snapshot.backup(), snapshot.id());
        return RestoreDbInstanceFromDbSnapshotResponse.builder()
                .dbInstance(InstanceViews.toSdk(instance, state, ctx.receivedAt())).build();
    }

    static SnapshotRecord find(RdsState state, String id) {
        if (id == null || id.isBlank()) {
            throw RdsErrors.invalidValue("The parameter DBSnapshotIdentifier must be provided and must not be blank.");
        }
        SnapshotRecord snapshot = state.snapshots.get(id.toLowerCase(Locale.ROOT));
        if (snapshot == null) {
            throw RdsErrors.snapshotNotFound(id);
        }
        return snapshot;
    }

    private static software.amazon.awssdk.services.rds.model.DBSnapshot withTags(RdsState state, SnapshotRecord s, Instant now) {
        return s.toSdk(now).toBuilder().tagList(RdsTags.toSdk(state.tagsOf(s.arn()))).build();
    }
}
