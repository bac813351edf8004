package io.cloudjar.vpc;

import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.store.Resettable;
import io.cloudjar.core.util.EmulatorClock;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.InstanceDirectory;
import io.cloudjar.vpc.api.Scope;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out the {@link NetworkState} of an account and region, creating the default VPC on first use, and
 * holds what spans accounts and regions: the public address pool and peering connections. One instance
 * per server, shared by every provider of this module.
 */
final class NetworkStore implements Resettable {
    private final ConcurrentHashMap<Scope, NetworkState> states = new ConcurrentHashMap<>();
    final PublicIpPool publicIps;
    final PeeringTable peerings;
    final EmulatorClock clock;
    private final ServiceContext context;
    /** service-ec2's instances, looked up on first use (every provider has started by then); empty without it. */
    private volatile Optional<InstanceDirectory> instances;

    private final NetworkRecords records;

    private NetworkStore(ServiceContext context, PublicIpPool publicIps) {
        this.context = context;
        this.clock = context.clock();
        this.publicIps = publicIps;
        this.records = new NetworkRecords(context.persistence());
        this.peerings = new PeeringTable(context.persistence());
        context.persistence().restoreWith(this::restore);
    }

    /** Takes back every scope the state file kept, with the public addresses their resources hold, and the peerings. */
    private void restore() {
        peerings.restore();
        for (Scope scope : records.keptScopes()) {
            NetworkState state = NetworkState.restored(scope.accountId(), scope.region(), records);
            states.put(scope, state);
            state.read(() -> {
                state.addresses.all().forEach(address -> publicIps.restore(address.publicIp));
                state.interfaces.all().forEach(eni -> eni.privateIps.values().stream().filter(java.util.Objects::nonNull)
                        .forEach(address -> publicIps.restore(address.publicIp())));
                return null;
            });
        }
    }

    /** The store of the server {@code context} belongs to; tests run several servers in one JVM. */
    static NetworkStore of(ServiceContext context) {
        return context.shared(NetworkStore.class, () -> context.stores().register("ec2", new NetworkStore(context,
                PublicIpPool.of(context.config().env(PublicIpPool.SETTING, null)))));
    }

    NetworkState get(Scope scope) {
        NetworkState state = states.computeIfAbsent(scope, s -> new NetworkState(s.accountId(), s.region(), records));
        state.initializeOnce(() -> DefaultVpc.install(this, state));
        return state;
    }

    /** The instance of another module, or InvalidInstanceID.NotFound. Call without holding a state lock. */
    InstanceDirectory.InstanceRef instance(Scope scope, String instanceId) {
        return instances().flatMap(directory -> directory.instance(scope, instanceId))
                .orElseThrow(() -> Ec2Errors.of("InvalidInstanceID.NotFound", instanceId));
    }

    /** Tells service-ec2 about an Elastic IP change of one of its instances; never under a state lock. */
    void addressChanged(Scope scope, String instanceId, String networkInterfaceId, boolean associated) {
        if (instanceId != null) {
            instances().ifPresent(directory -> directory.addressAssociationChanged(scope, instanceId, networkInterfaceId, associated));
        }
    }

    private Optional<InstanceDirectory> instances() {
        Optional<InstanceDirectory> found = instances;
        if (found == null) {
            found = context.lookup(InstanceDirectory.class);
            instances = found;
        }
        return found;
    }

    @Override
    public void reset() {
        states.clear();
        publicIps.reset();
        peerings.reset();
    }
}
