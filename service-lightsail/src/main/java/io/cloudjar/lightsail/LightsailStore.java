package io.cloudjar.lightsail;

import io.cloudjar.core.auth.Arn;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.store.AccountRegionStore;
import java.util.Optional;

/**
 * Lightsail's state, one per server and shared by its providers ({@code LightsailStore.of(context)} in
 * {@code init}): a {@link LightsailState} per account and region, wiped by reset, the transition timings and the
 * real servers behind managed databases (stopped on reset and when Cloudjar stops).
 */
final class LightsailStore implements AutoCloseable {
    private final AccountRegionStore<LightsailState> states;
    private final LightsailTimings timings;
    private final io.cloudjar.core.util.EmulatorClock clock;
    private final io.cloudjar.core.persist.Persistence persistence;
    /** The real servers of managed databases: RDS's engines, in a directory of Lightsail's own. */
    private final io.cloudjar.rds.engine.DatabaseServers databases;
    /**
     * Signs the short-lived SSH keys of GetInstanceAccessDetails (one per server, as Lightsail has its own CA). Made at
     * the first such call: a 2048-bit RSA key pair was a fifth of start-up's CPU and ~55 MB of its garbage.
     */
    private volatile io.cloudjar.ec2.keys.SshCertificates.Authority sshAuthority;

    private LightsailStore(ServiceContext context) {
        LightsailRecords records = new LightsailRecords(context.persistence());
        this.states = context.stores().accountRegion("lightsail", (account, region) -> new LightsailState(records.scoped(account, region)));
        this.timings = LightsailTimings.from(context.config());
        this.clock = context.clock();
        this.persistence = context.persistence();
        this.databases = io.cloudjar.rds.engine.DatabaseServers.open(context.config().dataDir(), "lightsail",
                io.cloudjar.rds.engine.EngineOptions.from(name -> context.config().env(name, null)), context.persistence());
        context.stores().register("lightsail", databases::destroyAll);
        context.persistence().restoreWith(() -> {
            records.restore(this::get);
            reviveDatabases();
        });
    }

    /**
     * After a restart, the real server of each managed database runs again on its data directory (a stopped one stays
     * stopped); written again, since its port may have changed. Data no record names goes.
     */
    private void reviveDatabases() {
        for (LightsailState state : states.all()) {
            for (RelationalDatabaseRecord db : state.databases.list()) {
                io.cloudjar.rds.engine.RunningDatabase server = databases.revive(db.server(), !"stopped".equals(db.settled()));
                if (server != db.server()) {
                    state.databases.put(db.withServer(server));
                }
            }
        }
        databases.removeLeftovers(
                states.all().stream().flatMap(s -> s.databases.list().stream()).map(RelationalDatabaseRecord::server)
                        .filter(java.util.Objects::nonNull).toList(),
                states.all().stream().flatMap(s -> s.databaseSnapshots.list().stream()).map(DatabaseSnapshotRecord::backup)
                        .filter(java.util.Objects::nonNull).toList());
    }

    static LightsailStore of(ServiceContext context) {
        return context.shared(LightsailStore.class, () -> new LightsailStore(context));
    }

    LightsailState get(String account, String region) {
        return states.get(account, region);
    }

    LightsailState get(CallContext ctx) {
        return states.get(ctx.accountId(), ctx.region());
    }

    /** Every account's and region's state (for names that reach across regions, as alias targets). */
    java.util.Collection<LightsailState> all() {
        return states.all();
    }

    io.cloudjar.ec2.keys.SshCertificates.Authority sshAuthority() {
        io.cloudjar.ec2.keys.SshCertificates.Authority authority = sshAuthority;
        if (authority == null) {
            synchronized (this) {
                if (sshAuthority == null) {
                    sshAuthority = io.cloudjar.ec2.keys.SshCertificates.Authority.create();
                }
                authority = sshAuthority;
            }
        }
        return authority;
    }

    /** Now on the emulator clock, for what is not a call (the bill endpoint). */
    java.time.Instant now() {
        return clock.now();
    }

    /** Makes durable what changed outside a Lightsail call (alarms caught up, a contact method verified). */
    void commitOutsideCall() {
        persistence.commit();
    }

    io.cloudjar.rds.engine.DatabaseServers databases() {
        return databases;
    }

    @Override
    public void close() {
        databases.close();
    }

    LightsailTimings timings() {
        return timings;
    }

    /** The resource an ARN names, in the account and region the ARN says. */
    Optional<LightsailResource<?>> byArn(String arn) {
        return Arn.parse(arn).filter(a -> a.service().equals("lightsail") && !a.account().isEmpty())
                .flatMap(a -> get(a.account(), a.region()).byArn(arn));
    }
}
