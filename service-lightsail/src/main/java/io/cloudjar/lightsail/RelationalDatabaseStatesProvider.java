package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.RebootRelationalDatabaseRequest;
import software.amazon.awssdk.services.lightsail.model.RebootRelationalDatabaseResponse;
import software.amazon.awssdk.services.lightsail.model.StartRelationalDatabaseRequest;
import software.amazon.awssdk.services.lightsail.model.StartRelationalDatabaseResponse;
import software.amazon.awssdk.services.lightsail.model.StopRelationalDatabaseRequest;
import software.amazon.awssdk.services.lightsail.model.StopRelationalDatabaseResponse;

/**
 * Stopping (optionally after a snapshot), starting and rebooting a managed database: {@code stopping → stopped},
 * {@code starting → available}, {@code rebooting → available} on the emulator clock, the real server stopped and
 * started with it (its data kept); a start or reboot shows its transitional state until the server serves again.
 */
public final class RelationalDatabaseStatesProvider extends LightsailProvider {
    private LightsailDatabases databases;

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        databases = LightsailDatabases.of(context);
    }

    public StopRelationalDatabaseResponse stopRelationalDatabase(CallContext ctx, StopRelationalDatabaseRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            RelationalDatabaseRecord db = inState(state, scope, request.relationalDatabaseName(), RelationalDatabaseRecord.AVAILABLE);
            List<Operation> operations = new ArrayList<>();
            if (request.relationalDatabaseSnapshotName() != null) {
                RelationalDatabaseSnapshotRecord snapshot = RelationalDatabaseServers.snapshot(databases, state, scope, db,
                        request.relationalDatabaseSnapshotName(), Map.of());
                operations.add(state.operations.record(scope, snapshot.meta(), OperationType.CREATE_RELATIONAL_DATABASE_SNAPSHOT,
                        db.name()));
            }
            if (db.server() != null) {
                db.server().stop();
            }
            operations.add(0, change(state, scope, db, "stopping", store.timings().stopping(), RelationalDatabaseRecord.STOPPED,
                    OperationType.STOP_RELATIONAL_DATABASE));
            return StopRelationalDatabaseResponse.builder().operations(operations).build();
        }
    }

    public StartRelationalDatabaseResponse startRelationalDatabase(CallContext ctx, StartRelationalDatabaseRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            RelationalDatabaseRecord db = inState(state, scope, request.relationalDatabaseName(), RelationalDatabaseRecord.STOPPED);
            if (db.server() != null) {
                db.server().start();
            }
            return StartRelationalDatabaseResponse.builder().operations(change(state, scope, db, "starting",
                    store.timings().pending(), RelationalDatabaseRecord.AVAILABLE, OperationType.START_RELATIONAL_DATABASE)).build();
        }
    }

    public RebootRelationalDatabaseResponse rebootRelationalDatabase(CallContext ctx, RebootRelationalDatabaseRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            RelationalDatabaseRecord db = inState(state, scope, request.relationalDatabaseName(), RelationalDatabaseRecord.AVAILABLE);
            if (db.server() != null) {
                db.server().stop();
                db.server().start();
            }
            return RebootRelationalDatabaseResponse.builder().operations(change(state, scope, db, "rebooting",
                    store.timings().rebooting(), RelationalDatabaseRecord.AVAILABLE, OperationType.REBOOT_RELATIONAL_DATABASE)).build();
        }
    }

    private static Operation change(LightsailState state, LightsailScope scope, RelationalDatabaseRecord db, String during,
                                    Duration takes, String after, OperationType type) {
        RelationalDatabaseRecord.Transition transition = new RelationalDatabaseRecord.Transition(during, scope.now().plus(takes), after);
        state.relationalDatabases.put(db.withTransition(transition));
        return state.operations.record(scope, db.meta(), type, null, transition.ends());
    }

    private static RelationalDatabaseRecord inState(LightsailState state, LightsailScope scope, String name, String expected) {
        RelationalDatabaseRecord db = state.relationalDatabases.get(name);
        String now = db.state(scope.now());
        if (!now.equals(expected)) {
            throw LightsailErrors.operationFailure("The relational database %s is %s; it must be %s.", name, now, expected);
        }
        return db;
    }
}
