package io.cloudjar.vpc;

import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.api.Tags;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DnsEntry;
import software.amazon.awssdk.services.ec2.model.DnsOptions;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/** Renders endpoints as the SDK's {@code VpcEndpoint} and names DescribeVpcEndpoints' filters. */
final class VpcEndpointViews {
    static final Filters<VpcEndpoint> FILTERS = new Filters<VpcEndpoint>()
            .onValue("ip-address-type", VpcEndpoint::ipAddressTypeAsString)
            .onValue("service-name", VpcEndpoint::serviceName)
            .onValue("vpc-id", VpcEndpoint::vpcId)
            .onValue("vpc-endpoint-id", VpcEndpoint::vpcEndpointId)
            .onValue("vpc-endpoint-state", VpcEndpoint::stateAsString)
            .onValue("vpc-endpoint-type", VpcEndpoint::vpcEndpointTypeAsString)
            .withTags(e -> Tags.asMap(e.tags()));

    private VpcEndpointViews() {
    }

    static VpcEndpoint render(NetworkState state, VpcEndpointRecord e, String status) {
        boolean isInterface = EndpointServices.INTERFACE.equals(e.endpointType);
        VpcEndpoint.Builder b = VpcEndpoint.builder()
                .vpcEndpointId(e.id)
                .vpcEndpointType(e.endpointType)
                .vpcId(e.vpcId)
                .ownerId(e.ownerId)
                .serviceName(e.serviceName)
                .state(status)
                .policyDocument(e.policyDocument)
                .routeTableIds(List.copyOf(e.routeTableIds))
                .subnetIds(List.copyOf(e.subnetIds))
                .groups(e.groupIds.stream().map(id -> SecurityGroupIdentifier.builder().groupId(id)
                        .groupName(state.securityGroups.find(id).map(g -> g.groupName).orElse(null)).build()).toList())
                .ipAddressType("ipv4")
                .dnsOptions(DnsOptions.builder().dnsRecordIpType("ipv4").build())
                .privateDnsEnabled(e.privateDnsEnabled)
                .requesterManaged(false)
                .networkInterfaceIds(List.copyOf(e.networkInterfaceIds))
                .dnsEntries(isInterface ? dnsEntries(state, e) : List.of())
                .creationTimestamp(e.creationTimestamp)
                .tags(Tags.toSdk(e.tags));
        return b.build();
    }

    private static List<DnsEntry> dnsEntries(NetworkState state, VpcEndpointRecord e) {
        String service = e.serviceName.substring(e.serviceName.lastIndexOf(state.region) + state.region.length() + 1);
        String base = e.id + "-" + e.id.substring(5, 13) + "." + service + "." + state.region + ".vpce.amazonaws.com";
        return List.of(DnsEntry.builder().dnsName(base).hostedZoneId("Z7HUB22UULQXV").build());
    }
}
