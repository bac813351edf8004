package io.cloudjar.lightsail;

import io.cloudjar.rds.engine.ParameterDefaults;
import io.cloudjar.rds.engine.ParameterDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseParameter;

/**
 * A managed database's parameters: the engine defaults AWS lists (RDS's, through {@link ParameterDefaults}: the
 * {@code postgres} rows for PostgreSQL, the {@code mysql} rows for MySQL) with the user's values laid over, and the
 * values that reach the real server — the applied ones now, those waiting for a reboot when it (re)starts.
 */
final class DatabaseParameters {
    static final String IMMEDIATE = "immediate";
    static final String PENDING_REBOOT = "pending-reboot";

    private DatabaseParameters() {
    }

    static List<ParameterDefinition> defaults(RelationalDatabaseRecord db) {
        return ParameterDefaults.of(db.engine().equals("postgres") ? "postgres" : "mysql");
    }

    static List<RelationalDatabaseParameter> toSdk(RelationalDatabaseRecord db) {
        return defaults(db).stream().map(d -> {
            DatabaseParameterValue user = db.parameters().get(d.name());
            return RelationalDatabaseParameter.builder().parameterName(d.name())
                    .parameterValue(user != null ? user.value() : d.value())
                    .applyMethod(user != null ? user.applyMethod() : PENDING_REBOOT)
                    .applyType(d.applyType()).dataType(d.dataType()).allowedValues(d.allowedValues())
                    .description(d.description()).isModifiable(d.modifiable()).build();
        }).toList();
    }

    /** A change AWS accepts: a known, modifiable parameter, an allowed value, no immediate change of a static one. */
    static ParameterDefinition check(RelationalDatabaseRecord db, RelationalDatabaseParameter p) {
        ParameterDefinition d = defaults(db).stream().filter(x -> x.name().equals(p.parameterName())).findFirst()
                .orElseThrow(() -> LightsailErrors.invalidInput("Could not find parameter with name: %s", p.parameterName()));
        if (!d.modifiable()) {
            throw LightsailErrors.invalidInput("The parameter %s cannot be modified.", d.name());
        }
        if (p.parameterValue() == null || p.parameterValue().isEmpty()) {
            throw LightsailErrors.invalidInput("The parameter %s needs a parameterValue.", d.name());
        }
        if (!IMMEDIATE.equals(p.applyMethod()) && !PENDING_REBOOT.equals(p.applyMethod())) {
            throw LightsailErrors.invalidInput("The applyMethod of %s must be immediate or pending-reboot.", d.name());
        }
        if (d.isStatic() && IMMEDIATE.equals(p.applyMethod())) {
            throw LightsailErrors.invalidInput("cannot use immediate apply method for static parameter %s", d.name());
        }
        if (!d.accepts(p.parameterValue())) {
            throw LightsailErrors.invalidInput("Value: %s is outside of range: %s for parameter: %s", p.parameterValue(),
                    d.allowedValues(), d.name());
        }
        return d;
    }

    /**
     * What the server runs with: the user's values (but AWS's own settings and formulas), without those still
     * waiting for a reboot unless {@code restarting}.
     */
    static Map<String, String> serverValues(RelationalDatabaseRecord db, boolean restarting) {
        Map<String, String> values = new LinkedHashMap<>();
        db.parameters().forEach((name, user) -> {
            if ((restarting || !db.pendingReboot().contains(name)) && ParameterDefinition.reachesServer(name, user.value())) {
                values.put(name, user.value());
            }
        });
        return values;
    }
}
