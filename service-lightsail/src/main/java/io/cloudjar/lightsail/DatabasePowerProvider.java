package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.RebootRelationalDatabaseRequest;
import software.amazon.awssdk.services.lightsail.model.RebootRelationalDatabaseResponse;
import software.amazon.awssdk.services.lightsail.model.StartRelationalDatabaseRequest;
import software.amazon.awssdk.services.lightsail.model.StartRelationalDatabaseResponse;
import software.amazon.awssdk.services.lightsail.model.StopRelationalDatabaseRequest;
import software.amazon.awssdk.services.lightsail.model.StopRelationalDatabaseResponse;

/**
 * Stopping, starting and rebooting a managed database: its real server stops and starts with it (data kept), and its
 * state passes through stopping, starting or rebooting on the emulator clock.
 */
public final class DatabasePowerProvider extends LightsailProvider {
    public StopRelationalDatabaseResponse stopRelationalDatabase(CallContext ctx, StopRelationalDatabaseRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            RelationalDatabaseRecord db = available(state, request.relationalDatabaseName(), scope.now(), "stop");
            Instant until = scope.now().plus(store.timings().stopping());
            state.runs.ran(db.meta().arn(), db.readyAt(), scope.now());
            state.databases.put(db.transition("stopping", until, "stopped")
                    .withEvent(until, "notification", "DB instance stopped"));
            if (db.server() != null) {
                db.server().stop();
            }
            return StopRelationalDatabaseResponse.builder().operations(state.operations.record(scope, db.meta(),
                    OperationType.STOP_RELATIONAL_DATABASE, null, until)).build();
        }
    }

    public StartRelationalDatabaseResponse startRelationalDatabase(CallContext ctx, StartRelationalDatabaseRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            RelationalDatabaseRecord db = state.databases.get(request.relationalDatabaseName());
            String now = db.state(scope.now());
            if (!"stopped".equals(now)) {
                throw LightsailErrors.operationFailure("The database %s is %s: only a stopped database can be started.", db.name(), now);
            }
            Instant until = scope.now().plus(store.timings().pending());
            state.databases.put(db.transition("starting", until, "available")
                    .withEvent(until, "notification", "DB instance started"));
            if (db.server() != null) {
                db.server().applyParameters(DatabaseParameters.serverValues(db, true)); // those waiting for a reboot too
                db.server().start();
            }
            return StartRelationalDatabaseResponse.builder().operations(state.operations.record(scope, db.meta(),
                    OperationType.START_RELATIONAL_DATABASE, null, until)).build();
        }
    }

    public RebootRelationalDatabaseResponse rebootRelationalDatabase(CallContext ctx, RebootRelationalDatabaseRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            RelationalDatabaseRecord db = available(state, request.relationalDatabaseName(), scope.now(), "reboot");
            Instant until = scope.now().plus(store.timings().rebooting());
            state.runs.ran(db.meta().arn(), db.readyAt(), scope.now());
            state.databases.put(db.transition("rebooting", until, "available")
                    .withEvent(scope.now(), "availability", "DB instance shutdown")
                    .withEvent(until, "availability", "DB instance restarted"));
            if (db.server() != null) {
                db.server().stop();
                db.server().applyParameters(DatabaseParameters.serverValues(db, true)); // those waiting for a reboot too
                db.server().start();
            }
            return RebootRelationalDatabaseResponse.builder().operations(state.operations.record(scope, db.meta(),
                    OperationType.REBOOT_RELATIONAL_DATABASE, null, until)).build();
        }
    }

    private static RelationalDatabaseRecord available(LightsailState state, String name, Instant at, String action) {
        RelationalDatabaseRecord db = state.databases.get(name);
        String now = db.state(at);
        if (!"available".equals(now)) {
            throw LightsailErrors.operationFailure("The database %s is %s: only an available database can %s.", name, now, action);
        }
        return db;
    }
}
