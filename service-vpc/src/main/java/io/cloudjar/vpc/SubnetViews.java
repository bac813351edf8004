package io.cloudjar.vpc;

import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.api.Tags;
import java.util.Collection;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.BlockPublicAccessMode;
import software.amazon.awssdk.services.ec2.model.BlockPublicAccessStates;
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameOptionsOnLaunch;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetCidrBlockState;
import software.amazon.awssdk.services.ec2.model.SubnetIpv6CidrBlockAssociation;

/** Renders subnets as the SDK's {@code Subnet} and names DescribeSubnets' filters. */
final class SubnetViews {
    static final Filters<Subnet> FILTERS = new Filters<Subnet>()
            .onValue("availability-zone", Subnet::availabilityZone)
            .onValue("availabilityZone", Subnet::availabilityZone)
            .onValue("availability-zone-id", Subnet::availabilityZoneId)
            .onValue("available-ip-address-count", Subnet::availableIpAddressCount)
            .onValue("cidr-block", Subnet::cidrBlock)
            .onValue("cidr", Subnet::cidrBlock)
            .onValue("cidrBlock", Subnet::cidrBlock)
            .onValue("default-for-az", Subnet::defaultForAz)
            .onValue("defaultForAz", Subnet::defaultForAz)
            .onValue("enable-dns64", Subnet::enableDns64)
            .on("ipv6-cidr-block-association.ipv6-cidr-block", ipv6(SubnetIpv6CidrBlockAssociation::ipv6CidrBlock))
            .on("ipv6-cidr-block-association.association-id", ipv6(SubnetIpv6CidrBlockAssociation::associationId))
            .on("ipv6-cidr-block-association.state", ipv6(a -> a.ipv6CidrBlockState().stateAsString()))
            .onValue("ipv6-native", Subnet::ipv6Native)
            .onValue("map-customer-owned-ip-on-launch", Subnet::mapCustomerOwnedIpOnLaunch)
            .onValue("map-public-ip-on-launch", Subnet::mapPublicIpOnLaunch)
            .onValue("owner-id", Subnet::ownerId)
            .onValue("private-dns-name-options-on-launch.hostname-type", s -> s.privateDnsNameOptionsOnLaunch().hostnameTypeAsString())
            .onValue("private-dns-name-options-on-launch.enable-resource-name-dns-a-record",
                    s -> s.privateDnsNameOptionsOnLaunch().enableResourceNameDnsARecord())
            .onValue("private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record",
                    s -> s.privateDnsNameOptionsOnLaunch().enableResourceNameDnsAAAARecord())
            .onValue("state", Subnet::stateAsString)
            .onValue("subnet-arn", Subnet::subnetArn)
            .onValue("subnet-id", Subnet::subnetId)
            .onValue("vpc-id", Subnet::vpcId)
            .withTags(s -> Tags.asMap(s.tags()));

    private SubnetViews() {
    }

    static Subnet render(NetworkState state, SubnetRecord s) {
        Subnet.Builder b = Subnet.builder()
                .subnetId(s.id)
                .subnetArn("arn:aws:ec2:" + state.region + ":" + s.ownerId + ":subnet/" + s.id)
                .vpcId(s.vpcId)
                .ownerId(s.ownerId)
                .state("available")
                .cidrBlock(s.cidr.toString())
                .availabilityZone(s.availabilityZone)
                .availabilityZoneId(s.availabilityZoneId)
                .availableIpAddressCount(s.availableIpAddressCount())
                .defaultForAz(s.defaultForAz)
                .mapPublicIpOnLaunch(s.mapPublicIpOnLaunch)
                .mapCustomerOwnedIpOnLaunch(false)
                .assignIpv6AddressOnCreation(s.assignIpv6AddressOnCreation)
                .enableDns64(s.enableDns64)
                .ipv6Native(false)
                .ipv6CidrBlockAssociationSet(s.ipv6.stream().map(a -> SubnetIpv6CidrBlockAssociation.builder()
                        .associationId(a.associationId()).ipv6CidrBlock(a.ipv6CidrBlock())
                        .ipv6CidrBlockState(SubnetCidrBlockState.builder().state(a.state()).build()).build()).toList())
                .privateDnsNameOptionsOnLaunch(PrivateDnsNameOptionsOnLaunch.builder()
                        .hostnameType(s.hostnameType)
                        .enableResourceNameDnsARecord(s.enableResourceNameDnsARecordOnLaunch)
                        .enableResourceNameDnsAAAARecord(s.enableResourceNameDnsAaaaRecordOnLaunch).build())
                .blockPublicAccessStates(BlockPublicAccessStates.builder()
                        .internetGatewayBlockMode(BlockPublicAccessMode.OFF).build());
        if (!s.tags.isEmpty()) {
            b.tags(Tags.toSdk(s.tags));
        }
        return b.build();
    }

    private static Function<Subnet, Collection<String>> ipv6(Function<SubnetIpv6CidrBlockAssociation, String> field) {
        return s -> s.ipv6CidrBlockAssociationSet().stream().map(field).toList();
    }
}
