package io.cloudjar.rds;

import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.store.AccountRegionStore;
import io.cloudjar.rds.engine.DatabaseServers;
import io.cloudjar.rds.engine.DormantDatabase;
import io.cloudjar.rds.engine.EngineOptions;
import io.cloudjar.rds.engine.RunningDatabase;
import io.cloudjar.vpc.api.InstanceNetworking;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final ReaderEndpoints readerEndpoints = new ReaderEndpoints();

    private RdsStore(ServiceContext context) {
        this.context = context;
        RdsRecords records = new RdsRecords(context.persistence());
        this.states = context.stores().accountRegion("rds", (account, region) -> records.track(account, region, new RdsState()));
        context.stores().register("rds", records::forget);
        this.timings = RdsTimings.from(context.config());
        this.databases = DatabaseServers.open(context.config().dataDir(), "rds",
                EngineOptions.from(name -> context.config().env(name, null)), context.persistence());
        context.stores().register("rds", databases::destroyAll);
        context.stores().register("rds", readerEndpoints::close);
        this.records = records;
        context.persistence().changedByCalls("rds", records);
        context.persistence().restoreWith(() -> {
            records.restore(this::get);
            reviveDatabases();
        });
    }

    /**
     * After a restart, the real server of each instance and Aurora cluster runs again on its data directory (a stopped
     * one's stays stopped; its port is the old one when free, else a new one the endpoint reports); data no record
     * names goes. A cluster's writer shares the cluster's server: their equal kept records are one server, started
     * once. Reader endpoints open again once their cluster's server is up.
     */
    private void reviveDatabases() {
        Instant now = context.clock().now();
        Map<RunningDatabase, RunningDatabase> revived = new HashMap<>();
        for (RdsState state : states.all()) {
            state.clusters.replaceAll((id, cluster) -> cluster.database() == null ? cluster
                    : cluster.withDatabase(revive(revived, cluster.database(), !STOPPED.contains(cluster.status(now))),
                            cluster.noEngine()));
            // sources before their read replicas, so a replica follows its source's revived server
            List<InstanceRecord> sourcesFirst = state.instances.values().stream().filter(i -> i.database() != null)
                    .sorted(java.util.Comparator.comparing(i -> i.database() instanceof DormantDatabase d && d.primary() != null))
                    .toList();
            for (InstanceRecord instance : sourcesFirst) {
                state.instances.put(instance.id(), instance.withDatabase(
                        revive(revived, instance.database(), !STOPPED.contains(instance.status(now))), instance.noEngine()));
            }
        }
        records.write();
        List<RunningDatabase> servers = new ArrayList<>();
        List<Path> backups = new ArrayList<>();
        for (RdsState state : states.all()) {
            state.clusters.values().stream().map(ClusterRecord::database).filter(Objects::nonNull).forEach(servers::add);
            state.instances.values().stream().map(InstanceRecord::database).filter(Objects::nonNull).forEach(servers::add);
            state.snapshots.values().stream().map(SnapshotRecord::backup).filter(Objects::nonNull).forEach(backups::add);
            state.clusterSnapshots.values().stream().map(ClusterSnapshotRecord::backup).filter(Objects::nonNull)
                    .forEach(backups::add);
            state.clusters.values().forEach(cluster -> reopenReaderEndpoint(state, cluster.id()));
        }
        databases.removeLeftovers(servers, backups);
    }

    private RunningDatabase revive(Map<RunningDatabase, RunningDatabase> revived, RunningDatabase kept, boolean run) {
        RunningDatabase known = revived.get(kept);
        if (known == null) {
            RunningDatabase primary = kept instanceof DormantDatabase d && d.primary() != null
                    ? revived.getOrDefault(d.primary(), d.primary()) : null;
            known = databases.revive(kept, run, primary);
            revived.put(kept, known);
        }
        return known;
    }

    /** Waits (in the background) for the cluster's server, then opens its reader endpoint as a describe would. */
    private void reopenReaderEndpoint(RdsState state, String clusterId) {
        ClusterRecord cluster = state.clusters.get(clusterId);
        if (cluster == null || cluster.database() == null) {
            return;
        }
        Thread waiter = new Thread(() -> {
            if (cluster.database().awaitReady(Duration.ofMinutes(5))) {
                ClusterRecord now = state.clusters.get(clusterId);
                if (now != null) {
                    readerEndpoints.ensure(state, now);
                }
            }
        }, "cloudjar-rds-reader-endpoint-" + clusterId);
        waiter.setDaemon(true);
        waiter.start();
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
