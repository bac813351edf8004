package io.cloudjar.vpc;

import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.store.AccountRegionStore;

/**
 * Hands out the {@link NetworkState} of a caller's account and region, creating the default VPC on
 * first use. One instance per server, so every provider of this module (VPCs now; subnets, gateways
 * and security groups later) shares the same state.
 */
final class NetworkStore {
    private final AccountRegionStore<NetworkState> states;

    private NetworkStore(ServiceContext context) {
        this.states = context.stores().accountRegion(NetworkState::new);
    }

    /** The store of the server {@code context} belongs to; tests run several servers in one JVM. */
    static NetworkStore of(ServiceContext context) {
        return context.shared(NetworkStore.class, () -> new NetworkStore(context));
    }

    NetworkState get(RequestContext ctx) {
        return get(ctx.accountId(), ctx.region());
    }

    NetworkState get(String accountId, String region) {
        NetworkState state = states.get(accountId, region);
        state.initializeOnce(() -> DefaultVpc.install(state, accountId, region));
        return state;
    }
}
