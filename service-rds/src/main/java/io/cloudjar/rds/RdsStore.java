package io.cloudjar.rds;

import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.store.AccountRegionStore;
import io.cloudjar.rds.engine.EngineOptions;
import io.cloudjar.rds.engine.Engines;
import io.cloudjar.vpc.api.InstanceNetworking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * RDS's state, one per server and shared by its providers: an {@link RdsState} per account and region, the real
 * database servers ({@link Databases}, stopped on reset and when Cloudjar stops) and the seam to service-vpc's
 * subnets and security groups (absent when only RDS runs: subnet groups cannot then be made).
 */
final class RdsStore implements AutoCloseable {
    private final AccountRegionStore<RdsState> states;
    private final ServiceContext context;
    private final Databases databases;
    private final Path dir;
    private final RdsTimings timings;

    private RdsStore(ServiceContext context) {
        this.context = context;
        this.states = context.stores().accountRegion(RdsState::new);
        this.dir = dataDir(context.config().dataDir());
        this.timings = RdsTimings.from(context.config());
        this.databases = new Databases(Engines.all(dir.resolve("engines"),
                EngineOptions.from(name -> context.config().env(name, null))),
                dir.resolve("snapshots"));
        context.stores().register(databases::destroyAll);
    }

    static RdsStore of(ServiceContext context) {
        return context.shared(RdsStore.class, () -> new RdsStore(context));
    }

    RdsState get(String accountId, String region) {
        return states.get(accountId, region);
    }

    Optional<InstanceNetworking> networking() {
        return context.lookup(InstanceNetworking.class);
    }

    RdsTimings timings() {
        return timings;
    }

    Databases databases() {
        return databases;
    }

    @Override
    public void close() {
        databases.close();
        databases.delete(dir); // this server's data only, as S3 removes its own directory
    }

    /** This server's own directory under DATA_DIR (a temp directory without one), as S3 keeps its bodies. */
    private static Path dataDir(Path dataDir) {
        try {
            Path dir = dataDir == null ? Files.createTempDirectory("cloudjar-rds-")
                    : Files.createDirectories(dataDir.resolve("rds").resolve(io.cloudjar.core.util.Ids.hex(16)));
            // the engines may run as an unprivileged user (PostgreSQL refuses root): it must pass through to its own dirs
            for (Path d = dir; dataDir == null ? d == dir : d.startsWith(dataDir) && !d.equals(dataDir); d = d.getParent()) {
                Files.setPosixFilePermissions(d, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            }
            for (String sub : new String[] {"engines", "engines/postgres", "engines/mysql", "engines/mariadb", "snapshots"}) {
                Files.setPosixFilePermissions(Files.createDirectories(dir.resolve(sub)),
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the RDS data directory", e);
        }
    }
}
