package io.cloudjar.vpc;

import io.cloudjar.vpc.NetworkInterfaceRecord.PublicAddress;
import io.cloudjar.vpc.api.AddressInfo;
import io.cloudjar.vpc.api.InterfaceInfo;
import io.cloudjar.vpc.api.SecurityGroupInfo;
import io.cloudjar.vpc.api.SubnetInfo;
import java.util.Collections;
import java.util.LinkedHashMap;

/** Snapshots of stored resources as the seams hand them to other modules; called under a state lock. */
final class SeamViews {
    private SeamViews() {
    }

    static SubnetInfo subnet(SubnetRecord s) {
        return new SubnetInfo(s.id, s.vpcId, s.availabilityZone, s.availabilityZoneId, s.cidr.toString(), s.mapPublicIpOnLaunch,
                s.defaultForAz, s.availableIpAddressCount());
    }

    static SecurityGroupInfo group(SecurityGroupRecord g) {
        return new SecurityGroupInfo(g.id, g.groupName, g.vpcId);
    }

    static InterfaceInfo networkInterface(NetworkState state, NetworkInterfaceRecord eni) {
        NetworkInterfaceRecord.Attachment a = eni.attachment;
        return new InterfaceInfo(eni.id, eni.subnetId, eni.vpcId, eni.availabilityZone, eni.ownerId, eni.description,
                eni.interfaceType, eni.macAddress, eni.primaryIp(), DnsNames.privateName(eni.primaryIp(), state.region),
                eni.privateIps.entrySet().stream().map(e -> new InterfaceInfo.PrivateIp(e.getKey(),
                        DnsNames.privateName(e.getKey(), state.region), e.getKey().equals(eni.primaryIp()),
                        publicIp(state, e.getValue()))).toList(),
                eni.groupIds.stream().map(id -> group(state.securityGroups.get(id))).toList(),
                eni.sourceDestCheck, eni.status(), publicIp(state, eni.privateIps.get(eni.primaryIp())),
                a == null ? null : new InterfaceInfo.Attachment(a.attachmentId(), a.instanceId(), a.instanceOwnerId(),
                        a.deviceIndex(), "attached", a.attachTime(), a.deleteOnTermination()),
                Collections.unmodifiableMap(new LinkedHashMap<>(eni.tags)));
    }

    static AddressInfo address(NetworkState state, AddressRecord a) {
        String instanceId = a.networkInterfaceId == null ? null
                : state.interfaces.find(a.networkInterfaceId).map(NetworkInterfaceRecord::instanceId).orElse(null);
        return new AddressInfo(a.id, a.publicIp, a.associationId, a.networkInterfaceId, a.privateIpAddress, instanceId);
    }

    private static InterfaceInfo.PublicIp publicIp(NetworkState state, PublicAddress pub) {
        if (pub == null) {
            return null;
        }
        return new InterfaceInfo.PublicIp(pub.publicIp(), DnsNames.publicName(pub.publicIp(), state.region),
                pub.elastic() ? state.accountId : "amazon", pub.allocationId(), pub.associationId());
    }
}
