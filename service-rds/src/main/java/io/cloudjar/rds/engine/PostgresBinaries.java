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
 * Where PostgreSQL's programs are: {@code RDS_POSTGRES_BIN} when set, else the directory {@code initdb} on PATH
 * really lives in (Debian links it from /usr/lib/postgresql/NN/bin), else the newest /usr/lib/postgresql/NN/bin.
 */
final class PostgresBinaries {
    static final List<String> NEEDED = List.of("initdb", "postgres", "pg_isready", "psql", "pg_basebackup");

    private PostgresBinaries() {
    }

    static Optional<Path> find(String configured) {
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
                return versions.map(v -> v.resolve("bin")).filter(PostgresBinaries::complete)
                        .max(Comparator.comparing(p -> versionOf(p.getParent().getFileName().toString())));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
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
