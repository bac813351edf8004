package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;

/** A provider of this module's EC2 operations: serves the {@code ec2} API over the shared {@link ComputeStore}. */
abstract class ComputeProvider implements ServiceProvider {
    protected ComputeStore store;

    @Override
    public final String api() {
        return "ec2";
    }

    @Override
    public void init(ServiceContext context) {
        this.store = ComputeStore.of(context);
    }

    /** The compute state of the caller's account and region. */
    ComputeState state(CallContext ctx) {
        return store.get(ctx.accountId(), ctx.region());
    }
}
