package io.cloudjar.lightsail;

import io.cloudjar.core.auth.Arn;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.store.AccountRegionStore;
import java.util.Optional;

/**
 * Lightsail's state, one per server and shared by its providers ({@code LightsailStore.of(context)} in
 * {@code init}): a {@link LightsailState} per account and region, wiped by reset, and the transition timings.
 */
final class LightsailStore {
    private final AccountRegionStore<LightsailState> states;
    private final LightsailTimings timings;
    private final io.cloudjar.core.util.EmulatorClock clock;
    /** Signs the short-lived SSH keys of GetInstanceAccessDetails (one per server, as Lightsail has its own CA). */
    private final io.cloudjar.ec2.keys.SshCertificates.Authority sshAuthority = io.cloudjar.ec2.keys.SshCertificates.Authority.create();

    private LightsailStore(ServiceContext context) {
        this.states = context.stores().accountRegion(LightsailState::new);
        this.timings = LightsailTimings.from(context.config());
        this.clock = context.clock();
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
        return sshAuthority;
    }

    /** Now on the emulator clock, for what is not a call (the bill endpoint). */
    java.time.Instant now() {
        return clock.now();
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
