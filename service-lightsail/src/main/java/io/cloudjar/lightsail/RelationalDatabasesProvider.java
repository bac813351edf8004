package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.Ids;
import io.cloudjar.rds.engine.DatabaseEngine;
import io.cloudjar.rds.engine.DatabaseSpec;
import io.cloudjar.rds.engine.RunningDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Managed databases on RDS's real engines ({@code io.cloudjar.rds.engine}): a PostgreSQL blueprint starts a real
 * server reached at {@code localhost} and its port with the master user and password, a MySQL blueprint a MariaDB
 * server (RDS's mysql engine; with none available the database follows its states with nothing behind it). Each
 * change also records the database's events ({@link DatabaseEventRecord}). The master password is generated when
 * not given and GetRelationalDatabaseMasterUserPassword answers it; UpdateRelationalDatabase changes it on the server.
 */
public final class RelationalDatabasesProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RelationalDatabasesProvider.class);

    public GetRelationalDatabaseBlueprintsResponse getRelationalDatabaseBlueprints(CallContext ctx,
                                                                                 GetRelationalDatabaseBlueprintsRequest request) {
        Pages<RelationalDatabaseBlueprint> page = Pages.of(DatabaseCatalog.BLUEPRINTS, request.pageToken(), PAGE_SIZE);
        return GetRelationalDatabaseBlueprintsResponse.builder().blueprints(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public GetRelationalDatabaseBundlesResponse getRelationalDatabaseBundles(CallContext ctx, GetRelationalDatabaseBundlesRequest request) {
        Pages<RelationalDatabaseBundle> page = Pages.of(DatabaseCatalog.BUNDLES, request.pageToken(), PAGE_SIZE);
        return GetRelationalDatabaseBundlesResponse.builder().bundles(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public CreateRelationalDatabaseResponse createRelationalDatabase(CallContext ctx, CreateRelationalDatabaseRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        InstanceLaunch.checkZone(scope, request.availabilityZone());
        RelationalDatabaseBlueprint blueprint = DatabaseCatalog.blueprint(request.relationalDatabaseBlueprintId())
                .orElseThrow(() -> LightsailErrors.invalidInput("The relational database blueprint ID is not valid: %s",
                        request.relationalDatabaseBlueprintId()));
        DatabaseCatalog.bundle(request.relationalDatabaseBundleId()).orElseThrow(() -> LightsailErrors.invalidInput(
                "The relational database bundle ID is not valid: %s", request.relationalDatabaseBundleId()));
        DatabaseRules.checkDatabaseName(request.masterDatabaseName(), blueprint.engineAsString());
        DatabaseRules.checkUsername(request.masterUsername(), blueprint.engineAsString());
        String password = request.masterUserPassword() == null ? DatabaseRules.generatePassword()
                : DatabaseRules.checkPassword(request.masterUserPassword());
        Map<String, String> tags = LightsailTags.of(request.tags());
        RelationalDatabaseRecord db;
        synchronized (state.lock) {
            if (state.nameTaken(request.relationalDatabaseName())) {
                throw LightsailErrors.namesInUse(List.of(request.relationalDatabaseName()));
            }
            ResourceMeta meta = ResourceMeta.create(scope, ResourceType.RELATIONAL_DATABASE, request.relationalDatabaseName(),
                    request.availabilityZone(), "ls-" + Ids.hex(40), tags);
            Optional<DatabaseEngine> engine = store.databases().engine(blueprint.engineAsString());
            RunningDatabase server = engine.map(e -> store.databases().create(e, new DatabaseSpec(serverName(meta),
                    request.masterUsername(), password, request.masterDatabaseName()))).orElse(null);
            db = new RelationalDatabaseRecord(meta, blueprint.blueprintId(), request.relationalDatabaseBundleId(),
                    blueprint.engineAsString(), blueprint.engineVersion(), request.masterDatabaseName(),
                    request.masterUsername(), password, scope.now(), null,
                    request.preferredBackupWindow() == null ? "06:30-07:00" : request.preferredBackupWindow(),
                    request.preferredMaintenanceWindow() == null ? "sun:07:30-sun:08:00" : request.preferredMaintenanceWindow(),
                    Boolean.TRUE.equals(request.publiclyAccessible()), server,
                    server == null ? store.databases().whyNone(blueprint.engineAsString()) : null,
                    scope.now().plus(store.timings().pending()), "creating", "available");
            db = db.withEvent(db.readyAt(), "creation", "DB instance created");
            state.databases.put(db);
        }
        return CreateRelationalDatabaseResponse.builder().operations(state.operations.record(scope, db.meta(),
                OperationType.CREATE_RELATIONAL_DATABASE, null, db.readyAt())).build();
    }

    public GetRelationalDatabaseResponse getRelationalDatabase(CallContext ctx, GetRelationalDatabaseRequest request) {
        RelationalDatabaseRecord db = state(ctx).databases.get(request.relationalDatabaseName());
        // Lightsail has no status text to carry why a server failed: the log says it
        java.util.Optional.ofNullable(db.server()).flatMap(RunningDatabase::failure).ifPresent(why -> LOG.warn("Managed database {} failed: {}", db.name(), why));
        return GetRelationalDatabaseResponse.builder().relationalDatabase(db.toSdk(ctx.receivedAt())).build();
    }

    public GetRelationalDatabasesResponse getRelationalDatabases(CallContext ctx, GetRelationalDatabasesRequest request) {
        List<RelationalDatabase> all = state(ctx).databases.list().stream().map(d -> d.toSdk(ctx.receivedAt())).toList();
        Pages<RelationalDatabase> page = Pages.of(all, request.pageToken(), PAGE_SIZE);
        return GetRelationalDatabasesResponse.builder().relationalDatabases(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public GetRelationalDatabaseMasterUserPasswordResponse getRelationalDatabaseMasterUserPassword(
            CallContext ctx, GetRelationalDatabaseMasterUserPasswordRequest request) {
        RelationalDatabaseRecord db = state(ctx).databases.get(request.relationalDatabaseName());
        RelationalDatabasePasswordVersion version = request.passwordVersion() == null
                ? RelationalDatabasePasswordVersion.CURRENT : request.passwordVersion();
        String password = switch (version) {
            case CURRENT -> db.password();
            case PREVIOUS -> db.previousPassword();
            default -> null; // nothing is ever pending: a new password applies at once
        };
        return GetRelationalDatabaseMasterUserPasswordResponse.builder().masterUserPassword(password)
                .createdAt(version == RelationalDatabasePasswordVersion.CURRENT ? db.passwordSetAt() : null).build();
    }

    public UpdateRelationalDatabaseResponse updateRelationalDatabase(CallContext ctx, UpdateRelationalDatabaseRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            RelationalDatabaseRecord db = state.databases.get(request.relationalDatabaseName());
            String newPassword = Boolean.TRUE.equals(request.rotateMasterUserPassword()) ? DatabaseRules.generatePassword()
                    : request.masterUserPassword() == null ? null : DatabaseRules.checkPassword(request.masterUserPassword());
            if (newPassword != null) {
                if (db.server() != null) {
                    if (!db.server().ready()) {
                        throw LightsailErrors.operationFailure("The database %s is not available yet.", db.name());
                    }
                    db.server().changePassword(db.masterUsername(), newPassword);
                }
                db = db.withPassword(newPassword, scope.now())
                        .withEvent(scope.now(), "configuration change", "Reset master credentials");
            }
            db = db.withSettings(
                    request.preferredBackupWindow() == null ? db.backupWindow() : request.preferredBackupWindow(),
                    request.preferredMaintenanceWindow() == null ? db.maintenanceWindow() : request.preferredMaintenanceWindow(),
                    request.publiclyAccessible() == null ? db.publiclyAccessible() : request.publiclyAccessible());
            state.databases.put(db);
            return UpdateRelationalDatabaseResponse.builder().operations(state.operations.record(scope, db.meta(),
                    OperationType.UPDATE_RELATIONAL_DATABASE, null)).build();
        }
    }

    public DeleteRelationalDatabaseResponse deleteRelationalDatabase(CallContext ctx, DeleteRelationalDatabaseRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        RelationalDatabaseRecord db = state.databases.get(request.relationalDatabaseName());
        boolean skip = Boolean.TRUE.equals(request.skipFinalSnapshot());
        List<Operation> ops = new ArrayList<>();
        if (!skip) {
            if (request.finalRelationalDatabaseSnapshotName() == null) {
                throw LightsailErrors.invalidInput("A final relational database snapshot name is required unless"
                        + " skipFinalSnapshot is true.");
            }
            ops.addAll(DatabaseSnapshots.take(store, state, scope, db, request.finalRelationalDatabaseSnapshotName(), Map.of()));
        }
        synchronized (state.lock) {
            if (state.databases.remove(db.name()) == null) {
                throw LightsailErrors.notFound(ResourceType.RELATIONAL_DATABASE, db.name());
            }
            state.runs.forget(db.meta().arn());
        }
        store.databases().destroy(db.server());
        ops.add(0, state.operations.record(scope, db.meta(), OperationType.DELETE_RELATIONAL_DATABASE, null));
        return DeleteRelationalDatabaseResponse.builder().operations(ops).build();
    }

    /**
     * The server's data directory name: unique, file-system safe and short, since the server's Unix socket lives
     * under it and socket paths are limited to 107 bytes.
     */
    static String serverName(ResourceMeta meta) {
        return "ls-" + meta.arn().substring(meta.arn().lastIndexOf('/') + 1, meta.arn().lastIndexOf('/') + 9);
    }
}
