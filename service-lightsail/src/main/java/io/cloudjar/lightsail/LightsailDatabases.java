package io.cloudjar.lightsail;

import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.rds.engine.DatabaseServers;
import io.cloudjar.rds.engine.EngineWorkspace;
import io.cloudjar.rds.engine.Engines;
import java.nio.file.Path;

/**
 * The real database servers behind Lightsail's managed databases: service-rds's engines and server tracking (the
 * same PostgreSQL RDS runs; {@code RDS_POSTGRES_BIN} chooses the binaries for both), in Lightsail's own directory,
 * stopped on reset and when Cloudjar stops.
 */
final class LightsailDatabases implements AutoCloseable {
    private final Path dir;
    private final DatabaseServers servers;

    private LightsailDatabases(ServiceContext context) {
        this.dir = EngineWorkspace.create(context.config().dataDir(), "lightsail");
        this.servers = new DatabaseServers(Engines.all(dir.resolve("engines"), context.config().env("RDS_POSTGRES_BIN", null)),
                dir.resolve("snapshots"));
        context.stores().register(servers::destroyAll);
    }

    static LightsailDatabases of(ServiceContext context) {
        return context.shared(LightsailDatabases.class, () -> new LightsailDatabases(context));
    }

    DatabaseServers servers() {
        return servers;
    }

    @Override
    public void close() {
        servers.close();
        servers.delete(dir);
    }
}
