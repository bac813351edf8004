package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.rds.engine.ParameterDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseParametersRequest;
import software.amazon.awssdk.services.lightsail.model.GetRelationalDatabaseParametersResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseParameter;
import software.amazon.awssdk.services.lightsail.model.UpdateRelationalDatabaseParametersRequest;
import software.amazon.awssdk.services.lightsail.model.UpdateRelationalDatabaseParametersResponse;

/**
 * A managed database's parameters, as RDS's parameter groups work on its engine: an {@code immediate} change of a
 * dynamic parameter reaches the running server at once (its configuration reloaded); a {@code pending-reboot} change
 * waits for the next reboot or start (the database's parameterApplyStatus says pending-reboot meanwhile).
 */
public final class DatabaseParametersProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;

    public GetRelationalDatabaseParametersResponse getRelationalDatabaseParameters(CallContext ctx,
                                                                                   GetRelationalDatabaseParametersRequest request) {
        RelationalDatabaseRecord db = state(ctx).databases.get(request.relationalDatabaseName());
        Pages<RelationalDatabaseParameter> page = Pages.of(DatabaseParameters.toSdk(db), request.pageToken(), PAGE_SIZE);
        return GetRelationalDatabaseParametersResponse.builder().parameters(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public UpdateRelationalDatabaseParametersResponse updateRelationalDatabaseParameters(CallContext ctx,
                                                                                         UpdateRelationalDatabaseParametersRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            RelationalDatabaseRecord db = state.databases.get(request.relationalDatabaseName());
            if (request.parameters().isEmpty()) {
                throw LightsailErrors.invalidInput("The parameters to update must not be empty.");
            }
            Map<String, DatabaseParameterValue> values = new LinkedHashMap<>(db.parameters());
            List<String> pending = new ArrayList<>(db.pendingReboot());
            List<String> names = new ArrayList<>();
            for (RelationalDatabaseParameter p : request.parameters()) {
                ParameterDefinition d = DatabaseParameters.check(db, p);
                values.put(d.name(), new DatabaseParameterValue(p.parameterValue(), p.applyMethod()));
                pending.remove(d.name());
                if (DatabaseParameters.PENDING_REBOOT.equals(p.applyMethod())) {
                    pending.add(d.name());
                }
                names.add(d.name());
            }
            db = db.withParameters(values, pending).withEvent(scope.now(), "configuration change",
                    "Updated parameters: " + String.join(", ", names)
                            + (names.stream().anyMatch(pending::contains) ? " (some apply at the next reboot)" : ""));
            state.databases.put(db);
            if (db.server() != null) {
                db.server().applyParameters(DatabaseParameters.serverValues(db, false));
            }
            return UpdateRelationalDatabaseParametersResponse.builder().operations(state.operations.record(scope, db.meta(),
                    OperationType.UPDATE_RELATIONAL_DATABASE_PARAMETERS, String.join(",", names))).build();
        }
    }
}
