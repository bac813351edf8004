package io.cloudjar.rds;

import io.cloudjar.rds.engine.ParameterDefaults;
import io.cloudjar.rds.engine.ParameterDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engine-default parameters of each RDS family: {@link ParameterDefaults} (in the engine package, which Lightsail's
 * managed databases share) chosen by family.
 */
final class DefaultParameters {
    private DefaultParameters() {
    }

    /** The defaults of a family, sorted by name (postgres16 → the postgres rows; mysql8.0, mariadb11.4 → mysql's). */
    static List<ParameterDefinition> of(String family) {
        return ParameterDefaults.of(family.startsWith("postgres") || family.startsWith("aurora-postgresql") ? "postgres" : "mysql");
    }

    /** The defaults of a DB cluster parameter group's family (aurora-postgresql16 → the aurora-postgresql-cluster rows). */
    static List<ParameterDefinition> ofCluster(String family) {
        return ParameterDefaults.of((family.startsWith("aurora-postgresql") ? "aurora-postgresql" : "aurora-mysql") + "-cluster");
    }

    /** The families of DB cluster parameter groups: the Aurora engines'. */
    static boolean isClusterFamily(String family) {
        return isFamily(family) && Aurora.is(family.toLowerCase(Locale.ROOT));
    }

    /** The families RDS offers: those of the engine catalogue. */
    static Set<String> families() {
        return Holder.FAMILIES;
    }

    static boolean isFamily(String family) {
        return family != null && Holder.FAMILIES.contains(family.toLowerCase(Locale.ROOT));
    }

    private static final class Holder {
        static final Set<String> FAMILIES = EngineCatalog.all().stream().map(EngineVersion::family).collect(Collectors.toSet());
    }
}
