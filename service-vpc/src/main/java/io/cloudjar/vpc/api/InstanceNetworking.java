package io.cloudjar.vpc.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What service-ec2 needs from VPC networking to launch, stop and terminate instances: subnets, security
 * groups, network interfaces with private addresses from their subnet, public addresses and Elastic IPs.
 *
 * <p>Obtain it in {@code init} with {@code context.lookup(InstanceNetworking.class)}; call it while serving
 * requests or from timed work. Every method acts on one account and region ({@link Scope}) and throws the
 * EC2 API's errors ({@code InvalidSubnetID.NotFound}, {@code InvalidGroup.NotFound}, …) as
 * {@link io.cloudjar.core.errors.AwsException}s that a provider can let through unchanged.
 *
 * <p>Locking: service-vpc never calls EC2 ({@link InstanceDirectory}) while it holds its own lock, so
 * service-ec2 may call these methods while holding its own.
 */
public interface InstanceNetworking {
    /**
     * The default subnet of a zone (RunInstances without a subnet). With {@code availabilityZone} null, the
     * default subnet of the first zone that has one.
     *
     * @throws io.cloudjar.core.errors.AwsException {@code VPCIdNotSpecified} when the region has no default VPC,
     *         {@code InvalidParameterValue} when the zone does not exist, {@code MissingInput} when it has no default subnet
     */
    SubnetInfo defaultSubnet(Scope scope, String availabilityZone);

    /** The region's default VPC, or empty when it has none (deleted); Lightsail peers its own VPC with it. */
    Optional<String> defaultVpcId(Scope scope);

    /** @throws io.cloudjar.core.errors.AwsException {@code InvalidSubnetID.NotFound} */
    SubnetInfo subnet(Scope scope, String subnetId);

    /**
     * The security groups an instance in {@code vpcId} gets: those named by id, plus those named by name in
     * that VPC; the VPC's {@code default} group when both collections are empty.
     *
     * @throws io.cloudjar.core.errors.AwsException {@code InvalidGroup.NotFound}, or {@code InvalidParameter}
     *         when a group belongs to another VPC
     */
    List<SecurityGroupInfo> securityGroups(Scope scope, String vpcId, Collection<String> groupIds,
                                           Collection<String> groupNames);

    /**
     * Creates a security group in {@code vpcId} that allows all outbound traffic and the given inbound rules (what a
     * stack Lightsail's CreateCloudFormationStack launches makes).
     *
     * @throws io.cloudjar.core.errors.AwsException {@code InvalidVpcID.NotFound}, {@code InvalidGroup.Duplicate}
     */
    SecurityGroupInfo createSecurityGroup(Scope scope, String vpcId, String name, String description,
                                          List<IngressRule> ingress);

    /**
     * Creates an interface and takes its private addresses from the subnet (the subnet's
     * {@code AvailableIpAddressCount} drops by one per address).
     *
     * @throws io.cloudjar.core.errors.AwsException {@code InvalidIPAddress.InUse}, {@code InsufficientFreeAddressesInSubnet},
     *         {@code InvalidParameterValue} for an address outside the subnet
     */
    InterfaceInfo createInterface(Scope scope, InterfaceRequest request);

    /** @throws io.cloudjar.core.errors.AwsException {@code InvalidNetworkInterfaceID.NotFound}, {@code InvalidParameterValue} when attached */
    InterfaceInfo attachInterface(Scope scope, String networkInterfaceId, String instanceId, int deviceIndex,
                                  boolean deleteOnTermination);

    /**
     * Changes an interface's security groups ({@code groupIds} null or empty: unchanged) and its
     * source/destination check ({@code sourceDestCheck} null: unchanged), as ModifyInstanceAttribute does for
     * an instance's primary interface.
     *
     * @throws io.cloudjar.core.errors.AwsException {@code InvalidGroup.NotFound}, {@code InvalidNetworkInterfaceID.NotFound}
     */
    InterfaceInfo modifyInterface(Scope scope, String networkInterfaceId, List<String> groupIds, Boolean sourceDestCheck);

    /** Detaches the interface from its instance; a no-op when it is not attached. */
    InterfaceInfo detachInterface(Scope scope, String networkInterfaceId);

    /**
     * Deletes the interface, giving its private addresses back to the subnet and disassociating any Elastic
     * IP (as terminating an instance does); a missing interface is ignored.
     */
    void deleteInterface(Scope scope, String networkInterfaceId);

    Optional<InterfaceInfo> networkInterface(Scope scope, String networkInterfaceId);

    /** The interfaces attached to an instance, by device index. */
    List<InterfaceInfo> interfacesOf(Scope scope, String instanceId);

    /**
     * The interfaces attached to each of the instances, by device index, in one pass (DescribeInstances
     * over many instances); instances without interfaces are absent from the map.
     */
    Map<String, List<InterfaceInfo>> interfacesOf(Scope scope, Collection<String> instanceIds);

    /**
     * Gives the interface's primary private address an Amazon-owned public address (launch in a subnet
     * that maps public IPs, start after stop). Keeps an associated Elastic IP instead, as AWS does.
     */
    InterfaceInfo assignPublicIp(Scope scope, String networkInterfaceId);

    /** Releases the Amazon-owned public address (stop); an Elastic IP stays associated. */
    InterfaceInfo releasePublicIp(Scope scope, String networkInterfaceId);

    /** The Elastic IPs associated with the instance's interfaces. */
    List<AddressInfo> addressesOf(Scope scope, String instanceId);

    /**
     * Associates an Elastic IP with an interface's private address ({@code privateIp} null: the primary one).
     *
     * @throws io.cloudjar.core.errors.AwsException {@code InvalidAllocationID.NotFound}, {@code Resource.AlreadyAssociated}
     *         when associated elsewhere and {@code allowReassociation} is false
     */
    AddressInfo associateAddress(Scope scope, String allocationId, String networkInterfaceId, String privateIp,
                                 boolean allowReassociation);
}
