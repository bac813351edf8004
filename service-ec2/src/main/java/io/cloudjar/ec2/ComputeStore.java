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
        this.states = context.stores().accountRegion("ec2", (account, region) -> new ComputeState(records.scoped(account, region)));
        this.timings = Ec2Timings.from(context.config());
        context.stores().register("ec2", images::clear);
        context.stores().register("ec2", instanceScopes::clear);
        this.networking = context.lookup(InstanceNetworking.class)
                .orElseThrow(() -> new IllegalStateException("service-ec2 needs service-vpc's InstanceNetworking"));
        context.lookup(TagRegistry.class).ifPresent(registry -> ComputeTags.register(registry, this));
        context.persistence().restoreWith(this::restore);
    }

    /** Rebuilds every account's and region's state from the state file (nothing without persistence), reading each record once. */
    private void restore() {
        records.keyPairs.forEach("", (key, keyPair) -> stateOf(key).restore(keyPair));
        records.volumes.forEach("", (key, volume) -> stateOf(key).restore(volume));
        records.snapshots.forEach("", (key, snapshot) -> stateOf(key).restore(snapshot));
        records.clientTokens.forEach("", (key, resourceId) -> stateOf(key).restoreClientToken(idOf(key), resourceId));
        records.instances.forEach("", (key, instance) -> {
            stateOf(key).restore(instance);
            indexInstance(instance.instanceId(), scopeOfKey(key));
        });
        records.images.forEach("", (key, image) -> images(key.substring(0, key.indexOf('/'))).restore(image));
    }

    /** The account and region of a record kept under {@code <account>/<region>/<id>}. */
    private static Scope scopeOfKey(String key) {
        int first = key.indexOf('/');
        return new Scope(key.substring(0, first), key.substring(first + 1, key.indexOf('/', first + 1)));
    }

    private static String idOf(String key) {
        return key.substring(key.indexOf('/', key.indexOf('/') + 1) + 1);
    }

    private ComputeState stateOf(String key) {
        Scope scope = scopeOfKey(key);
        return get(scope.accountId(), scope.region());
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
