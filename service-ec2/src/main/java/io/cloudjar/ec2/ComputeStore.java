package io.cloudjar.ec2;

import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.store.AccountRegionStore;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compute state of the EC2 API, one instance per server shared by every provider of this module (key
 * pairs, images, volumes, snapshots now; instances in the next phase): a {@link ComputeState} per account
 * and region, and per region the images every account can see ({@link RegionImages}: the public catalogue
 * plus images accounts register or share).
 */
final class ComputeStore {
    private final AccountRegionStore<ComputeState> states;
    private final ConcurrentHashMap<String, RegionImages> images = new ConcurrentHashMap<>();
    private final ServiceContext context;
    private final Ec2Timings timings;

    private ComputeStore(ServiceContext context) {
        this.context = context;
        this.states = context.stores().accountRegion(ComputeState::new);
        this.timings = Ec2Timings.from(context.config());
        context.stores().register(images::clear);
    }

    static ComputeStore of(ServiceContext context) {
        return context.shared(ComputeStore.class, () -> new ComputeStore(context));
    }

    ComputeState get(RequestContext ctx) {
        return states.get(ctx.accountId(), ctx.region());
    }

    ComputeState get(String accountId, String region) {
        return states.get(accountId, region);
    }

    RegionImages images(String region) {
        return images.computeIfAbsent(region, RegionImages::new);
    }

    Ec2Timings timings() {
        return timings;
    }

    /** The emulator clock's now: what every derived state (creating, pending, attaching, ...) is read against. */
    Instant now() {
        return context.clock().now();
    }
}
