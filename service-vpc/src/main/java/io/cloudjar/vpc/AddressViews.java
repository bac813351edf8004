package io.cloudjar.vpc;

import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.api.Tags;
import software.amazon.awssdk.services.ec2.model.Address;

/** Renders Elastic IPs as the SDK's {@code Address} and names DescribeAddresses' filters. */
final class AddressViews {
    static final Filters<Address> FILTERS = new Filters<Address>()
            .onValue("allocation-id", Address::allocationId)
            .onValue("association-id", Address::associationId)
            .onValue("domain", Address::domainAsString)
            .onValue("instance-id", Address::instanceId)
            .onValue("network-border-group", Address::networkBorderGroup)
            .onValue("network-interface-id", Address::networkInterfaceId)
            .onValue("network-interface-owner-id", Address::networkInterfaceOwnerId)
            .onValue("private-ip-address", Address::privateIpAddress)
            .onValue("public-ip", Address::publicIp)
            .onValue("public-ipv4-pool", Address::publicIpv4Pool)
            .withTags(a -> Tags.asMap(a.tags()));

    private AddressViews() {
    }

    static Address render(NetworkState state, AddressRecord a) {
        Address.Builder b = Address.builder()
                .allocationId(a.id)
                .publicIp(a.publicIp)
                .domain("vpc")
                .publicIpv4Pool("amazon")
                .networkBorderGroup(a.networkBorderGroup);
        if (a.associated()) {
            NetworkInterfaceRecord eni = state.interfaces.find(a.networkInterfaceId).orElse(null);
            b.associationId(a.associationId)
                    .networkInterfaceId(a.networkInterfaceId)
                    .privateIpAddress(a.privateIpAddress)
                    .networkInterfaceOwnerId(eni == null ? state.accountId : eni.ownerId)
                    .instanceId(eni == null ? null : eni.instanceId());
        }
        if (!a.tags.isEmpty()) {
            b.tags(Tags.toSdk(a.tags));
        }
        return b.build();
    }
}
