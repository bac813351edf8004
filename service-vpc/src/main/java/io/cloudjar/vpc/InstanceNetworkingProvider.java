package io.cloudjar.vpc;

import io.cloudjar.core.regions.RegionCatalog;
import io.cloudjar.vpc.api.AddressInfo;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.IngressRule;
import io.cloudjar.vpc.api.InstanceNetworking;
import io.cloudjar.vpc.api.InterfaceInfo;
import io.cloudjar.vpc.api.InterfaceRequest;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.SecurityGroupInfo;
import io.cloudjar.vpc.api.SubnetInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The {@link InstanceNetworking} seam for service-ec2, found with {@code ServiceContext.lookup}. It serves
 * no operation itself; every method works on the same state as this module's providers.
 */
public final class InstanceNetworkingProvider extends NetworkProvider implements InstanceNetworking {
    @Override
    public SubnetInfo defaultSubnet(Scope scope, String availabilityZone) {
        NetworkState state = store.get(scope);
        return state.read(() -> {
            VpcRecord vpc = state.vpcs.first(v -> v.isDefault)
                    .orElseThrow(() -> Ec2Errors.of("VPCIdNotSpecified"));
            List<SubnetRecord> defaults = state.subnets.where(s -> s.vpcId.equals(vpc.id) && s.defaultForAz).stream()
                    .sorted(Comparator.comparing(s -> s.availabilityZone)).toList();
            if (availabilityZone == null) {
                return defaults.stream().findFirst().map(SeamViews::subnet).orElseThrow(
                        () -> Ec2Errors.of("MissingInput"));
            }
            if (RegionCatalog.getOrDefault(state.region).zones().stream().noneMatch(z -> z.name().equals(availabilityZone))) {
                throw Ec2Errors.of("InvalidParameterValue#zone", availabilityZone);
            }
            return defaults.stream().filter(s -> s.availabilityZone.equals(availabilityZone)).findFirst().map(SeamViews::subnet)
                    .orElseThrow(() -> Ec2Errors.of("MissingInput#zone", availabilityZone));
        });
    }

    @Override
    public Optional<String> defaultVpcId(Scope scope) {
        NetworkState state = store.get(scope);
        return state.read(() -> state.vpcs.first(v -> v.isDefault).map(v -> v.id));
    }

    @Override
    public SecurityGroupInfo createSecurityGroup(Scope scope, String vpcId, String name, String description,
                                                 List<IngressRule> ingress) {
        NetworkState state = store.get(scope);
        return state.write(() -> {
            SecurityGroupRecord group = SecurityGroupProvider.create(state, state.vpc(vpcId), name, description, Map.of());
            for (IngressRule rule : ingress) {
                for (String cidr : rule.ipv4Cidrs()) {
                    SecurityGroupRules.add(state, group, false, new SecurityGroupRuleRecord.Permission(rule.protocol(),
                            rule.fromPort(), rule.toPort(), cidr, null, null, null, null), null, Map.of());
                }
                for (String cidr : rule.ipv6Cidrs()) {
                    SecurityGroupRules.add(state, group, false, new SecurityGroupRuleRecord.Permission(rule.protocol(),
                            rule.fromPort(), rule.toPort(), null, cidr, null, null, null), null, Map.of());
                }
            }
            return SeamViews.group(group);
        });
    }

    @Override
    public SubnetInfo subnet(Scope scope, String subnetId) {
        NetworkState state = store.get(scope);
        return state.read(() -> SeamViews.subnet(state.subnet(subnetId)));
    }

    @Override
    public List<SecurityGroupInfo> securityGroups(Scope scope, String vpcId, Collection<String> groupIds,
                                                  Collection<String> groupNames) {
        NetworkState state = store.get(scope);
        return state.read(() -> {
            VpcRecord vpc = state.vpc(vpcId);
            if (groupIds.isEmpty() && groupNames.isEmpty()) {
                return List.of(SeamViews.group(VpcCompanions.defaultGroup(state, vpc.id)));
            }
            LinkedHashSet<SecurityGroupRecord> groups = new LinkedHashSet<>();
            for (String id : groupIds) {
                SecurityGroupRecord g = SecurityGroupProvider.byId(state, id);
                if (!g.vpcId.equals(vpc.id)) {
                    throw Ec2Errors.of("InvalidParameter#groupNetwork", id, vpc.id);
                }
                groups.add(g);
            }
            for (String name : groupNames) {
                groups.add(state.securityGroups.first(g -> g.vpcId.equals(vpc.id) && g.groupName.equals(name))
                        .orElseThrow(() -> Ec2Errors.of("InvalidGroup.NotFound#name",
                                name, vpc.isDefault ? "default " : "", vpc.id)));
            }
            return groups.stream().map(SeamViews::group).toList();
        });
    }

    @Override
    public InterfaceInfo createInterface(Scope scope, InterfaceRequest request) {
        NetworkState state = store.get(scope);
        return state.write(() -> SeamViews.networkInterface(state, Interfaces.create(state, new Interfaces.Spec(request.subnetId(),
                request.description(), request.groupIds(), request.privateIpAddress(), request.secondaryPrivateIpCount(),
                "interface", null, request.tags()))));
    }

