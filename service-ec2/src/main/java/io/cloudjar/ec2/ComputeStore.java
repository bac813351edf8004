package io.cloudjar.ec2;

import io.cloudjar.core.spi.InstanceProfiles;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.store.AccountRegionStore;
import io.cloudjar.vpc.api.InstanceNetworking;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.TagRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compute state of the EC2 API, one instance per server shared by every provider of this module: a
 * {@link ComputeState} per account and region, and per region the images every account can see
 * ({@link RegionImages}: the public catalogue plus images accounts register or share). It also holds the
 * seams to the other modules: service-vpc's networking (and the directory of instances it gets back, and
 * tagging) and IAM's instance profiles when IAM runs.
 */
final class ComputeStore {
    private final AccountRegionStore<ComputeState> states;
    private final ConcurrentHashMap<String, RegionImages> images = new ConcurrentHashMap<>();
    private final ServiceContext context;
    private final Ec2Timings timings;
    private final InstanceNetworking networking;
    /** Instance id → its account and region, for callers that know only the id (the metadata service). */
    private final ConcurrentHashMap<String, Scope> instanceScopes = new ConcurrentHashMap<>();

    private final ComputeRecords records;

    private ComputeStore(ServiceContext context) {
        this.context = context;
        this.records = new ComputeRecords(context.persistence());
        this.states = context.stores().accountRegion((account, region) -> new ComputeState(records.scoped(account, region)));
        this.timings = Ec2Timings.from(context.config());
        context.stores().register(images::clear);
        context.stores().register(instanceScopes::clear);
        this.networking = context.lookup(InstanceNetworking.class)
                .orElseThrow(() -> new IllegalStateException("service-ec2 needs service-vpc's InstanceNetworking"));
        context.lookup(TagRegistry.class).ifPresent(registry -> ComputeTags.register(registry, this));
        restore();
    }

    /** Rebuilds every account's and region's state from the state file (nothing without persistence). */
    private void restore() {
        java.util.Set<String> scopes = new java.util.TreeSet<>();
        for (var map : java.util.List.of(records.instances, records.keyPairs, records.volumes, records.snapshots,
                records.clientTokens)) {
            map.forEach("", (key, value) -> scopes.add(key.substring(0, key.indexOf('/', key.indexOf('/') + 1))));
        }
        for (String scope : scopes) {
            String account = scope.substring(0, scope.indexOf('/'));
            String region = scope.substring(scope.indexOf('/') + 1);
            ComputeState state = get(account, region);
            state.restore(records.scoped(account, region));
            records.instances.scoped(account, region).forEach("", (id, i) -> indexInstance(id, new Scope(account, region)));
        }
        records.images.forEach("", (key, image) -> images(key.substring(0, key.indexOf('/'))).restore(image));
    }

    static ComputeStore of(ServiceContext context) {
        return context.shared(ComputeStore.class, () -> new ComputeStore(context));
    }

    ComputeState get(String accountId, String region) {
        return states.get(accountId, region);
    }

    RegionImages images(String region) {
        return images.computeIfAbsent(region, r -> new RegionImages(r, records.images.scoped(r)));
    }

    InstanceNetworking networking() {
        return networking;
    }

    /** IAM's instance profiles; empty when IAM does not run (profiles are then taken as given). */
    Optional<InstanceProfiles> profiles() {
        return context.lookup(InstanceProfiles.class);
    }

    Ec2Timings timings() {
        return timings;
    }

    /** The emulator clock's now: what every derived state (creating, pending, attaching, ...) is read against. */
    Instant now() {
        return context.clock().now();
    }

    /** Records where a launched instance lives; ids are random, so the index needs no lock. */
    void indexInstance(String instanceId, Scope scope) {
        instanceScopes.put(instanceId, scope);
    }

    /** The account and region of an instance known only by id; may name an instance since pruned. */
    Optional<Scope> scopeOf(String instanceId) {
        return Optional.ofNullable(instanceId == null ? null : instanceScopes.get(instanceId));
    }

    /** Drops the index entry of an instance that is gone (pruned an hour after termination). */
    void forgetInstance(String instanceId) {
        instanceScopes.remove(instanceId);
    }
}
