package io.cloudjar.rds.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where PostgreSQL's programs are: {@code RDS_POSTGRES_BIN} when set ({@code embedded}: the bundled 17.6), else the
 * directory {@code initdb} on PATH really lives in (Debian links it from /usr/lib/postgresql/NN/bin), else the newest
 * /usr/lib/postgresql/NN/bin, else the bundled PostgreSQL 17.6 ({@link EmbeddedPostgres}). Only initdb and postgres
 * are needed; psql and pg_basebackup, when there, let a snapshot or a password change happen without a restart.
 */
final class PostgresBinaries {
    static final List<String> NEEDED = List.of("initdb", "postgres");

    private PostgresBinaries() {
    }

    static Optional<Path> find(String configured) {
        if ("embedded".equals(configured)) {
            return EmbeddedPostgres.bin();
        }
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(PostgresBinaries::complete);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path initdb = Path.of(dir, "initdb");
                if (Files.isExecutable(initdb)) {
                    try {
                        Path real = initdb.toRealPath().getParent();
                        if (complete(real)) {
                            return Optional.of(real);
                        }
                    } catch (IOException e) {
                        // a dangling link: keep looking
                    }
                }
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin")).filter(PostgresBinaries::complete)
                        .max(Comparator.comparing(p -> versionOf(p.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                // fall through to the bundled binaries
            }
        }
        return EmbeddedPostgres.bin();
    }

    private static boolean complete(Path dir) {
        return NEEDED.stream().allMatch(name -> Files.isExecutable(dir.resolve(name)));
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
