package io.cloudjar.rds.engine;

import java.nio.file.Path;
import java.util.List;

/** The database engines Cloudjar runs, each keeping its servers' data under {@code dataDir/<engine>}. */
public final class Engines {
    private Engines() {
    }

    /**
     * PostgreSQL from {@code postgresBinaries}, MariaDB (mysql and mariadb) from PATH or downloaded on first use into
     * ~/.cache/cloudjar.
     *
     * @param postgresBinaries RDS_POSTGRES_BIN: a directory with initdb and postgres, or null to look on PATH
     */
    public static List<DatabaseEngine> all(Path dataDir, String postgresBinaries) {
        EngineOptions defaults = EngineOptions.from(name -> null);
        return all(dataDir, new EngineOptions(postgresBinaries, null, defaults.cache(), defaults.mariadbRepository()));
    }

    /** Every engine, with its programs from {@code options}; mysql and mariadb share one MariaDB installation. */
    public static List<DatabaseEngine> all(Path dataDir, EngineOptions options) {
        MariaDbBinaries mariadb = new MariaDbBinaries(options.mariadbBinaries(), options.cache(), options.mariadbRepository());
        return List.of(new PostgresEngine(dataDir.resolve("postgres"), options.postgresBinaries()),
                new MariaDbEngine("mysql", dataDir.resolve("mysql"), mariadb),
                new MariaDbEngine("mariadb", dataDir.resolve("mariadb"), mariadb));
    }
}
