package io.cloudjar.rds;

import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.store.AccountRegionStore;
import io.cloudjar.rds.engine.DatabaseServers;
import io.cloudjar.rds.engine.EngineOptions;
import io.cloudjar.vpc.api.InstanceNetworking;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
    private final RdsRecords records;

    private RdsStore(ServiceContext context) {
        this.context = context;
        RdsRecords records = new RdsRecords(context.persistence());
        this.states = context.stores().accountRegion("rds", (account, region) -> records.track(account, region, new RdsState()));
        context.stores().register("rds", records::forget);
        this.timings = RdsTimings.from(context.config());
        this.databases = DatabaseServers.open(context.config().dataDir(), "rds",
                EngineOptions.from(name -> context.config().env(name, null)), context.persistence());
        context.stores().register("rds", databases::destroyAll);
        this.records = records;
        context.persistence().changedByCalls("rds", records);
        context.persistence().restoreWith(() -> {
            records.restore(this::get);
            reviveDatabases();
        });
    }

    /**
     * After a restart, the real server of each instance runs again on its data directory (a stopped instance's stays
     * stopped; its port is the old one when free, else a new one the endpoint reports); data no record names goes.
     */
    private void reviveDatabases() {
        Instant now = context.clock().now();
        for (RdsState state : states.all()) {
            state.instances.replaceAll((id, instance) -> instance.database() == null ? instance
                    : instance.withDatabase(databases.revive(instance.database(), !STOPPED.contains(instance.status(now))),
                            instance.noEngine()));
        }
        records.write();
        databases.removeLeftovers(
                states.all().stream().flatMap(s -> s.instances.values().stream()).map(InstanceRecord::database)
                        .filter(Objects::nonNull).toList(),
                states.all().stream().flatMap(s -> s.snapshots.values().stream()).map(SnapshotRecord::backup)
                        .filter(Objects::nonNull).toList());
    }

    /** The statuses in which an instance's server is not running. */
    private static final Set<String> STOPPED = Set.of("stopped", "stopping", "deleting", Instances.DELETED);

    /** Writes what changed outside a call (a background copy finished) and commits it. */
    void changedOutsideCall() {
        context.persistence().changed(records);
        context.persistence().commit();
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

    DatabaseServers databases() {
        return databases;
    }

    @Override
    public void close() {
        databases.close(); // and this server's data directory
    }
}
