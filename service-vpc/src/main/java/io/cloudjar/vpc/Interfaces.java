package io.cloudjar.vpc;

import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.NetworkInterfaceRecord.PublicAddress;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.support.Ipv4Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Network interfaces and their addresses, shared by CreateNetworkInterface, NAT gateways, interface
 * endpoints and the instance seam. Callers hold the state's write lock.
 */
final class Interfaces {
    private Interfaces() {
    }

    /**
     * What an interface is made of.
     *
     * @param requesterId set for interfaces a service manages (NAT gateway, endpoint); null for the user's own
     */
    record Spec(String subnetId, String description, List<String> groupIds, String privateIp, int secondaryCount,
                String interfaceType, String requesterId, Map<String, String> tags) {
    }

    static NetworkInterfaceRecord create(NetworkState state, Spec spec) {
        SubnetRecord subnet = state.subnet(spec.subnetId());
        List<String> groups = groups(state, subnet.vpcId, spec.groupIds(), spec.requesterId() == null);
        int wanted = 1 + spec.secondaryCount();
        if (subnet.availableIpAddressCount() < wanted) {
            throw Ec2Errors.of("InsufficientFreeAddressesInSubnet", subnet.id);
        }
        List<Integer> ips = new ArrayList<>();
        if (spec.privateIp() != null) {
            ips.add(requestedAddress(subnet, spec.privateIp()));
        }
        while (ips.size() < wanted) {
            OptionalInt ip = subnet.allocate();
            ips.add(ip.orElseThrow(() -> Ec2Errors.of("InsufficientFreeAddressesInSubnet", subnet.id)));
        }
        NetworkInterfaceRecord eni = new NetworkInterfaceRecord(Ids.ec2("eni"), subnet.id, subnet.vpcId,
                subnet.availabilityZone, state.accountId, spec.interfaceType(), macAddress(), spec.requesterId(),
                spec.description() == null ? "" : spec.description(), spec.tags());
        eni.groupIds.addAll(groups);
        ips.forEach(ip -> eni.privateIps.put(Ipv4Cidr.format(ip), null));
        state.interfaces.add(eni);
        return eni;
    }

    /** Takes a specific address for an interface, refusing reserved, foreign and busy ones. */
    static int requestedAddress(SubnetRecord subnet, String text) {
        int ip = Ipv4Cidr.parseAddress(text).orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#privateIpAddress", text));
        if (!subnet.cidr.containsAddress(ip)) {
            throw Ec2Errors.of("InvalidParameterValue#addressOutsideSubnet", text, subnet.id);
        }
        if (!subnet.assignable(ip)) {
            throw Ec2Errors.of("InvalidParameterValue#addressReserved", text);
        }
        if (subnet.inUse(ip)) {
            throw Ec2Errors.of("InvalidIPAddress.InUse", text);
        }
        subnet.take(ip);
        return ip;
    }

    /** Gives the addresses back to the subnet and the pool, and frees associated Elastic IPs. */
    static void delete(NetworkStore store, NetworkState state, NetworkInterfaceRecord eni) {
        SubnetRecord subnet = state.subnet(eni.subnetId);
        for (Map.Entry<String, PublicAddress> ip : eni.privateIps.entrySet()) {
            subnet.release(Ipv4Cidr.parseAddress(ip.getKey()).orElseThrow());
            releasePublic(store, state, ip.getValue());
        }
        state.interfaces.remove(eni.id);
    }

    /** Removes an address from the interface, whatever public address it had. */
    static void unassign(NetworkStore store, NetworkState state, NetworkInterfaceRecord eni, String privateIp) {
        PublicAddress pub = eni.privateIps.remove(privateIp);
        state.subnet(eni.subnetId).release(Ipv4Cidr.parseAddress(privateIp).orElseThrow());
        releasePublic(store, state, pub);
    }

    /** An Amazon-owned address for the primary private address, unless it already has a public one. */
    static void assignPublicIp(NetworkStore store, NetworkInterfaceRecord eni) {
        String primary = eni.primaryIp();
        if (eni.privateIps.get(primary) == null) {
            eni.privateIps.put(primary, new PublicAddress(store.publicIps.allocate(), null, null));
        }
    }

    /** Gives back the Amazon-owned address of the primary private address; an Elastic IP stays. */
    static void releasePublicIp(NetworkStore store, NetworkInterfaceRecord eni) {
        String primary = eni.primaryIp();
        PublicAddress pub = eni.privateIps.get(primary);
        if (pub != null && !pub.elastic()) {
            eni.privateIps.put(primary, null);
            store.publicIps.release(pub.publicIp());
        }
    }

    private static void releasePublic(NetworkStore store, NetworkState state, PublicAddress pub) {
        if (pub == null) {
            return;
        }
        if (pub.elastic()) {
            state.addresses.find(pub.allocationId()).ifPresent(AddressRecord::disassociate);
        } else {
            store.publicIps.release(pub.publicIp());
        }
    }

    /** Security groups by id, all in the interface's VPC; the VPC's default group when none are named. */
    static List<String> groups(NetworkState state, String vpcId, List<String> groupIds, boolean defaultWhenEmpty) {
        if (groupIds.isEmpty()) {
            return defaultWhenEmpty ? List.of(VpcCompanions.defaultGroup(state, vpcId).id) : List.of();
        }
        List<String> out = new ArrayList<>();
        for (String id : groupIds) {
            SecurityGroupRecord group = state.securityGroups.get(id);
            if (!group.vpcId.equals(vpcId)) {
                throw Ec2Errors.of("InvalidParameter#groupNetwork", id, vpcId);
            }
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** A locally administered unicast MAC address, as AWS's {@code 0e:…} and {@code 12:…} addresses are. */
    private static String macAddress() {
        StringBuilder mac = new StringBuilder("0e");
        for (int i = 0; i < 5; i++) {
            mac.append(':').append(Ids.hex(2));
        }
        return mac.toString();
    }
}
