package io.cloudjar.vpc.api;

import java.util.Optional;

/**
 * Implemented by a service-ec2 provider and found with {@code ServiceContext.lookup} when first needed: lets VPC calls
 * that name an instance (AssociateAddress, AttachNetworkInterface, routes to an instance) find it, and
 * tells EC2 when an Elastic IP association of one of its instances changes. Never called while
 * service-vpc holds its lock.
 */
public interface InstanceDirectory {
    /** The instance, or empty when it does not exist (or is terminated) in the scope. */
    Optional<InstanceRef> instance(Scope scope, String instanceId);

    /**
     * An Elastic IP was associated with or disassociated from an interface attached to the instance. On
     * disassociation AWS gives a running instance that had an Amazon public address a new one, which EC2
     * may do here with {@link InstanceNetworking#assignPublicIp}.
     */
    default void addressAssociationChanged(Scope scope, String instanceId, String networkInterfaceId, boolean associated) {
    }

    /**
     * @param state the instance state name: pending, running, stopping, stopped, shutting-down
     */
    record InstanceRef(String instanceId, String primaryNetworkInterfaceId, String vpcId, String state) {
    }
}
