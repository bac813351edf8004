package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.rds.engine.RunningDatabase;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.CreateRelationalDatabaseFromSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.CreateRelationalDatabaseFromSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.CreateRelationalDatabaseSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.CreateRelationalDatabaseSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteRelationalDatabaseSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteRelationalDatabaseSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseSnapshotRequest;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseSnapshotResponse;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseSnapshotsRequest;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseSnapshotsResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBundle;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseSnapshot;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * Snapshots of managed databases (a copy of the real server's data, taken while it runs) and new databases from
 * them, on the snapshot's bundle or a larger one, with the snapshot's data, users and master password.
 */
public final class RelationalDatabaseSnapshotsProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;
    private LightsailDatabases databases;

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        databases = LightsailDatabases.of(context);
    }

    public CreateRelationalDatabaseSnapshotResponse createRelationalDatabaseSnapshot(CallContext ctx,
            CreateRelationalDatabaseSnapshotRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        Map<String, String> tags = LightsailTags.of(request.tags());
        synchronized (state.lock) {
            RelationalDatabaseRecord db = state.relationalDatabases.get(request.relationalDatabaseName());
            RelationalDatabaseSnapshotRecord snapshot = RelationalDatabaseServers.snapshot(databases, state, scope, db,
                    request.relationalDatabaseSnapshotName(), tags);
            return CreateRelationalDatabaseSnapshotResponse.builder().operations(
                    state.operations.record(scope, snapshot.meta(), OperationType.CREATE_RELATIONAL_DATABASE_SNAPSHOT, db.name()),
                    state.operations.record(scope, db.meta(), OperationType.CREATE_RELATIONAL_DATABASE_SNAPSHOT, snapshot.name()))
                    .build();
        }
    }

    public GetRelationalDatabaseSnapshotResponse getRelationalDatabaseSnapshot(CallContext ctx,
            GetRelationalDatabaseSnapshotRequest request) {
        return GetRelationalDatabaseSnapshotResponse.builder().relationalDatabaseSnapshot(
                state(ctx).relationalDatabaseSnapshots.get(request.relationalDatabaseSnapshotName()).toSdk()).build();
    }

    public GetRelationalDatabaseSnapshotsResponse getRelationalDatabaseSnapshots(CallContext ctx,
            GetRelationalDatabaseSnapshotsRequest request) {
        List<RelationalDatabaseSnapshot> all = state(ctx).relationalDatabaseSnapshots.list().stream()
                .map(RelationalDatabaseSnapshotRecord::toSdk).toList();
        Pages<RelationalDatabaseSnapshot> page = Pages.of(all, request.pageToken(), PAGE_SIZE);
        return GetRelationalDatabaseSnapshotsResponse.builder().relationalDatabaseSnapshots(page.items())
                .nextPageToken(page.nextPageToken()).build();
    }

    public DeleteRelationalDatabaseSnapshotResponse deleteRelationalDatabaseSnapshot(CallContext ctx,
            DeleteRelationalDatabaseSnapshotRequest request) {
        LightsailState state = state(ctx);
        synchronized (state.lock) {
            RelationalDatabaseSnapshotRecord snapshot = state.relationalDatabaseSnapshots.get(request.relationalDatabaseSnapshotName());
            state.relationalDatabaseSnapshots.remove(snapshot.name());
            databases.servers().delete(snapshot.backup());
            return DeleteRelationalDatabaseSnapshotResponse.builder().operations(state.operations.record(LightsailScope.of(ctx),
                    snapshot.meta(), OperationType.DELETE_RELATIONAL_DATABASE_SNAPSHOT, null)).build();
        }
    }

    /** A new database from a snapshot (point-in-time restores from a source database are not emulated). */
    public CreateRelationalDatabaseFromSnapshotResponse createRelationalDatabaseFromSnapshot(CallContext ctx,
            CreateRelationalDatabaseFromSnapshotRequest r) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        Map<String, String> tags = LightsailTags.of(r.tags());
        if (r.relationalDatabaseSnapshotName() == null) {
            throw LightsailErrors.invalidInput("A relational database snapshot name is required: restoring a source database"
                    + " to a point in time is not supported by Cloudjar.");
        }
        String zone = RelationalDatabasesProvider.zone(scope, r.availabilityZone());
        synchronized (state.lock) {
            RelationalDatabaseSnapshotRecord snapshot = state.relationalDatabaseSnapshots.get(r.relationalDatabaseSnapshotName());
            RelationalDatabaseRecord from = snapshot.from();
            RelationalDatabaseBundle bundle = r.relationalDatabaseBundleId() == null ? from.bundle()
                    : DatabaseCatalog.bundle(r.relationalDatabaseBundleId());
            if (bundle.diskSizeInGb() < from.bundle().diskSizeInGb()) {
                throw LightsailErrors.invalidInput("The bundle %s is smaller than the snapshot's (%s): choose one with at least"
                        + " %d GB of disk.", bundle.bundleId(), from.bundle().bundleId(), from.bundle().diskSizeInGb());
            }
            if (state.relationalDatabases.contains(r.relationalDatabaseName())) {
                throw LightsailErrors.namesInUse(List.of(r.relationalDatabaseName()));
            }
            RunningDatabase server = snapshot.backup() == null ? null : RelationalDatabaseServers.start(databases,
                    from.engine(), from.masterUsername(), from.password(), from.masterDatabaseName(), snapshot.backup());
            RelationalDatabaseRecord db = new RelationalDatabaseRecord(ResourceMeta.create(scope,
                    ResourceType.RELATIONAL_DATABASE, r.relationalDatabaseName(), zone,
                    "RelationalDatabase/" + r.relationalDatabaseName(), tags),
                    from.blueprint(), bundle, RelationalDatabasesProvider.secondaryZone(scope, zone, bundle),
                    from.masterDatabaseName(), from.masterUsername(), from.password(), scope.now(), null,
                    r.publiclyAccessible() == null ? from.publiclyAccessible() : r.publiclyAccessible(),
                    from.backupWindow(), from.maintenanceWindow(), true, scope.now().plus(store.timings().pending()), server,
                    RelationalDatabaseRecord.Transition.NONE);
            state.relationalDatabases.put(db);
            return CreateRelationalDatabaseFromSnapshotResponse.builder().operations(state.operations.record(scope, db.meta(),
                    OperationType.CREATE_RELATIONAL_DATABASE_FROM_SNAPSHOT, snapshot.name(), db.availableAt())).build();
        }
    }
}
