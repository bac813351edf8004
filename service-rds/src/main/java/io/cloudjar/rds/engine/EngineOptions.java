package io.cloudjar.rds.engine;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the engines' programs come from.
 *
 * @param postgresBinaries  RDS_POSTGRES_BIN: a directory with initdb and postgres, "embedded", or null to look on PATH
 * @param mariadbBinaries   RDS_MARIADB_BIN: a MariaDB base or bin directory, "download", or null to look on PATH first
 * @param cache             RDS_ENGINE_CACHE: where a downloaded MariaDB is kept (default ~/.cache/cloudjar)
 * @param mariadbRepository RDS_MARIADB_REPOSITORY: the Maven repository MariaDB is downloaded from (default Maven
 *                          Central), null when downloading is turned off ("none")
 */
public record EngineOptions(String postgresBinaries, String mariadbBinaries, Path cache, String mariadbRepository) {

    /** The options from environment variables (null when unset), with their defaults. */
    public static EngineOptions from(Function<String, String> env) {
        String repository = env.apply("RDS_MARIADB_REPOSITORY");
        if (repository == null || repository.isBlank()) {
            repository = MariaDbBundle.DEFAULT_REPOSITORY;
        } else if (repository.equals("none")) {
            repository = null;
        }
        String cache = env.apply("RDS_ENGINE_CACHE");
        return new EngineOptions(env.apply("RDS_POSTGRES_BIN"), env.apply("RDS_MARIADB_BIN"),
                cache != null && !cache.isBlank() ? Path.of(cache) : defaultCache(), repository);
    }

    /** $XDG_CACHE_HOME/cloudjar, else ~/.cache/cloudjar. */
    static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("cloudjar");
    }
}
