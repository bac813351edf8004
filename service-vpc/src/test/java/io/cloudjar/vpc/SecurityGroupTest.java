package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static io.cloudjar.vpc.DefaultVpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/** Security groups and their rules: the seed rules round-trip, duplicates, limits, sgr- ids, deletion. */
class SecurityGroupTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private Ec2Client ec2;
    private String vpcId;
    private String groupId;

    @BeforeEach
    void setUp() {
        cloudjar.reset();
        ec2 = cloudjar.client(Ec2Client.builder());
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        groupId = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("web").description("web server")).groupId();
    }

    @AfterEach
    void tearDown() {
        ec2.close();
    }

    static IpPermission tcp(int port, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
    }

    private SecurityGroup group() {
        return ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0);
    }

    @Test
    void seedRulesRoundTripExactly() {
        var added = ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(tcp(22, "0.0.0.0/0"), tcp(80, "0.0.0.0/0"), tcp(443, "0.0.0.0/0"), tcp(8000, "0.0.0.0/0")));
        assertThat(added.returnValue()).isTrue();
        assertThat(added.securityGroupRules()).hasSize(4).allSatisfy(rule -> {
            assertThat(rule.securityGroupRuleId()).matches("sgr-[0-9a-f]{17}");
            assertThat(rule.groupId()).isEqualTo(groupId);
            assertThat(rule.isEgress()).isFalse();
            assertThat(rule.cidrIpv4()).isEqualTo("0.0.0.0/0");
        });
        SecurityGroup group = group();
        assertThat(group.ipPermissions()).containsExactly(tcp(22, "0.0.0.0/0").toBuilder().ipv6Ranges(List.of()).prefixListIds(List.of())
                        .userIdGroupPairs(List.of()).build(),
                tcp(80, "0.0.0.0/0").toBuilder().ipv6Ranges(List.of()).prefixListIds(List.of()).userIdGroupPairs(List.of()).build(),
                tcp(443, "0.0.0.0/0").toBuilder().ipv6Ranges(List.of()).prefixListIds(List.of()).userIdGroupPairs(List.of()).build(),
                tcp(8000, "0.0.0.0/0").toBuilder().ipv6Ranges(List.of()).prefixListIds(List.of()).userIdGroupPairs(List.of()).build());
        assertThat(group.ipPermissionsEgress()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("-1");
            assertThat(p.ipRanges()).extracting(IpRange::cidrIp).containsExactly("0.0.0.0/0");
        });
        assertThat(group.securityGroupArn()).isEqualTo("arn:aws:ec2:us-east-1:000000000000:security-group/" + groupId);
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("ip-permission.from-port", "8000"))).securityGroups())
                .extracting(SecurityGroup::groupId).containsExactly(groupId);
    }

    @Test
    void duplicateRulesAreRefusedAndNothingOfTheCallIsAdded() {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(22, "0.0.0.0/0")));
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(80, "0.0.0.0/0"), tcp(22, "0.0.0.0/0"))),
                "InvalidPermission.Duplicate", 400, "the specified rule \"peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW\" already exists");
        assertThat(group().ipPermissions()).hasSize(1);
        assertEc2Error(() -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(p -> p.ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()))), "InvalidPermission.Duplicate", 400,
                "the specified rule \"peer: 0.0.0.0/0, ALL, ALLOW\" already exists");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p -> p.ipProtocol("6").fromPort(22).toPort(22)
                .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build())));
        assertThat(group().ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).as("protocol numbers are stored by name").isEqualTo("tcp");
            assertThat(p.ipRanges()).extracting(IpRange::cidrIp).containsExactly("0.0.0.0/0", "10.0.0.0/8");
        });
    }

    @Test
    void sixtyRulesPerDirectionIsTheLimit() {
        for (int i = 0; i < 60; i++) {
            int port = 1000 + i;
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(port, "10.0.0.0/8")));
        }
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(2000, "10.0.0.0/8"))),
                "RulesPerSecurityGroupLimitExceeded", 400, "The maximum number of rules per security group has been reached.");
    }

    @Test
    void rulesAreRevokedByPermissionOrById() {
        var rules = ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(22, "0.0.0.0/0"), tcp(80, "0.0.0.0/0")))
                .securityGroupRules();
        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(22, "0.0.0.0/0")));
        assertEc2Error(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(22, "0.0.0.0/0"))),
                "InvalidPermission.NotFound", 400, "The specified rule does not exist in this security group.");
        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(rules.get(1).securityGroupRuleId()));
        assertThat(group().ipPermissions()).isEmpty();
        assertEc2Error(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(rules.get(1).securityGroupRuleId())),
                "InvalidSecurityGroupRuleId.NotFound", 400);
    }

    @Test
    void describeSecurityGroupRulesListsEveryRuleWithItsId() {
        String other = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("db").description("db")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(other).ipPermissions(p -> p.ipProtocol("tcp").fromPort(5432).toPort(5432)
                .userIdGroupPairs(g -> g.groupId(groupId).description("from web"))));
        List<SecurityGroupRule> rules = ec2.describeSecurityGroupRules(r -> r.filters(filter("group-id", other))).securityGroupRules();
        assertThat(rules).extracting(SecurityGroupRule::isEgress, SecurityGroupRule::ipProtocol, SecurityGroupRule::fromPort,
                        r -> r.referencedGroupInfo() == null ? r.cidrIpv4() : r.referencedGroupInfo().groupId(), SecurityGroupRule::description)
                .containsExactlyInAnyOrder(tuple(true, "-1", -1, "0.0.0.0/0", null), tuple(false, "tcp", 5432, groupId, "from web"));
        String ruleId = rules.stream().filter(r -> !r.isEgress()).findFirst().orElseThrow().securityGroupRuleId();
        assertThat(ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(ruleId)).securityGroupRules()).hasSize(1);
        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(groupId)), "DependencyViolation", 400,
                "resource " + groupId + " has a dependent object");

        ec2.modifySecurityGroupRules(r -> r.groupId(other).securityGroupRules(u -> u.securityGroupRuleId(ruleId)
                .securityGroupRule(q -> q.ipProtocol("tcp").fromPort(5433).toPort(5433).cidrIpv4("10.0.0.0/16").description("moved"))));
        assertThat(ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(ruleId)).securityGroupRules().get(0))
                .satisfies(r -> {
                    assertThat(r.fromPort()).isEqualTo(5433);
                    assertThat(r.cidrIpv4()).isEqualTo("10.0.0.0/16");
                    assertThat(r.description()).isEqualTo("moved");
                });
        assertEc2Error(() -> ec2.modifySecurityGroupRules(r -> r.groupId(other).securityGroupRules(u -> u.securityGroupRuleId(ruleId))),
                "MissingParameter", 400, "The request must contain the parameter SecurityGroupRule.1.SecurityGroupRule");
        ec2.deleteSecurityGroup(r -> r.groupId(groupId));
        assertEc2Error(() -> ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds("sgr-00000000000000000")),
                "InvalidSecurityGroupRuleId.NotFound", 400);
    }

    @Test
    void namesAreUniquePerVpcAndDefaultIsReserved() {
        assertEc2Error(() -> ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("web").description("again")), "InvalidGroup.Duplicate", 400,
                "The security group 'web' already exists for VPC '" + vpcId + "'");
        assertEc2Error(() -> ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("default").description("mine")), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("sg-web").description("x")), "InvalidParameterValue", 400);
        String other = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        assertThat(ec2.createSecurityGroup(r -> r.vpcId(other).groupName("web").description("web")).groupId()).isNotEqualTo(groupId);
        String inDefaultVpc = ec2.createSecurityGroup(r -> r.groupName("web").description("web in the default VPC")).groupId();
        assertThat(ec2.describeSecurityGroups(r -> r.groupNames("web")).securityGroups()).extracting(SecurityGroup::groupId)
                .containsExactly(inDefaultVpc);
        assertEc2Error(() -> ec2.describeSecurityGroups(r -> r.groupNames("nope")), "InvalidGroup.NotFound", 400);
    }

    @Test
    void defaultGroupCannotBeDeletedAndUnknownIdsAreReported() {
        String defaultId = ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpcId), filter("group-name", "default")))
                .securityGroups().get(0).groupId();
        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(defaultId)), "CannotDelete", 400,
                "the specified group: \"" + defaultId + "\" name: \"default\" cannot be deleted by a user");
        assertEc2Error(() -> ec2.describeSecurityGroups(r -> r.groupIds("sg-00000000000000000")), "InvalidGroup.NotFound", 400,
                "The security group 'sg-00000000000000000' does not exist");
        assertEc2Error(() -> ec2.describeSecurityGroups(r -> r.groupIds("web")), "InvalidGroupId.Malformed", 400);
        assertThat(ec2.deleteSecurityGroup(r -> r.groupId(groupId)).returnValue()).isTrue();
        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(groupId)), "InvalidGroup.NotFound", 400);
    }

    @Test
    void groupInUseByAnInterfaceCannotGo() {
        String subnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnet).groups(groupId)).networkInterface().networkInterfaceId();
        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(groupId)), "DependencyViolation", 400);
        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni));
        ec2.deleteSecurityGroup(r -> r.groupId(groupId));
    }

    @Test
    void ipv6AndPrefixListPeersAreRulesOfTheirOwn() {
        var added = ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443).toPort(443)
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").description("everyone, v6").build())
                .prefixListIds(PrefixListId.builder().prefixListId("pl-63a5400a").build()))).securityGroupRules();
        assertThat(added).extracting(SecurityGroupRule::cidrIpv4, SecurityGroupRule::cidrIpv6, SecurityGroupRule::prefixListId,
                        SecurityGroupRule::description)
                .containsExactly(tuple("0.0.0.0/0", null, null, null), tuple(null, "::/0", null, "everyone, v6"),
                        tuple(null, null, "pl-63a5400a", null));
        assertThat(group().ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.ipRanges()).extracting(IpRange::cidrIp).containsExactly("0.0.0.0/0");
            assertThat(p.ipv6Ranges()).extracting(Ipv6Range::cidrIpv6, Ipv6Range::description).containsExactly(tuple("::/0", "everyone, v6"));
            assertThat(p.prefixListIds()).extracting(PrefixListId::prefixListId).containsExactly("pl-63a5400a");
        });
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("ip-permission.ipv6-cidr", "::/0"))).securityGroups())
                .extracting(SecurityGroup::groupId).containsExactly(groupId);
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("ip-permission.prefix-list-id", "pl-63a5400a"))).securityGroups())
                .extracting(SecurityGroup::groupId).containsExactly(groupId);
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443)
                .toPort(443).ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()))), "InvalidPermission.Duplicate", 400);
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443)
                .toPort(443).prefixListIds(PrefixListId.builder().prefixListId("pl-00000000").build()))), "InvalidPrefixListID.NotFound", 400);
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443)
                .toPort(443).ipv6Ranges(Ipv6Range.builder().cidrIpv6("2001:db8::1/32").build()))), "InvalidParameterValue", 400);
        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443).toPort(443)
                .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build())));
        assertThat(group().ipPermissions().get(0).ipv6Ranges()).isEmpty();
    }

    @Test
    void ipv6RulesCountTowardsTheirOwnLimit() {
        for (int i = 0; i < 60; i++) {
            int port = 1000 + i;
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(port, "10.0.0.0/8")));
        }
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p -> p.ipProtocol("tcp").fromPort(22).toPort(22)
                .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build())));
        assertThat(ec2.describeSecurityGroupRules(r -> r.filters(filter("group-id", groupId))).securityGroupRules())
                .hasSize(62).filteredOn(r -> r.cidrIpv6() != null).hasSize(1);
    }
}
