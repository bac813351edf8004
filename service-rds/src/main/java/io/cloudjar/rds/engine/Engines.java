package io.cloudjar.rds.engine;

import java.nio.file.Path;
import java.util.List;

/** The database engines Cloudjar runs, each keeping its servers' data under {@code dataDir/<engine>}. */
public final class Engines {
    private Engines() {
    }

    public static List<DatabaseEngine> all(Path dataDir) {
        return List.of();
    }
}
