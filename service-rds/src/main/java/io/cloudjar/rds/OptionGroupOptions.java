package io.cloudjar.rds;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.model.OptionGroupOption;
import software.amazon.awssdk.services.rds.model.OptionGroupOptionSetting;

/**
 * The options RDS offers per engine (DescribeOptionGroupOptions): MySQL's and MariaDB's audit plugin and MySQL's
 * memcached interface; PostgreSQL has none (its extensions are parameters). Settings with their defaults.
 */
final class OptionGroupOptions {
    record Spec(String engine, String name, String description, Integer port, Map<String, String> settings) {
    }

    private static final Map<String, String> AUDIT = Map.of("SERVER_AUDIT_EVENTS", "CONNECT,QUERY",
            "SERVER_AUDIT_FILE_ROTATIONS", "9", "SERVER_AUDIT_FILE_ROTATE_SIZE", "1000000",
            "SERVER_AUDIT_EXCL_USERS", "", "SERVER_AUDIT_INCL_USERS", "", "SERVER_AUDIT_QUERY_LOG_LIMIT", "1024");
    static final List<Spec> ALL = List.of(
            new Spec("mysql", "MARIADB_AUDIT_PLUGIN", "MariaDB Audit Plugin", null, AUDIT),
            new Spec("mysql", "MEMCACHED", "Innodb Memcached for MySQL", 11211,
                    Map.of("DAEMON_MEMCACHED_R_BATCH_SIZE", "1", "DAEMON_MEMCACHED_W_BATCH_SIZE", "1", "INNODB_API_ENABLE_BINLOG", "0")),
            new Spec("mariadb", "MARIADB_AUDIT_PLUGIN", "MariaDB Audit Plugin", null, AUDIT));

    private OptionGroupOptions() {
    }

    static Spec find(String engine, String name) {
        return ALL.stream().filter(s -> s.engine().equals(engine) && s.name().equals(name)).findFirst().orElse(null);
    }

    static OptionGroupOption toSdk(Spec spec, String major) {
        return OptionGroupOption.builder().name(spec.name()).description(spec.description()).engineName(spec.engine())
                .majorEngineVersion(major).portRequired(spec.port() != null).defaultPort(spec.port())
                .persistent(false).permanent(false).requiresAutoMinorEngineVersionUpgrade(false).vpcOnly(false)
                .supportsOptionVersionDowngrade(false).optionsDependedOn(List.of()).optionsConflictsWith(List.of())
                .optionGroupOptionSettings(spec.settings().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> OptionGroupOptionSetting.builder().settingName(e.getKey()).defaultValue(e.getValue())
                                .applyType("DYNAMIC").isModifiable(true).isRequired(false).build()).toList())
                .build();
    }
}
