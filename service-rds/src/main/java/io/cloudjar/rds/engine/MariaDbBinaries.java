package io.cloudjar.rds.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where MariaDB's programs are, decided once and shared by the mysql and mariadb engines: {@code RDS_MARIADB_BIN}
 * when set (a MariaDB base directory or its bin/; {@code download}: the bundle only; {@code none}: no server), else {@code mariadbd} on
 * PATH, else MariaDB 11.4.5 from {@link MariaDbBundle} (class path, cache, or a first-use download).
 */
final class MariaDbBinaries {
    /**
     * The programs: the server, the script that makes a data directory, the client that creates users.
     *
     * @param basedir the MariaDB base directory to pass as --basedir, or null for an installed MariaDB (it knows its own)
     */
    record Home(Path basedir, Path server, Path installDb, Path client) {
    }

    private final String configured;
    private final Path cache;
    private final String repository;
    private Home home;

    /** @param repository a Maven repository URL to download from, or null never to download */
    MariaDbBinaries(String configured, Path cache, String repository) {
        this.configured = configured == null || configured.isBlank() ? null : configured;
        this.cache = cache;
        this.repository = repository;
    }

    /** Why no MariaDB can run here, or empty when one can (possibly after the first-use download). */
    Optional<String> unavailableReason() {
        if ("none".equals(configured)) {
            return Optional.of("MariaDB is turned off here (RDS_MARIADB_BIN=none): the endpoint has no database behind it.");
        }
        if (configured != null && !configured.equals("download")) {
            return local(Path.of(configured)).isPresent() ? Optional.empty()
                    : Optional.of("RDS_MARIADB_BIN=" + configured + " holds no mariadbd with mariadb-install-db and the mariadb client.");
        }
        if (configured == null && onPath().isPresent()) {
            return Optional.empty();
        }
        if (!MariaDbBundle.platformFits()) {
            return Optional.of("No MariaDB server can run here: no mariadbd on PATH or in RDS_MARIADB_BIN, and the"
                    + " downloadable MariaDB " + MariaDbBundle.VERSION + " is for linux-amd64 with glibc only.");
        }
        if (repository == null && MariaDbBundle.cached(cache).isEmpty() && (configured != null || !MariaDbBundle.onClassPath())) {
            return Optional.of("No MariaDB server can run here: no mariadbd on PATH or in RDS_MARIADB_BIN, MariaDB "
                    + MariaDbBundle.VERSION + " is not in " + cache + " and downloading it is turned off (RDS_MARIADB_REPOSITORY=none).");
        }
        return Optional.empty();
    }

    /** The programs, downloading the bundle on first use when nothing else is there (takes a while: call it off the request). */
    synchronized Home home() throws IOException {
        if (home == null) {
            Optional<Home> found = configured != null && !configured.equals("download") ? local(Path.of(configured))
                    : configured == null ? onPath() : Optional.empty();
            if (found.isEmpty()) {
                Path base = MariaDbBundle.home(cache, repository, !"download".equals(configured));
                found = Optional.of(new Home(base, base.resolve("bin/mariadbd"), base.resolve("scripts/mariadb-install-db"),
                        base.resolve("bin/mariadb")));
            }
            home = found.get();
        }
        return home;
    }

    /** A base directory (bin/, scripts/) or a bin directory of a MariaDB installation. */
    private static Optional<Home> local(Path dir) {
        for (Path base : List.of(dir, dir.getParent() == null ? dir : dir.getParent())) {
            Path server = base.resolve("bin/mariadbd");
            Path client = base.resolve("bin/mariadb");
            for (Path installDb : List.of(base.resolve("scripts/mariadb-install-db"), base.resolve("bin/mariadb-install-db"))) {
                if (Files.isExecutable(server) && Files.isReadable(installDb) && Files.isExecutable(client)) {
                    return Optional.of(new Home(base, server, installDb, client));
                }
            }
        }
        return Optional.empty();
    }

    /** An installed MariaDB: mariadbd on PATH (or in /usr/sbin, where distributions put it) with its tools. */
    private static Optional<Home> onPath() {
        Optional<Path> server = which("mariadbd");
        Optional<Path> installDb = which("mariadb-install-db").or(() -> which("mysql_install_db"));
        Optional<Path> client = which("mariadb");
        if (server.isPresent() && installDb.isPresent() && client.isPresent()) {
            return Optional.of(new Home(null, server.get(), installDb.get(), client.get()));
        }
        return Optional.empty();
    }

    private static Optional<Path> which(String program) {
        String path = System.getenv("PATH");
        List<String> dirs = new java.util.ArrayList<>(path == null ? List.of() : List.of(path.split(File.pathSeparator)));
        dirs.add("/usr/sbin");
        for (String dir : dirs) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                try {
                    return Optional.of(candidate.toRealPath());
                } catch (IOException dangling) {
                    // keep looking
                }
            }
        }
        return Optional.empty();
    }
}
