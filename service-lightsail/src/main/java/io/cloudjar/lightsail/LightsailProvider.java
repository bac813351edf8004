package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;

/**
 * What every Lightsail provider with state shares: the API name and the store, set at {@code init}. Subclasses
 * declare only their operations as public methods (see {@link ServiceProvider}).
 */
abstract class LightsailProvider implements ServiceProvider {
    protected LightsailStore store;

    @Override
    public final String api() {
        return "lightsail";
    }

    @Override
    public void init(ServiceContext context) {
        store = LightsailStore.of(context);
    }

    /** The caller's account and region, its alarms evaluated up to the call's time (before the call changes anything). */
    protected LightsailState state(CallContext ctx) {
        LightsailState state = store.get(ctx);
        AlarmEvaluation.catchUp(state, store.timings(), ctx.receivedAt());
        return state;
    }
}
