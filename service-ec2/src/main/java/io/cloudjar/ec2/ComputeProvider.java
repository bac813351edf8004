package io.cloudjar.ec2;

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
}
