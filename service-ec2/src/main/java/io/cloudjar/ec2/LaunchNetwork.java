package io.cloudjar.ec2;

import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.InstanceNetworking;
import io.cloudjar.vpc.api.InterfaceInfo;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.SecurityGroupInfo;
import io.cloudjar.vpc.api.SubnetInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

/**
 * Where RunInstances puts its instances: the subnet (given, or the default subnet of the zone), the security
 * groups and one interface plan per device index, from either the instance-level parameters or the
 * {@code NetworkInterface.N} list, with EC2's rules on combining them. Nothing is created here.
 *
 * @param interfaces by device index; index 0 is the primary interface
 */
record LaunchNetwork(SubnetInfo subnet, List<Planned> interfaces) {

    /**
     * One interface of each launched instance: a new one in {@code subnet} or an existing one ({@code existingId}).
     *
     * @param publicIp whether the interface gets an Amazon public address
     */
    record Planned(int deviceIndex, String existingId, SubnetInfo subnet, List<SecurityGroupInfo> groups,
                   String privateIpAddress, int secondaryCount, String description, boolean deleteOnTermination,
                   boolean publicIp) {
    }

    static LaunchNetwork resolve(InstanceNetworking networking, Scope scope, RunInstancesRequest request, int maxCount) {
        String zone = request.placement() == null ? null : request.placement().availabilityZone();
        zone = zone == null || zone.isEmpty() ? null : zone; // Terraform sends an empty zone for "any"
        if (request.networkInterfaces().isEmpty()) {
            return instanceLevel(networking, scope, request, zone);
        }
        if (request.subnetId() != null) {
            throw Ec2Errors.of("InvalidParameterCombination#interfacesAndSubnet");
        }
        if (!request.securityGroupIds().isEmpty() || !request.securityGroups().isEmpty()) {
            throw Ec2Errors.of("InvalidParameterCombination#interfacesAndGroups");
        }
        if (request.privateIpAddress() != null) {
            throw Ec2Errors.of("InvalidParameterCombination#interfacesAndPrivateIp");
        }
        List<InstanceNetworkInterfaceSpecification> specs = request.networkInterfaces().stream()
                .sorted(Comparator.comparing(s -> s.deviceIndex() == null ? Integer.MAX_VALUE : s.deviceIndex())).toList();
        if (specs.stream().anyMatch(s -> s.deviceIndex() == null)) {
            throw Ec2Errors.of("MissingParameter", "NetworkInterface.DeviceIndex");
        }
        if (specs.get(0).deviceIndex() != 0) {
            throw Ec2Errors.of("InvalidParameterValue#noDeviceIndexZero");
        }
        if (specs.stream().map(InstanceNetworkInterfaceSpecification::deviceIndex).distinct().count() < specs.size()) {
            throw Ec2Errors.of("InvalidParameterValue#deviceIndexRepeated");
        }
        if (specs.size() > 1 && specs.stream().anyMatch(s -> Boolean.TRUE.equals(s.associatePublicIpAddress()))) {
            throw Ec2Errors.of("InvalidParameterCombination#publicIpInterfaces");
        }
        List<Planned> planned = new ArrayList<>();
        SubnetInfo primarySubnet = null;
        for (InstanceNetworkInterfaceSpecification spec : specs) {
            Planned p = spec.networkInterfaceId() != null ? existing(networking, scope, spec, maxCount)
                    : created(networking, scope, spec, zone);
            if (primarySubnet != null && !p.subnet().availabilityZone().equals(primarySubnet.availabilityZone())) {
                throw Ec2Errors.of("InvalidParameterValue#interfaceZones");
            }
            if (primarySubnet == null) {
                primarySubnet = p.subnet();
            }
            planned.add(p);
        }
        checkZone(zone, primarySubnet);
        return new LaunchNetwork(primarySubnet, planned);
    }

