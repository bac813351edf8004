package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.vpc.api.Scope;

/** What every provider of this module shares: the EC2 API and the one {@link NetworkStore}. */
abstract class NetworkProvider implements ServiceProvider {
    NetworkStore store;

    @Override
    public final String api() {
        return "ec2";
    }

    @Override
    public void init(ServiceContext context) {
        this.store = NetworkStore.of(context);
    }

    NetworkState state(CallContext ctx) {
        return store.get(Scope.of(ctx));
    }
}
