package io.cloudjar.rds.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A service's own directory for its database servers (RDS's instances, Lightsail's managed databases): under
 * {@code DATA_DIR/<service>/<random>} (a temp directory without DATA_DIR), with {@code engines/postgres} and
 * {@code snapshots} in it. The engines may run as an unprivileged user (PostgreSQL refuses root), so every directory
 * on the way is made traversable ({@code 711}).
 */
public final class EngineWorkspace {
    private EngineWorkspace() {
    }

    public static Path create(Path dataDir, String service) {
        try {
            Path dir = dataDir == null ? Files.createTempDirectory("cloudjar-" + service + "-")
                    : Files.createDirectories(dataDir.resolve(service).resolve(io.cloudjar.core.util.Ids.hex(16)));
            for (Path d = dir; dataDir == null ? d == dir : d.startsWith(dataDir) && !d.equals(dataDir); d = d.getParent()) {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx--x--x"));
            }
            for (String sub : new String[] {"engines", "engines/postgres", "snapshots"}) {
                Files.setPosixFilePermissions(Files.createDirectories(dir.resolve(sub)), PosixFilePermissions.fromString("rwx--x--x"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the " + service + " data directory", e);
        }
    }
}
