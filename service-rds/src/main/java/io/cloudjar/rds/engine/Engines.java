package io.cloudjar.rds.engine;

import java.nio.file.Path;
import java.util.List;

/** The database engines Cloudjar runs, each keeping its servers' data under {@code dataDir/<engine>}. */
public final class Engines {
    private Engines() {
    }

    /** @param postgresBinaries RDS_POSTGRES_BIN: a directory with initdb and postgres, or null to look on PATH */
    public static List<DatabaseEngine> all(Path dataDir, String postgresBinaries) {
        return List.of(new PostgresEngine(dataDir.resolve("postgres"), postgresBinaries));
    }
}
