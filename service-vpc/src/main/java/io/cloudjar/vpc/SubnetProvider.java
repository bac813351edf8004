package io.cloudjar.vpc;

import io.cloudjar.core.regions.RegionCatalog;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.TagSpecifications;
import io.cloudjar.vpc.support.Ipv4Cidr;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateDefaultSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateDefaultSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** CreateSubnet, DescribeSubnets, DeleteSubnet, ModifySubnetAttribute and CreateDefaultSubnet. */
public final class SubnetProvider extends NetworkProvider {
    private static final Describe<Subnet> DESCRIBE = new Describe<>(SubnetViews.FILTERS, Subnet::subnetId, "SubnetIds");

    public CreateSubnetResponse createSubnet(CallContext ctx, CreateSubnetRequest request) {
        if (request.cidrBlock() == null) {
            throw Ec2Errors.of("MissingParameter", "cidrBlock");
        }
        Ipv4Cidr cidr = Ipv4Cidr.parse(request.cidrBlock())
                .orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#cidrBlock", request.cidrBlock()));
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "subnet");
        RegionCatalog.Zone zone = Subnets.zone(ctx.region(), request.availabilityZone(), request.availabilityZoneId());
        NetworkState state = state(ctx);
        Subnet subnet = state.write(() -> {
            SubnetRecord s = Subnets.create(state, state.vpc(request.vpcId()), cidr, zone, false, tags);
            if (request.ipv6CidrBlock() != null) {
                try {
                    SubnetIpv6Provider.associate(state, s, request.ipv6CidrBlock());
                } catch (RuntimeException e) {
                    Subnets.delete(state, s.id); // a refused IPv6 block leaves no subnet behind
                    throw e;
                }
            }
            return SubnetViews.render(state, s);
        });
        return CreateSubnetResponse.builder().subnet(subnet).build();
    }

    public DescribeSubnetsResponse describeSubnets(CallContext ctx, DescribeSubnetsRequest request) {
        NetworkState state = state(ctx);
        Pages.Page<Subnet> page = DESCRIBE.run(state, state.subnets, s -> SubnetViews.render(state, s), request.filters(),
                request.subnetIds(), request.maxResults(), request.nextToken());
        return DescribeSubnetsResponse.builder().subnets(page.items()).nextToken(page.nextToken()).build();
    }

    public DeleteSubnetResponse deleteSubnet(CallContext ctx, DeleteSubnetRequest request) {
        NetworkState state = state(ctx);
        state.write(() -> Subnets.delete(state, request.subnetId()));
        return DeleteSubnetResponse.builder().build();
    }

    /** One attribute per call, as AWS requires. */
    public ModifySubnetAttributeResponse modifySubnetAttribute(CallContext ctx, ModifySubnetAttributeRequest request) {
        NetworkState state = state(ctx);
        state.write(() -> {
            SubnetRecord s = state.subnet(request.subnetId());
            if (request.mapPublicIpOnLaunch() != null) {
                s.mapPublicIpOnLaunch = value(request.mapPublicIpOnLaunch());
            } else if (request.assignIpv6AddressOnCreation() != null) {
                s.assignIpv6AddressOnCreation = value(request.assignIpv6AddressOnCreation());
            } else if (request.enableDns64() != null) {
                s.enableDns64 = value(request.enableDns64());
            } else if (request.enableResourceNameDnsARecordOnLaunch() != null) {
                s.enableResourceNameDnsARecordOnLaunch = value(request.enableResourceNameDnsARecordOnLaunch());
            } else if (request.enableResourceNameDnsAAAARecordOnLaunch() != null) {
                s.enableResourceNameDnsAaaaRecordOnLaunch = value(request.enableResourceNameDnsAAAARecordOnLaunch());
            } else if (request.privateDnsHostnameTypeOnLaunch() != null) {
                s.hostnameType = request.privateDnsHostnameTypeOnLaunchAsString();
            } else if (request.mapCustomerOwnedIpOnLaunch() != null && value(request.mapCustomerOwnedIpOnLaunch())) {
                throw Ec2Errors.of("InvalidParameterValue#customerOwnedPool");
            } else if (request.mapCustomerOwnedIpOnLaunch() == null) {
                throw Ec2Errors.of("MissingParameter", "attribute");
            }
        });
        return ModifySubnetAttributeResponse.builder().build();
    }

    /** The next free /20 of the default VPC for the zone; one default subnet per zone. */
    public CreateDefaultSubnetResponse createDefaultSubnet(CallContext ctx, CreateDefaultSubnetRequest request) {
        RegionCatalog.Zone zone = Subnets.zone(ctx.region(), request.availabilityZone(), request.availabilityZoneId());
        NetworkState state = state(ctx);
        Subnet subnet = state.write(() -> {
            VpcRecord vpc = state.vpcs.first(v -> v.isDefault).orElseThrow(() -> Ec2Errors.of("DefaultVpcDoesNotExist"));
            if (state.subnets.first(s -> s.vpcId.equals(vpc.id) && s.defaultForAz && s.availabilityZone.equals(zone.name())).isPresent()) {
                throw Ec2Errors.of("DefaultSubnetAlreadyExistsInAvailabilityZone", zone.name());
            }
            for (int i = 0; i < 1 << (DefaultVpc.SUBNET_PREFIX - 16); i++) {
                Ipv4Cidr block = DefaultVpc.subnetBlock(i);
                if (state.subnets.first(s -> s.vpcId.equals(vpc.id) && s.cidr.overlaps(block)).isEmpty()) {
                    return SubnetViews.render(state, Subnets.create(state, vpc, block, zone, true, Map.of()));
                }
            }
            throw Ec2Errors.of("InvalidSubnet.Conflict", DefaultVpc.CIDR);
        });
        return CreateDefaultSubnetResponse.builder().subnet(subnet).build();
    }

    private static boolean value(AttributeBooleanValue v) {
        if (v.value() == null) {
            throw Ec2Errors.of("MissingParameter", "value");
        }
        return v.value();
    }
}
