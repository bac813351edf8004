package io.cloudjar.rds;

import java.util.Locale;
import java.util.regex.Pattern;

/** The checks of CreateDBInstance and ModifyDBInstance that do not need state, with AWS's errors. */
final class InstanceRules {
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,62}");
    private static final Pattern DB_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,62}");

    private InstanceRules() {
    }

    static String engine(String engine) {
        if (engine == null || engine.isBlank()) {
            throw RdsErrors.invalidValue("The parameter Engine must be provided and must not be blank.");
        }
        String lower = engine.toLowerCase(Locale.ROOT);
        if (EngineCatalog.all().stream().noneMatch(v -> v.engine().equals(lower))) {
            throw RdsErrors.invalidValue("Invalid DB engine: %s", engine);
        }
        return lower;
    }

    /** The version asked for (exact, or a major version: its preferred minor), or the engine's default. */
    static EngineVersion version(String engine, String requested) {
        return EngineCatalog.all().stream().filter(EngineVersion::available).filter(v -> v.engine().equals(engine))
                .filter(v -> requested == null ? v.engineDefault() : v.version().equals(requested)
                        || (v.majorDefault() && v.matchesVersion(requested)))
                .findFirst()
                .orElseThrow(() -> RdsErrors.invalidCombination("Cannot find version %s for %s", requested, engine));
    }

    static void instanceClass(String instanceClass, String engine, String version) {
        if (instanceClass == null || instanceClass.isBlank()) {
            throw RdsErrors.invalidValue("The parameter DBInstanceClass must be provided and must not be blank.");
        }
        if (!InstanceClasses.of(engine).contains(instanceClass)) {
            throw RdsErrors.invalidCombination("RDS does not support creating a DB instance with the following combination:"
                    + " DBInstanceClass=%s, Engine=%s, EngineVersion=%s, LicenseModel=%s. For supported combinations of"
                    + " instance class and database engine version, see the documentation.",
                    instanceClass, engine, version, licenseModel(engine));
        }
    }

    static String storageType(String requested) {
        String type = requested == null ? "gp2" : requested;
        if (!InstanceClasses.STORAGE_TYPES.contains(type)) {
            throw RdsErrors.invalidValue("Invalid storage type: %s", type);
        }
        return type;
    }

    static void storage(String engine, String storageType, Integer size) {
        if (size == null) {
            throw RdsErrors.invalidValue("The parameter AllocatedStorage must be provided and must not be blank.");
        }
        if (size < InstanceClasses.minStorage(storageType) || size > InstanceClasses.maxStorage(storageType)) {
            throw RdsErrors.invalidCombination("Invalid storage size for engine name %s and storage type %s: %d",
                    engine, storageType, size);
        }
    }

    static void masterUsername(String username) {
        if (username == null || username.isBlank()) {
            throw RdsErrors.invalidValue("The parameter MasterUsername must be provided and must not be blank.");
        }
        if (!USERNAME.matcher(username).matches() || username.equalsIgnoreCase("rdsadmin")) {
            throw RdsErrors.invalidValue("MasterUsername %s cannot be used as it is a reserved word used by the engine", username);
        }
    }

    static void masterPassword(String password) {
        if (password == null || password.isEmpty()) {
            throw RdsErrors.invalidValue("The parameter MasterUserPassword must be provided and must not be blank.");
        }
        if (password.length() < 8) {
            throw RdsErrors.invalidValue("The parameter MasterUserPassword is not a valid password because it is shorter than 8 characters.");
        }
        if (password.length() > 128 || password.chars().anyMatch(c -> c < 33 || c > 126 || c == '/' || c == '@' || c == '"')) {
            throw RdsErrors.invalidValue("The parameter MasterUserPassword is not a valid password. Only printable ASCII"
                    + " characters besides '/', '@', '\"', ' ' may be used.");
        }
    }

    static void dbName(String name) {
        if (name != null && !DB_NAME.matcher(name).matches()) {
            throw RdsErrors.invalidValue("The parameter DBName is not a valid identifier. It must begin with a letter"
                    + " and contain only alphanumeric characters and underscores (1 to 63).");
        }
    }

    static int backupRetention(Integer days) {
        int value = days == null ? 1 : days;
        if (value < 0 || value > 35) {
            throw RdsErrors.invalidValue("Invalid backup retention period: %d. Valid values are 0 to 35 days.", value);
        }
        return value;
    }

    static int port(Integer port, String engine) {
        int value = port == null ? InstanceClasses.defaultPort(engine) : port;
        if (value < 1150 || value > 65535) {
            throw RdsErrors.invalidValue("Invalid port: %d. Valid values are 1150-65535.", value);
        }
        return value;
    }

    static String licenseModel(String engine) {
        return switch (engine) {
            case "postgres", "aurora-postgresql" -> "postgresql-license";
            default -> "general-public-license";
        };
    }
}
