package io.cloudjar.ec2;

import io.cloudjar.vpc.api.InstanceDirectory;
import io.cloudjar.vpc.api.Scope;
import java.time.Instant;
import java.util.Optional;

/**
 * The instances service-vpc may name (AssociateAddress, AttachNetworkInterface, routes to an instance). Reads
 * take no lock, since service-vpc calls here while this module may be waiting for service-vpc's lock. A provider
 * that serves no operation, so that service-vpc finds it with {@code ServiceContext.lookup} whatever the order in
 * which the modules start.
 */
public final class ComputeDirectory extends ComputeProvider implements InstanceDirectory {

    @Override
    public Optional<InstanceRef> instance(Scope scope, String instanceId) {
        Instant now = store.now();
        return store.get(scope.accountId(), scope.region()).instance(instanceId, now)
                .filter(i -> !i.phase().name(now).equals("terminated"))
                .map(i -> new InstanceRef(i.instanceId(), i.launch().primaryInterfaceId(), i.launch().vpcId(),
                        i.phase().name(now)));
    }

    /**
     * As on AWS, a running instance launched with a public address gets a new one when its Elastic IP is
     * taken away from its primary interface.
     */
    @Override
    public void addressAssociationChanged(Scope scope, String instanceId, String networkInterfaceId, boolean associated) {
        Instant now = store.now();
        store.get(scope.accountId(), scope.region()).instance(instanceId, now)
                .filter(i -> !associated && i.launch().autoPublicIp() && i.phase().name(now).equals("running"))
                .filter(i -> networkInterfaceId.equals(i.launch().primaryInterfaceId()))
                .ifPresent(i -> store.networking().assignPublicIp(scope, networkInterfaceId));
    }
}