    @Override
    public InterfaceInfo attachInterface(Scope scope, String networkInterfaceId, String instanceId, int deviceIndex,
                                         boolean deleteOnTermination) {
        NetworkState state = store.get(scope);
        return state.write(() -> {
            NetworkInterfaceProvider.attach(state, networkInterfaceId, instanceId, null, deviceIndex, deleteOnTermination,
                    store.clock.now());
            return SeamViews.networkInterface(state, state.interfaces.get(networkInterfaceId));
        });
    }

    @Override
    public InterfaceInfo modifyInterface(Scope scope, String networkInterfaceId, List<String> groupIds, Boolean sourceDestCheck) {
        NetworkState state = store.get(scope);
        return state.write(() -> {
            NetworkInterfaceRecord eni = state.interfaces.get(networkInterfaceId);
            if (groupIds != null && !groupIds.isEmpty()) {
                var groups = Interfaces.groups(state, eni.vpcId, groupIds, true);
                eni.groupIds.clear();
                eni.groupIds.addAll(groups);
            }
            if (sourceDestCheck != null) {
                eni.sourceDestCheck = sourceDestCheck;
            }
            return SeamViews.networkInterface(state, eni);
        });
    }

    @Override
    public InterfaceInfo detachInterface(Scope scope, String networkInterfaceId) {
        NetworkState state = store.get(scope);
        return state.write(() -> {
            NetworkInterfaceRecord eni = state.interfaces.get(networkInterfaceId);
            eni.attachment = null;
            return SeamViews.networkInterface(state, eni);
        });
    }

    @Override
    public void deleteInterface(Scope scope, String networkInterfaceId) {
        NetworkState state = store.get(scope);
        state.write(() -> state.interfaces.find(networkInterfaceId).ifPresent(eni -> Interfaces.delete(store, state, eni)));
    }

    @Override
    public Optional<InterfaceInfo> networkInterface(Scope scope, String networkInterfaceId) {
        NetworkState state = store.get(scope);
        return state.read(() -> state.interfaces.find(networkInterfaceId).map(eni -> SeamViews.networkInterface(state, eni)));
    }

    @Override
    public List<InterfaceInfo> interfacesOf(Scope scope, String instanceId) {
        NetworkState state = store.get(scope);
        return state.read(() -> attached(state, instanceId).stream().map(eni -> SeamViews.networkInterface(state, eni)).toList());
    }

    @Override
    public Map<String, List<InterfaceInfo>> interfacesOf(Scope scope, Collection<String> instanceIds) {
        Set<String> wanted = instanceIds instanceof Set<String> set ? set : new HashSet<>(instanceIds);
        NetworkState state = store.get(scope);
        return state.read(() -> {
            Map<String, List<InterfaceInfo>> byInstance = new HashMap<>();
            for (String instanceId : wanted) {
                List<NetworkInterfaceRecord> attached = state.interfacesAttachedTo(instanceId);
                if (!attached.isEmpty()) {
                    byInstance.put(instanceId, attached.stream().map(eni -> SeamViews.networkInterface(state, eni)).toList());
                }
            }
            return byInstance;
        });
    }

    @Override
    public InterfaceInfo assignPublicIp(Scope scope, String networkInterfaceId) {
        NetworkState state = store.get(scope);
        return state.write(() -> {
            NetworkInterfaceRecord eni = state.interfaces.get(networkInterfaceId);
            Interfaces.assignPublicIp(store, eni);
            return SeamViews.networkInterface(state, eni);
        });
    }

    @Override
    public InterfaceInfo releasePublicIp(Scope scope, String networkInterfaceId) {
        NetworkState state = store.get(scope);
        return state.write(() -> {
            NetworkInterfaceRecord eni = state.interfaces.get(networkInterfaceId);
            Interfaces.releasePublicIp(store, eni);
            return SeamViews.networkInterface(state, eni);
        });
    }

    @Override
    public List<AddressInfo> addressesOf(Scope scope, String instanceId) {
        NetworkState state = store.get(scope);
        return state.read(() -> {
            List<AddressInfo> out = new ArrayList<>();
            for (NetworkInterfaceRecord eni : attached(state, instanceId)) {
                state.addresses.where(a -> eni.id.equals(a.networkInterfaceId)).forEach(a -> out.add(SeamViews.address(state, a)));
            }
            return out;
        });
    }

    @Override
    public AddressInfo associateAddress(Scope scope, String allocationId, String networkInterfaceId, String privateIp,
                                        boolean allowReassociation) {
        NetworkState state = store.get(scope);
        return state.write(() -> {
            AddressRecord address = state.addresses.get(allocationId);
            Addresses.associate(store, state, address, state.interfaces.get(networkInterfaceId), privateIp, allowReassociation);
            return SeamViews.address(state, address);
        });
    }


    private static List<NetworkInterfaceRecord> attached(NetworkState state, String instanceId) {
        return state.interfacesAttachedTo(instanceId);
    }
}
