package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.rds.engine.RunningDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.CreateRelationalDatabaseRequest;
import software.amazon.awssdk.services.lightsail.model.CreateRelationalDatabaseResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteRelationalDatabaseRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteRelationalDatabaseResponse;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseBlueprintsRequest;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseBlueprintsResponse;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseBundlesRequest;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseBundlesResponse;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseMasterUserPasswordRequest;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseMasterUserPasswordResponse;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseRequest;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseResponse;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabasesRequest;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabasesResponse;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabase;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBlueprint;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBundle;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabasePasswordVersion;
import software.amazon.awssdk.services.lightsail.model.ResourceType;
import software.amazon.awssdk.services.lightsail.model.UpdateRelationalDatabaseRequest;
import software.amazon.awssdk.services.lightsail.model.UpdateRelationalDatabaseResponse;

/**
 * Lightsail managed databases on a blueprint (mysql_8_0, postgres_NN) and bundle: PostgreSQL ones backed by a real
 * server from service-rds's engine, reachable on localhost with the master user and password; the master password
 * (given or made, rotated, changed on the running server); deleted with or without a final snapshot.
 */
public final class RelationalDatabasesProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;
    static final String DEFAULT_BACKUP_WINDOW = "06:00-06:30";
    static final String DEFAULT_MAINTENANCE_WINDOW = "tue:07:00-tue:07:30";
    private LightsailDatabases databases;

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        databases = LightsailDatabases.of(context);
    }

    public CreateRelationalDatabaseResponse createRelationalDatabase(CallContext ctx, CreateRelationalDatabaseRequest r) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        Map<String, String> tags = LightsailTags.of(r.tags());
        RelationalDatabaseBlueprint blueprint = DatabaseCatalog.blueprint(r.relationalDatabaseBlueprintId());
        RelationalDatabaseBundle bundle = DatabaseCatalog.bundle(r.relationalDatabaseBundleId());
        String engine = blueprint.engineAsString();
        String database = RelationalDatabaseRules.databaseName(engine, r.masterDatabaseName());
        String username = RelationalDatabaseRules.username(engine, r.masterUsername());
        String password = RelationalDatabaseRules.password(engine, r.masterUserPassword());
        String backupWindow = RelationalDatabaseRules.backupWindow(r.preferredBackupWindow(), DEFAULT_BACKUP_WINDOW);
        String maintenanceWindow = RelationalDatabaseRules.maintenanceWindow(r.preferredMaintenanceWindow(), DEFAULT_MAINTENANCE_WINDOW);
        String zone = zone(scope, r.availabilityZone());
        synchronized (state.lock) {
            if (state.relationalDatabases.contains(r.relationalDatabaseName())) {
                throw LightsailErrors.namesInUse(List.of(r.relationalDatabaseName()));
            }
            RunningDatabase server = RelationalDatabaseServers.start(databases, engine, username, password, database, null);
            RelationalDatabaseRecord db = new RelationalDatabaseRecord(ResourceMeta.create(scope,
                    ResourceType.RELATIONAL_DATABASE, r.relationalDatabaseName(), zone,
                    "RelationalDatabase/" + r.relationalDatabaseName(), tags),
                    blueprint, bundle, secondaryZone(scope, zone, bundle), database, username, password, scope.now(), null,
                    Boolean.TRUE.equals(r.publiclyAccessible()), backupWindow, maintenanceWindow, true,
                    scope.now().plus(store.timings().pending()), server,
                    RelationalDatabaseRecord.Transition.NONE);
            state.relationalDatabases.put(db);
            return CreateRelationalDatabaseResponse.builder().operations(state.operations.record(scope, db.meta(),
                    OperationType.CREATE_RELATIONAL_DATABASE, null, db.availableAt())).build();
        }
    }

    public GetRelationalDatabaseResponse getRelationalDatabase(CallContext ctx, GetRelationalDatabaseRequest request) {
        return GetRelationalDatabaseResponse.builder().relationalDatabase(
                state(ctx).relationalDatabases.get(request.relationalDatabaseName()).toSdk(ctx.receivedAt())).build();
    }

    public GetRelationalDatabasesResponse getRelationalDatabases(CallContext ctx, GetRelationalDatabasesRequest request) {
        List<RelationalDatabase> all = state(ctx).relationalDatabases.list().stream().map(d -> d.toSdk(ctx.receivedAt())).toList();
        Pages<RelationalDatabase> page = Pages.of(all, request.pageToken(), PAGE_SIZE);
        return GetRelationalDatabasesResponse.builder().relationalDatabases(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public UpdateRelationalDatabaseResponse updateRelationalDatabase(CallContext ctx, UpdateRelationalDatabaseRequest r) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        if (Boolean.TRUE.equals(r.enableBackupRetention()) && Boolean.TRUE.equals(r.disableBackupRetention())) {
            throw LightsailErrors.invalidInput("enableBackupRetention and disableBackupRetention cannot both be true.");
        }
        if (r.masterUserPassword() != null && Boolean.TRUE.equals(r.rotateMasterUserPassword())) {
            throw LightsailErrors.invalidInput("A master user password and rotateMasterUserPassword cannot both be given.");
        }
        synchronized (state.lock) {
            RelationalDatabaseRecord db = state.relationalDatabases.get(r.relationalDatabaseName());
            if (!RelationalDatabaseRecord.AVAILABLE.equals(db.state(scope.now()))) {
                throw LightsailErrors.operationFailure("The relational database %s is %s: it can be updated when available.",
                        db.name(), db.state(scope.now()));
            }
            RelationalDatabaseRecord updated = db.withSettings(
                    r.publiclyAccessible() == null ? db.publiclyAccessible() : r.publiclyAccessible(),
                    RelationalDatabaseRules.backupWindow(r.preferredBackupWindow(), db.backupWindow()),
                    RelationalDatabaseRules.maintenanceWindow(r.preferredMaintenanceWindow(), db.maintenanceWindow()),
                    Boolean.TRUE.equals(r.enableBackupRetention()) || (db.backupRetention() && !Boolean.TRUE.equals(r.disableBackupRetention())));
            if (r.masterUserPassword() != null || Boolean.TRUE.equals(r.rotateMasterUserPassword())) {
                String password = RelationalDatabaseRules.password(db.engine(), r.masterUserPassword());
                if (db.server() != null) {
                    db.server().changePassword(db.masterUsername(), password);
                }
                updated = updated.withPassword(password, scope.now());
            }
            state.relationalDatabases.put(updated);
            return UpdateRelationalDatabaseResponse.builder().operations(state.operations.record(scope, db.meta(),
                    OperationType.UPDATE_RELATIONAL_DATABASE, null)).build();
        }
    }

    public GetRelationalDatabaseMasterUserPasswordResponse getRelationalDatabaseMasterUserPassword(CallContext ctx,
            GetRelationalDatabaseMasterUserPasswordRequest request) {
        RelationalDatabaseRecord db = state(ctx).relationalDatabases.get(request.relationalDatabaseName());
        RelationalDatabasePasswordVersion version = request.passwordVersion() == null
                ? RelationalDatabasePasswordVersion.CURRENT : request.passwordVersion();
        String password = switch (version) {
            case CURRENT -> db.password();
            case PREVIOUS -> db.previousPassword();
            case PENDING -> null; // changes apply at once: nothing is ever pending
            default -> throw LightsailErrors.invalidInput("The password version %s is not valid: CURRENT, PREVIOUS or"
                    + " PENDING.", request.passwordVersionAsString());
        };
        Instant at = version == RelationalDatabasePasswordVersion.CURRENT ? db.passwordChangedAt() : null;
        return GetRelationalDatabaseMasterUserPasswordResponse.builder().masterUserPassword(password).createdAt(at).build();
    }

    public DeleteRelationalDatabaseResponse deleteRelationalDatabase(CallContext ctx, DeleteRelationalDatabaseRequest r) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        boolean skip = Boolean.TRUE.equals(r.skipFinalSnapshot());
        if (!skip && r.finalRelationalDatabaseSnapshotName() == null) {
            throw LightsailErrors.invalidInput("A final relational database snapshot name is required unless skipFinalSnapshot"
                    + " is true.");
        }
        synchronized (state.lock) {
            RelationalDatabaseRecord db = state.relationalDatabases.get(r.relationalDatabaseName());
            List<Operation> operations = new ArrayList<>();
            if (!skip) {
                RelationalDatabaseSnapshotRecord snapshot = RelationalDatabaseServers.snapshot(databases, state, scope, db,
                        r.finalRelationalDatabaseSnapshotName(), Map.of());
                operations.add(state.operations.record(scope, snapshot.meta(), OperationType.CREATE_RELATIONAL_DATABASE_SNAPSHOT,
                        db.name()));
            }
            state.relationalDatabases.remove(db.name());
            databases.servers().destroy(db.server());
            operations.add(0, state.operations.record(scope, db.meta(), OperationType.DELETE_RELATIONAL_DATABASE, null));
            return DeleteRelationalDatabaseResponse.builder().operations(operations).build();
        }
    }

    public GetRelationalDatabaseBlueprintsResponse getRelationalDatabaseBlueprints(CallContext ctx,
            GetRelationalDatabaseBlueprintsRequest request) {
        Pages<RelationalDatabaseBlueprint> page = Pages.of(DatabaseCatalog.BLUEPRINTS, request.pageToken(), PAGE_SIZE);
        return GetRelationalDatabaseBlueprintsResponse.builder().blueprints(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public GetRelationalDatabaseBundlesResponse getRelationalDatabaseBundles(CallContext ctx,
            GetRelationalDatabaseBundlesRequest request) {
        Pages<RelationalDatabaseBundle> page = Pages.of(DatabaseCatalog.BUNDLES, request.pageToken(), PAGE_SIZE);
        return GetRelationalDatabaseBundlesResponse.builder().bundles(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    /** The zone asked for (checked against the region's), else the region's first. */
    static String zone(LightsailScope scope, String requested) {
        if (requested == null) {
            return scope.region() + "a";
        }
        InstanceLaunch.checkZone(scope, requested);
        return requested;
    }

    /** A high-availability bundle keeps a standby in another zone of the region. */
    static String secondaryZone(LightsailScope scope, String zone, RelationalDatabaseBundle bundle) {
        if (!DatabaseCatalog.highAvailability(bundle)) {
            return null;
        }
        return io.cloudjar.core.regions.RegionCatalog.getOrDefault(scope.region()).zones().stream()
                .map(z -> z.name()).filter(z -> !z.equals(zone)).findFirst().orElse(null);
    }
}
