package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** The default VPC of every region and its companions, and deleting and recreating it as AWS allows. */
class DefaultVpcTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private Ec2Client ec2;

    @BeforeEach
    void setUp() {
        cloudjar.reset();
        ec2 = cloudjar.client(Ec2Client.builder());
    }

    @AfterEach
    void tearDown() {
        ec2.close();
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private Vpc defaultVpc() {
        return ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().get(0);
    }

    @Test
    void defaultVpcHasOneDefaultSlash20SubnetPerZone() {
        Vpc vpc = defaultVpc();
        List<Subnet> subnets = ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpc.vpcId()))).subnets();
        assertThat(subnets).extracting(Subnet::availabilityZone, Subnet::cidrBlock).containsExactlyInAnyOrder(
                tuple("us-east-1a", "172.31.0.0/20"), tuple("us-east-1b", "172.31.16.0/20"), tuple("us-east-1c", "172.31.32.0/20"),
                tuple("us-east-1d", "172.31.48.0/20"), tuple("us-east-1e", "172.31.64.0/20"), tuple("us-east-1f", "172.31.80.0/20"));
        assertThat(subnets).allSatisfy(s -> {
            assertThat(s.defaultForAz()).isTrue();
            assertThat(s.mapPublicIpOnLaunch()).isTrue();
            assertThat(s.availableIpAddressCount()).isEqualTo(4096 - 5);
            assertThat(s.availabilityZoneId()).startsWith("use1-az");
            assertThat(s.subnetArn()).isEqualTo("arn:aws:ec2:us-east-1:000000000000:subnet/" + s.subnetId());
        });
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpc.vpcId()).attribute("enableDnsHostnames")).enableDnsHostnames().value())
                .isTrue();
    }

    @Test
    void defaultVpcHasAnAttachedGatewayAndAMainRouteToIt() {
        Vpc vpc = defaultVpc();
        InternetGateway igw = ec2.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", vpc.vpcId())))
                .internetGateways().get(0);
        assertThat(igw.attachments()).singleElement().satisfies(a -> assertThat(a.stateAsString()).isEqualTo("available"));

        RouteTable main = ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpc.vpcId()), filter("association.main", "true")))
                .routeTables().get(0);
        assertThat(main.routes()).extracting(r -> r.destinationCidrBlock(), r -> r.gatewayId(), r -> r.stateAsString(), r -> r.originAsString())
                .containsExactly(tuple("172.31.0.0/16", "local", "active", "CreateRouteTable"),
                        tuple("0.0.0.0/0", igw.internetGatewayId(), "active", "CreateRoute"));
        assertThat(main.associations()).singleElement().satisfies(a -> {
            assertThat(a.main()).isTrue();
            assertThat(a.routeTableAssociationId()).matches("rtbassoc-[0-9a-f]{17}");
            assertThat(a.subnetId()).isNull();
        });
    }

    @Test
    void defaultNetworkAclAllowsEverythingBeforeTheCatchAllDeny() {
        Vpc vpc = defaultVpc();
        var acl = ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", vpc.vpcId()), filter("default", "true"))).networkAcls().get(0);
        assertThat(acl.entries()).extracting(NetworkAclEntry::ruleNumber, NetworkAclEntry::egress, NetworkAclEntry::protocol,
                        e -> e.ruleActionAsString(), NetworkAclEntry::cidrBlock)
                .containsExactly(tuple(100, true, "-1", "allow", "0.0.0.0/0"), tuple(32767, true, "-1", "deny", "0.0.0.0/0"),
                        tuple(100, false, "-1", "allow", "0.0.0.0/0"), tuple(32767, false, "-1", "deny", "0.0.0.0/0"));
        assertThat(acl.associations()).hasSize(6).allSatisfy(a -> assertThat(a.networkAclAssociationId()).startsWith("aclassoc-"));
    }

    @Test
    void defaultSecurityGroupAllowsItselfInAndEverythingOut() {
        Vpc vpc = defaultVpc();
        SecurityGroup sg = ec2.describeSecurityGroups(r -> r.groupNames("default")).securityGroups().get(0);
        assertThat(sg.vpcId()).isEqualTo(vpc.vpcId());
        assertThat(sg.description()).isEqualTo("default VPC security group");
        assertThat(sg.ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("-1");
            assertThat(p.fromPort()).isNull();
            assertThat(p.userIdGroupPairs()).singleElement().satisfies(pair -> {
                assertThat(pair.groupId()).isEqualTo(sg.groupId());
                assertThat(pair.userId()).isEqualTo("000000000000");
            });
        });
        assertThat(sg.ipPermissionsEgress()).singleElement()
                .satisfies(p -> assertThat(p.ipRanges()).singleElement().satisfies(range -> assertThat(range.cidrIp()).isEqualTo("0.0.0.0/0")));
    }

    @Test
    void otherRegionsGetTheirOwnZones() {
        try (Ec2Client seoul = cloudjar.client(Ec2Client.builder(), Region.AP_NORTHEAST_2, "test", "test")) {
            assertThat(seoul.describeSubnets().subnets()).extracting(Subnet::availabilityZone)
                    .containsExactlyInAnyOrder("ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c", "ap-northeast-2d");
            var dhcp = seoul.describeDhcpOptions().dhcpOptions().get(0);
            assertThat(dhcp.dhcpConfigurations()).anySatisfy(c -> {
                assertThat(c.key()).isEqualTo("domain-name");
                assertThat(c.values().get(0).value()).isEqualTo("ap-northeast-2.compute.internal");
            });
        }
    }

    @Test
    void defaultVpcGoesOnlyAfterItsSubnetsAndGatewayAndComesBackWithCreateDefaultVpc() {
        Vpc vpc = defaultVpc();
        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId(vpc.vpcId())), "DependencyViolation", 400,
                "The vpc '" + vpc.vpcId() + "' has dependencies and cannot be deleted.");
        assertEc2Error(() -> ec2.createDefaultVpc(r -> { }), "DefaultVpcAlreadyExists", 400,
                "A Default VPC already exists for this account in this region.");

        ec2.describeSubnets().subnets().forEach(s -> ec2.deleteSubnet(r -> r.subnetId(s.subnetId())));
        InternetGateway igw = ec2.describeInternetGateways().internetGateways().get(0);
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw.internetGatewayId()).vpcId(vpc.vpcId()));
        ec2.deleteInternetGateway(r -> r.internetGatewayId(igw.internetGatewayId()));
        ec2.deleteVpc(r -> r.vpcId(vpc.vpcId()));
        assertThat(ec2.describeVpcs().vpcs()).isEmpty();
        assertThat(ec2.describeRouteTables().routeTables()).isEmpty();
        assertThat(ec2.describeNetworkAcls().networkAcls()).isEmpty();
        assertThat(ec2.describeSecurityGroups().securityGroups()).isEmpty();
        assertEc2Error(() -> ec2.createDefaultSubnet(r -> r.availabilityZone("us-east-1a")), "DefaultVpcDoesNotExist", 400);

        Vpc again = ec2.createDefaultVpc(r -> { }).vpc();
        assertThat(again.isDefault()).isTrue();
        assertThat(again.cidrBlock()).isEqualTo("172.31.0.0/16");
        assertThat(again.vpcId()).isNotEqualTo(vpc.vpcId());
        assertThat(ec2.describeSubnets().subnets()).hasSize(6);
        assertThat(ec2.describeInternetGateways().internetGateways()).singleElement()
                .satisfies(g -> assertThat(g.attachments().get(0).vpcId()).isEqualTo(again.vpcId()));
    }

    @Test
    void createDefaultSubnetRefillsAZoneWithTheNextFreeSlash20() {
        Subnet b = ec2.describeSubnets(r -> r.filters(filter("availability-zone", "us-east-1b"))).subnets().get(0);
        assertEc2Error(() -> ec2.createDefaultSubnet(r -> r.availabilityZone("us-east-1b")),
                "DefaultSubnetAlreadyExistsInAvailabilityZone", 400);
        ec2.deleteSubnet(r -> r.subnetId(b.subnetId()));
        Subnet created = ec2.createDefaultSubnet(r -> r.availabilityZone("us-east-1b")).subnet();
        assertThat(created.cidrBlock()).isEqualTo("172.31.16.0/20");
        assertThat(created.defaultForAz()).isTrue();
        assertThat(created.mapPublicIpOnLaunch()).isTrue();
        assertEc2Error(() -> ec2.createDefaultSubnet(r -> r.availabilityZone("us-east-1z")), "InvalidParameterValue", 400);
    }
}