    /** SubnetId, SecurityGroupId.N / SecurityGroup.N and PrivateIpAddress at the top of the request. */
    private static LaunchNetwork instanceLevel(InstanceNetworking networking, Scope scope, RunInstancesRequest request,
                                               String zone) {
        if (request.subnetId() != null && !request.securityGroups().isEmpty()) {
            throw Ec2Errors.of("InvalidParameterCombination#groupNameAndSubnet");
        }
        SubnetInfo subnet = request.subnetId() != null ? networking.subnet(scope, request.subnetId())
                : networking.defaultSubnet(scope, zone);
        checkZone(zone, subnet);
        List<SecurityGroupInfo> groups = networking.securityGroups(scope, subnet.vpcId(), request.securityGroupIds(),
                request.securityGroups());
        return new LaunchNetwork(subnet, List.of(new Planned(0, null, subnet, groups, request.privateIpAddress(), 0, "",
                true, subnet.mapPublicIpOnLaunch())));
    }

    private static Planned created(InstanceNetworking networking, Scope scope, InstanceNetworkInterfaceSpecification spec,
                                   String zone) {
        SubnetInfo subnet = spec.subnetId() != null ? networking.subnet(scope, spec.subnetId())
                : networking.defaultSubnet(scope, zone);
        List<SecurityGroupInfo> groups = networking.securityGroups(scope, subnet.vpcId(), spec.groups(), List.of());
        String primaryIp = spec.privateIpAddress();
        int secondary = spec.secondaryPrivateIpAddressCount() == null ? 0 : spec.secondaryPrivateIpAddressCount();
        for (var address : spec.privateIpAddresses()) {
            if (Boolean.TRUE.equals(address.primary())) {
                primaryIp = address.privateIpAddress();
            } else {
                secondary++;
            }
        }
        boolean publicIp = spec.associatePublicIpAddress() != null ? spec.associatePublicIpAddress()
                : spec.deviceIndex() == 0 && subnet.mapPublicIpOnLaunch();
        return new Planned(spec.deviceIndex(), null, subnet, groups, primaryIp, secondary,
                spec.description() == null ? "" : spec.description(),
                spec.deleteOnTermination() == null || spec.deleteOnTermination(), publicIp);
    }

    /** An existing interface can serve only one instance, and must be free. */
    private static Planned existing(InstanceNetworking networking, Scope scope, InstanceNetworkInterfaceSpecification spec,
                                    int maxCount) {
        if (maxCount > 1) {
            throw Ec2Errors.of("InvalidParameterValue#interfaceMaxCount");
        }
        InterfaceInfo eni = networking.networkInterface(scope, spec.networkInterfaceId())
                .orElseThrow(() -> Ec2Errors.of("InvalidNetworkInterfaceID.NotFound", spec.networkInterfaceId()));
        if (eni.attachment() != null) {
            throw Ec2Errors.of("InvalidParameterValue#launchInterfaceInUse", eni.networkInterfaceId());
        }
        SubnetInfo subnet = networking.subnet(scope, eni.subnetId());
        return new Planned(spec.deviceIndex(), eni.networkInterfaceId(), subnet, eni.groups(), eni.privateIpAddress(), 0,
                eni.description(), Boolean.TRUE.equals(spec.deleteOnTermination()),
                Boolean.TRUE.equals(spec.associatePublicIpAddress()));
    }

    private static void checkZone(String zone, SubnetInfo subnet) {
        if (zone != null && !zone.equals(subnet.availabilityZone())) {
            throw Ec2Errors.of("InvalidParameterValue#subnetZone", zone, subnet.subnetId(), subnet.availabilityZone());
        }
    }

    Planned primary() {
        return interfaces.get(0);
    }

    /** How many of the instances the subnets' free addresses allow (each new interface takes 1 + secondaries). */
    int capacity() {
        Map<String, Integer> perInstance = new java.util.HashMap<>();
        Map<String, Integer> free = new java.util.HashMap<>();
        for (Planned p : interfaces) {
            if (p.existingId() == null) {
                perInstance.merge(p.subnet().subnetId(), 1 + p.secondaryCount(), Integer::sum);
                free.put(p.subnet().subnetId(), p.subnet().availableIpAddressCount());
            }
        }
        return perInstance.entrySet().stream().mapToInt(e -> free.get(e.getKey()) / e.getValue()).min().orElse(Integer.MAX_VALUE);
    }
}
