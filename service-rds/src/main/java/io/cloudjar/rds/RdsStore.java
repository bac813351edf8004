package io.cloudjar.rds;

import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.store.AccountRegionStore;
import io.cloudjar.rds.engine.DatabaseServers;
import io.cloudjar.rds.engine.EngineOptions;
import io.cloudjar.vpc.api.InstanceNetworking;
import java.util.Optional;

/**
 * RDS's state, one per server and shared by its providers: an {@link RdsState} per account and region, the real
 * database servers ({@link DatabaseServers}, stopped on reset and when Cloudjar stops) and the seam to service-vpc's
 * subnets and security groups (absent when only RDS runs: subnet groups cannot then be made).
 */
final class RdsStore implements AutoCloseable {
    private final AccountRegionStore<RdsState> states;
    private final ServiceContext context;
    private final DatabaseServers databases;
    private final RdsTimings timings;
    private final ReaderEndpoints readerEndpoints = new ReaderEndpoints();

    private RdsStore(ServiceContext context) {
        this.context = context;
        this.states = context.stores().accountRegion(RdsState::new);
        this.timings = RdsTimings.from(context.config());
        this.databases = DatabaseServers.open(context.config().dataDir(), "rds",
                EngineOptions.from(name -> context.config().env(name, null)));
        context.stores().register(databases::destroyAll);
        context.stores().register(readerEndpoints::close);
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

    ReaderEndpoints readerEndpoints() {
        return readerEndpoints;
    }

    DatabaseServers databases() {
        return databases;
    }

    @Override
    public void close() {
        readerEndpoints.close();
        databases.close(); // and this server's data directory
    }
}
