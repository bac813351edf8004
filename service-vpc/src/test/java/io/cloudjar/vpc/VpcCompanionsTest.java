package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static io.cloudjar.vpc.DefaultVpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/** What a new VPC comes with, its attributes and extra CIDR blocks, and what keeps it from being deleted. */
class VpcCompanionsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private Ec2Client ec2;
    private String vpcId;

    @BeforeEach
    void setUp() {
        cloudjar.reset();
        ec2 = cloudjar.client(Ec2Client.builder());
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    }

    @AfterEach
    void tearDown() {
        ec2.close();
    }

    @Test
    void newVpcGetsMainRouteTableDefaultAclAndDefaultGroup() {
        var tables = ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpcId))).routeTables();
        assertThat(tables).singleElement().satisfies(t -> {
            assertThat(t.routes()).extracting(Route::destinationCidrBlock, Route::gatewayId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("10.0.0.0/16", "local"));
            assertThat(t.associations()).singleElement().satisfies(a -> assertThat(a.main()).isTrue());
        });
        var acls = ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", vpcId))).networkAcls();
        assertThat(acls).singleElement().satisfies(a -> {
            assertThat(a.isDefault()).isTrue();
            assertThat(a.entries()).hasSize(4);
            assertThat(a.associations()).isEmpty();
        });
        var groups = ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpcId))).securityGroups();
        assertThat(groups).singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
    }

    @Test
    void dnsSupportIsOnAndHostnamesOffUntilModified() {
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
                .enableDnsSupport().value()).isTrue();
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                .enableDnsHostnames().value()).isFalse();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(v -> v.value(true)));
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                .enableDnsHostnames().value()).isTrue();
        assertEc2Error(() -> ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(v -> v.value(true))
                .enableDnsSupport(v -> v.value(true))), "InvalidParameterCombination", 400);
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(v -> v.value(false)));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(v -> v.value(false)));
        assertEc2Error(() -> ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(v -> v.value(true))),
                "InvalidParameterCombination", 400);
        assertEc2Error(() -> ec2.describeVpcAttribute(r -> r.vpcId("vpc-00000000000000000").attribute("enableDnsSupport")),
                "InvalidVpcID.NotFound", 400);
    }

    @Test
    void classicLinkIsReportedDisabledForOlderClients() {
        assertThat(ec2.describeVpcClassicLink(r -> r.vpcIds(vpcId)).vpcs()).singleElement()
                .satisfies(v -> assertThat(v.classicLinkEnabled()).isFalse());
        assertThat(ec2.describeVpcClassicLinkDnsSupport(r -> r.vpcIds(vpcId)).vpcs()).singleElement()
                .satisfies(v -> assertThat(v.classicLinkDnsSupported()).isFalse());
        assertEc2Error(() -> ec2.describeVpcClassicLink(r -> r.vpcIds("vpc-00000000000000000")), "InvalidVpcID.NotFound", 400);
    }

    @Test
    void secondaryBlocksAddLocalRoutesToEveryTableAndGoAgain() {
        String extra = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        var association = ec2.associateVpcCidrBlock(r -> r.vpcId(vpcId).cidrBlock("10.1.0.0/16")).cidrBlockAssociation();
        assertThat(association.cidrBlockState().stateAsString()).isEqualTo("associating");
        Vpc vpc = ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0);
        assertThat(vpc.cidrBlockAssociationSet()).extracting(a -> a.cidrBlock()).containsExactly("10.0.0.0/16", "10.1.0.0/16");
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpcId))).routeTables())
                .allSatisfy(t -> assertThat(t.routes()).extracting(Route::destinationCidrBlock).contains("10.1.0.0/16"));
        ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.1.5.0/24"));

        assertEc2Error(() -> ec2.associateVpcCidrBlock(r -> r.vpcId(vpcId).cidrBlock("10.0.128.0/17")), "InvalidVpc.Range", 400);
        assertEc2Error(() -> ec2.associateVpcCidrBlock(r -> r.vpcId(vpcId).cidrBlock("192.168.0.0/16")), "InvalidVpc.Range", 400);
        assertEc2Error(() -> ec2.disassociateVpcCidrBlock(r -> r.associationId(association.associationId())),
                "InvalidCidrBlock.InUse", 400);
        String primary = vpc.cidrBlockAssociationSet().get(0).associationId();
        assertEc2Error(() -> ec2.disassociateVpcCidrBlock(r -> r.associationId(primary)), "OperationNotPermitted", 400);
        assertEc2Error(() -> ec2.disassociateVpcCidrBlock(r -> r.associationId("vpc-cidr-assoc-00000000000000000")),
                "InvalidVpcCidrBlockAssociationID.NotFound", 400);

        ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpcId))).subnets().forEach(s -> ec2.deleteSubnet(d -> d.subnetId(s.subnetId())));
        ec2.disassociateVpcCidrBlock(r -> r.associationId(association.associationId()));
        assertThat(ec2.describeRouteTables(r -> r.routeTableIds(extra)).routeTables().get(0).routes())
                .extracting(Route::destinationCidrBlock).containsExactly("10.0.0.0/16");
    }

    @Test
    void amazonIpv6BlockAddsAnIpv6LocalRouteAndIpv6DefaultRules() {
        String v6 = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16").amazonProvidedIpv6CidrBlock(true)).vpc().vpcId();
        String block = ec2.describeVpcs(r -> r.vpcIds(v6)).vpcs().get(0).ipv6CidrBlockAssociationSet().get(0).ipv6CidrBlock();
        var main = ec2.describeRouteTables(r -> r.filters(filter("vpc-id", v6))).routeTables().get(0);
        assertThat(main.routes()).extracting(Route::destinationIpv6CidrBlock).contains(block);
        var acl = ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", v6))).networkAcls().get(0);
        assertThat(acl.entries()).extracting(e -> e.ruleNumber()).containsExactly(100, 101, 32767, 32768, 100, 101, 32767, 32768);
        String subnetBlock = block.replace("00::/56", "01::/64");
        var subnet = ec2.createSubnet(r -> r.vpcId(v6).cidrBlock("10.9.1.0/24").ipv6CidrBlock(subnetBlock)).subnet();
        assertThat(subnet.ipv6CidrBlockAssociationSet()).singleElement()
                .satisfies(a -> assertThat(a.ipv6CidrBlock()).isEqualTo(subnetBlock));
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(v6).cidrBlock("10.9.2.0/24").ipv6CidrBlock(subnetBlock)),
                "InvalidSubnet.Conflict", 400);
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(v6).cidrBlock("10.9.3.0/24").ipv6CidrBlock("2001:db8::/64")),
                "InvalidSubnet.Range", 400);
        assertThat(ec2.describeSubnets(r -> r.filters(filter("vpc-id", v6))).subnets()).as("refused blocks leave no subnet").hasSize(1);
    }

    @Test
    void deleteVpcRefusesWhileSubnetsOrGatewaysRemainThenTakesTheCompanionsAlong() {
        String subnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("web").description("web")).groupId();
        String dependencies = "The vpc '" + vpcId + "' has dependencies and cannot be deleted.";
        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId(vpcId)), "DependencyViolation", 400, dependencies);
        ec2.deleteSubnet(r -> r.subnetId(subnet));
        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId(vpcId)), "DependencyViolation", 400, dependencies);
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId(vpcId)), "DependencyViolation", 400, dependencies);
        ec2.deleteSecurityGroup(r -> r.groupId(sg));
        ec2.deleteVpc(r -> r.vpcId(vpcId));
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpcId))).routeTables()).isEmpty();
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", vpcId))).networkAcls()).isEmpty();
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpcId))).securityGroups()).isEmpty();
        assertThat(ec2.describeInternetGateways(r -> r.internetGatewayIds(igw)).internetGateways().get(0).attachments()).isEmpty();
    }

    @Test
    void dhcpOptionSetsAttachToVpcsAndCannotGoWhileUsed() {
        var created = ec2.createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("domain-name").values("lab.internal"),
                c -> c.key("domain-name-servers").values("10.0.0.2", "8.8.8.8"))).dhcpOptions();
        assertThat(created.dhcpOptionsId()).matches("dopt-[0-9a-f]{17}");
        ec2.associateDhcpOptions(r -> r.vpcId(vpcId).dhcpOptionsId(created.dhcpOptionsId()));
        assertThat(ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0).dhcpOptionsId()).isEqualTo(created.dhcpOptionsId());
        assertEc2Error(() -> ec2.deleteDhcpOptions(r -> r.dhcpOptionsId(created.dhcpOptionsId())), "DependencyViolation", 400);
        assertThat(ec2.describeDhcpOptions(r -> r.filters(filter("value", "8.8.8.8"))).dhcpOptions())
                .extracting(d -> d.dhcpOptionsId()).containsExactly(created.dhcpOptionsId());
        ec2.associateDhcpOptions(r -> r.vpcId(vpcId).dhcpOptionsId("default"));
        assertThat(ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0).dhcpOptionsId()).isEqualTo("default");
        ec2.deleteDhcpOptions(r -> r.dhcpOptionsId(created.dhcpOptionsId()));
        assertEc2Error(() -> ec2.describeDhcpOptions(r -> r.dhcpOptionsIds(created.dhcpOptionsId())), "InvalidDhcpOptionID.NotFound", 400);
        assertEc2Error(() -> ec2.createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("bogus").values("x"))),
                "InvalidParameterValue", 400);
    }
}
