package io.cloudjar.lightsail;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBlueprint;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBundle;

/**
 * Lightsail's managed database blueprints (engine and version) and bundles (plans), as GetRelationalDatabaseBlueprints
 * and GetRelationalDatabaseBundles list them: MySQL 8.0 and PostgreSQL 12-16; standard plans $15/$30/$60/$115
 * (1/2/4/8 GB, 40/80/120/240 GB SSD) and high-availability plans at twice the price, from the Lightsail pricing page.
 * Versions are those current in late 2024.
 */
final class DatabaseCatalog {
    static final List<RelationalDatabaseBlueprint> BLUEPRINTS = List.of(
            blueprint("mysql_8_0", "mysql", "8.0.40", "MySQL", "MySQL 8.0.40", true),
            blueprint("postgres_16", "postgres", "16.6", "PostgreSQL", "PostgreSQL 16.6", true),
            blueprint("postgres_15", "postgres", "15.10", "PostgreSQL", "PostgreSQL 15.10", false),
            blueprint("postgres_14", "postgres", "14.15", "PostgreSQL", "PostgreSQL 14.15", false),
            blueprint("postgres_13", "postgres", "13.18", "PostgreSQL", "PostgreSQL 13.18", false),
            blueprint("postgres_12", "postgres", "12.22", "PostgreSQL", "PostgreSQL 12.22", false));

    static final List<RelationalDatabaseBundle> BUNDLES = List.of(
            bundle("micro_2_0", "Micro", 15, 1, 40, 100),
            bundle("small_2_0", "Small", 30, 2, 80, 100),
            bundle("medium_2_0", "Medium", 60, 4, 120, 100),
            bundle("large_2_0", "Large", 115, 8, 240, 200),
            bundle("micro_ha_2_0", "Micro with High Availability", 30, 1, 40, 100),
            bundle("small_ha_2_0", "Small with High Availability", 60, 2, 80, 100),
            bundle("medium_ha_2_0", "Medium with High Availability", 120, 4, 120, 100),
            bundle("large_ha_2_0", "Large with High Availability", 230, 8, 240, 200));

    private DatabaseCatalog() {
    }

    static Optional<RelationalDatabaseBlueprint> blueprint(String id) {
        return BLUEPRINTS.stream().filter(b -> b.blueprintId().equals(id)).findFirst();
    }

    static Optional<RelationalDatabaseBundle> bundle(String id) {
        return BUNDLES.stream().filter(b -> b.bundleId().equals(id)).findFirst();
    }

    private static RelationalDatabaseBlueprint blueprint(String id, String engine, String version, String description,
                                                         String versionDescription, boolean engineDefault) {
        return RelationalDatabaseBlueprint.builder().blueprintId(id).engine(engine).engineVersion(version)
                .engineDescription(description).engineVersionDescription(versionDescription)
                .isEngineDefault(engineDefault).build();
    }

    private static RelationalDatabaseBundle bundle(String id, String name, float price, float ramGb, int diskGb, int transferGb) {
        return RelationalDatabaseBundle.builder().bundleId(id).name(name).price(price).ramSizeInGb(ramGb)
                .diskSizeInGb(diskGb).transferPerMonthInGb(transferGb).cpuCount(2)
                .isEncrypted(true).isActive(true).build();
    }
}
