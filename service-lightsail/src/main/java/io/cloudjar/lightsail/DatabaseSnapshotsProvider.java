package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
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
 * Managed database snapshots: a copy of the real server's data, and new databases started from it with the same
 * users, password and rows (on a bundle at least as large). Point-in-time restores are not modelled.
 */
public final class DatabaseSnapshotsProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;

    public CreateRelationalDatabaseSnapshotResponse createRelationalDatabaseSnapshot(CallContext ctx,
                                                                                   CreateRelationalDatabaseSnapshotRequest request) {
        LightsailState state = state(ctx);
        RelationalDatabaseRecord db = state.databases.get(request.relationalDatabaseName());
        return CreateRelationalDatabaseSnapshotResponse.builder().operations(DatabaseSnapshots.take(store, state,
                LightsailScope.of(ctx), db, request.relationalDatabaseSnapshotName(), LightsailTags.of(request.tags()))).build();
    }

    public GetRelationalDatabaseSnapshotResponse getRelationalDatabaseSnapshot(CallContext ctx,
                                                                             GetRelationalDatabaseSnapshotRequest request) {
        return GetRelationalDatabaseSnapshotResponse.builder().relationalDatabaseSnapshot(
                state(ctx).databaseSnapshots.get(request.relationalDatabaseSnapshotName()).toSdk()).build();
    }

    public GetRelationalDatabaseSnapshotsResponse getRelationalDatabaseSnapshots(CallContext ctx,
                                                                               GetRelationalDatabaseSnapshotsRequest request) {
        List<RelationalDatabaseSnapshot> all = state(ctx).databaseSnapshots.list().stream().map(DatabaseSnapshotRecord::toSdk).toList();
        Pages<RelationalDatabaseSnapshot> page = Pages.of(all, request.pageToken(), PAGE_SIZE);
        return GetRelationalDatabaseSnapshotsResponse.builder().relationalDatabaseSnapshots(page.items())
                .nextPageToken(page.nextPageToken()).build();
    }

    public DeleteRelationalDatabaseSnapshotResponse deleteRelationalDatabaseSnapshot(CallContext ctx,
                                                                                   DeleteRelationalDatabaseSnapshotRequest request) {
        LightsailState state = state(ctx);
        DatabaseSnapshotRecord snapshot;
        synchronized (state.lock) {
            snapshot = state.databaseSnapshots.get(request.relationalDatabaseSnapshotName());
            state.databaseSnapshots.remove(snapshot.name());
        }
        store.databases().delete(snapshot.backup());
        return DeleteRelationalDatabaseSnapshotResponse.builder().operations(state.operations.record(LightsailScope.of(ctx),
                snapshot.meta(), OperationType.DELETE_RELATIONAL_DATABASE_SNAPSHOT, null)).build();
    }

    public CreateRelationalDatabaseFromSnapshotResponse createRelationalDatabaseFromSnapshot(
            CallContext ctx, CreateRelationalDatabaseFromSnapshotRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        if (request.relationalDatabaseSnapshotName() == null) {
            throw LightsailErrors.invalidInput("A relational database snapshot name is required (point-in-time restores"
                    + " from a source database are not kept).");
        }
        DatabaseSnapshotRecord snapshot = state.databaseSnapshots.get(request.relationalDatabaseSnapshotName());
        if (request.availabilityZone() != null) {
            InstanceLaunch.checkZone(scope, request.availabilityZone());
        }
        String bundleId = request.relationalDatabaseBundleId() == null ? snapshot.fromBundleId() : request.relationalDatabaseBundleId();
        RelationalDatabaseBundle bundle = DatabaseCatalog.bundle(bundleId).orElseThrow(() -> LightsailErrors.invalidInput(
                "The relational database bundle ID is not valid: %s", bundleId));
        if (bundle.diskSizeInGb() < snapshot.sizeInGb()) {
            throw LightsailErrors.invalidInput("The bundle %s (%d GB) is smaller than the snapshot %s (%d GB).",
                    bundleId, bundle.diskSizeInGb(), snapshot.name(), snapshot.sizeInGb());
        }
        Map<String, String> tags = LightsailTags.of(request.tags());
        RelationalDatabaseRecord db;
        synchronized (state.lock) {
            if (state.nameTaken(request.relationalDatabaseName())) {
                throw LightsailErrors.namesInUse(List.of(request.relationalDatabaseName()));
            }
            String zone = request.availabilityZone() != null ? request.availabilityZone() : snapshot.meta().availabilityZone();
            ResourceMeta meta = ResourceMeta.create(scope, ResourceType.RELATIONAL_DATABASE, request.relationalDatabaseName(),
                    zone, "ls-" + io.cloudjar.core.util.Ids.hex(40), tags);
            RunningDatabase server = DatabaseSnapshots.restore(store, snapshot, RelationalDatabasesProvider.serverName(meta));
            db = new RelationalDatabaseRecord(meta, snapshot.fromBlueprintId(), bundleId, snapshot.engine(),
                    snapshot.engineVersion(), snapshot.masterDatabaseName(), snapshot.masterUsername(), snapshot.password(),
                    scope.now(), null, "06:30-07:00", "sun:07:30-sun:08:00", Boolean.TRUE.equals(request.publiclyAccessible()),
                    server, server == null ? "The snapshot holds no data, or no " + snapshot.engine() + " server can run." : null,
                    scope.now().plus(store.timings().pending()), "creating", "available")
                    .withEvent(scope.now().plus(store.timings().pending()), "restoration", "Restored from snapshot " + snapshot.name());
            state.databases.put(db);
        }
        return CreateRelationalDatabaseFromSnapshotResponse.builder().operations(state.operations.record(scope, db.meta(),
                OperationType.CREATE_RELATIONAL_DATABASE_FROM_SNAPSHOT, snapshot.name(), db.readyAt())).build();
    }
}
