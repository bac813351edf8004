package io.cloudjar.lightsail;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBlueprint;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBundle;

/**
 * Lightsail's managed database blueprints (engine and version; the SDK's engine enum lacks postgres, so as text) and bundles (standard and high availability plans,
 * monthly USD), as GetRelationalDatabaseBlueprints/Bundles list them.
 */
final class DatabaseCatalog {
    static final List<RelationalDatabaseBlueprint> BLUEPRINTS = List.of(
            blueprint("mysql_8_0", "mysql", "8.0.40", "MySQL Community Edition", true),
            blueprint("postgres_16", "postgres", "16.4", "PostgreSQL", true),
            blueprint("postgres_15", "postgres", "15.8", "PostgreSQL", false),
            blueprint("postgres_14", "postgres", "14.13", "PostgreSQL", false),
            blueprint("postgres_13", "postgres", "13.16", "PostgreSQL", false),
            blueprint("postgres_12", "postgres", "12.20", "PostgreSQL", false));

    static final List<RelationalDatabaseBundle> BUNDLES = List.of(
            bundle("micro_2_0", "Micro", 15f, 1f, 40, 100, 2),
            bundle("small_2_0", "Small", 30f, 2f, 80, 100, 2),
            bundle("medium_2_0", "Medium", 60f, 4f, 120, 100, 2),
            bundle("large_2_0", "Large", 115f, 8f, 240, 200, 2),
            bundle("micro_ha_2_0", "Micro with High Availability", 30f, 1f, 40, 100, 2),
            bundle("small_ha_2_0", "Small with High Availability", 60f, 2f, 80, 100, 2),
            bundle("medium_ha_2_0", "Medium with High Availability", 120f, 4f, 120, 100, 2),
            bundle("large_ha_2_0", "Large with High Availability", 230f, 8f, 240, 200, 2));

    private DatabaseCatalog() {
    }

    static RelationalDatabaseBlueprint blueprint(String id) {
        return BLUEPRINTS.stream().filter(b -> b.blueprintId().equals(id)).findFirst().orElseThrow(() ->
                LightsailErrors.invalidInput("The relational database blueprint ID %s is not valid. Use"
                        + " GetRelationalDatabaseBlueprints to list them.", id));
    }

    static RelationalDatabaseBundle bundle(String id) {
        return findBundle(id).orElseThrow(() -> LightsailErrors.invalidInput("The relational database bundle ID %s is not"
                + " valid. Use GetRelationalDatabaseBundles to list them.", id));
    }

    static Optional<RelationalDatabaseBundle> findBundle(String id) {
        return BUNDLES.stream().filter(b -> b.bundleId().equals(id)).findFirst();
    }

    static boolean highAvailability(RelationalDatabaseBundle bundle) {
        return bundle.bundleId().contains("_ha_");
    }

    private static RelationalDatabaseBlueprint blueprint(String id, String engine, String version, String description,
                                                         boolean engineDefault) {
        return RelationalDatabaseBlueprint.builder().blueprintId(id).engine(engine)
                .engineVersion(version).engineDescription(description)
                .engineVersionDescription(description + " " + version).isEngineDefault(engineDefault).build();
    }

    private static RelationalDatabaseBundle bundle(String id, String name, float price, float ramGb, int diskGb,
                                                   int transferGb, int cpus) {
        return RelationalDatabaseBundle.builder().bundleId(id).name(name).price(price).ramSizeInGb(ramGb).diskSizeInGb(diskGb)
                .transferPerMonthInGb(transferGb).cpuCount(cpus).isEncrypted(true).isActive(true).build();
    }
}
