package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static io.cloudjar.vpc.DefaultVpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.RuleAction;

/** Network ACLs: numbered stateless entries, the catch-all deny, and moving subnets between ACLs. */
class NetworkAclTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private Ec2Client ec2;
    private String vpcId;
    private String subnetId;
    private String aclId;

    @BeforeEach
    void setUp() {
        cloudjar.reset();
        ec2 = cloudjar.client(Ec2Client.builder());
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        aclId = ec2.createNetworkAcl(r -> r.vpcId(vpcId)).networkAcl().networkAclId();
    }

    @AfterEach
    void tearDown() {
        ec2.close();
    }

    private NetworkAcl acl() {
        return ec2.describeNetworkAcls(r -> r.networkAclIds(aclId)).networkAcls().get(0);
    }

    @Test
    void newAclDeniesEverythingWithTheCatchAllEntries() {
        NetworkAcl acl = acl();
        assertThat(aclId).matches("acl-[0-9a-f]{17}");
        assertThat(acl.isDefault()).isFalse();
        assertThat(acl.entries()).extracting(NetworkAclEntry::ruleNumber, NetworkAclEntry::egress, NetworkAclEntry::ruleAction)
                .containsExactly(tuple(32767, true, RuleAction.DENY), tuple(32767, false, RuleAction.DENY));
        assertThat(acl.associations()).isEmpty();
    }

    @Test
    void entriesKeepProtocolNumbersPortsAndIcmpAndSortByRuleNumber() {
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(200).protocol("tcp").ruleAction(RuleAction.DENY)
                .egress(false).cidrBlock("0.0.0.0/0").portRange(p -> p.from(22).to(22)));
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).protocol("6").ruleAction(RuleAction.ALLOW)
                .egress(false).cidrBlock("10.0.0.0/16").portRange(p -> p.from(0).to(65535)));
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(110).protocol("1").ruleAction(RuleAction.ALLOW)
                .egress(false).cidrBlock("0.0.0.0/0").icmpTypeCode(i -> i.type(8).code(-1)));
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).protocol("-1").ruleAction(RuleAction.ALLOW)
                .egress(true).cidrBlock("0.0.0.0/0"));
        assertThat(acl().entries()).extracting(NetworkAclEntry::ruleNumber, NetworkAclEntry::egress, NetworkAclEntry::protocol,
                        e -> e.portRange() == null ? null : e.portRange().from() + "-" + e.portRange().to(),
                        e -> e.icmpTypeCode() == null ? null : e.icmpTypeCode().type())
                .containsExactly(tuple(100, true, "-1", null, null), tuple(32767, true, "-1", null, null),
                        tuple(100, false, "6", "0-65535", null), tuple(110, false, "1", null, 8),
                        tuple(200, false, "6", "22-22", null), tuple(32767, false, "-1", null, null));
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("entry.port-range.from", "22"))).networkAcls())
                .extracting(NetworkAcl::networkAclId).containsExactly(aclId);
    }

    @Test
    void entryErrors() {
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).protocol("-1").ruleAction(RuleAction.ALLOW)
                .egress(false).cidrBlock("0.0.0.0/0"));
        assertEc2Error(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).protocol("-1")
                .ruleAction(RuleAction.DENY).egress(false).cidrBlock("0.0.0.0/0")), "NetworkAclEntryAlreadyExists", 400,
                "The network acl entry identified by 100 already exists.");
        assertEc2Error(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(32767).protocol("-1")
                .ruleAction(RuleAction.DENY).egress(false).cidrBlock("0.0.0.0/0")), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(120).protocol("tcp")
                .ruleAction(RuleAction.DENY).egress(false).cidrBlock("0.0.0.0/0")), "MissingParameter", 400);
        assertEc2Error(() -> ec2.createNetworkAclEntry(r -> r.networkAclId("acl-00000000000000000").ruleNumber(120).protocol("-1")
                .ruleAction(RuleAction.DENY).egress(false).cidrBlock("0.0.0.0/0")), "InvalidNetworkAclID.NotFound", 400,
                "The networkAcl ID 'acl-00000000000000000' does not exist");
        assertEc2Error(() -> ec2.deleteNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).egress(true)),
                "InvalidNetworkAclEntry.NotFound", 400);
        ec2.replaceNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).protocol("-1").ruleAction(RuleAction.DENY)
                .egress(false).cidrBlock("0.0.0.0/0"));
        assertThat(acl().entries()).filteredOn(e -> e.ruleNumber() == 100 && !e.egress())
                .singleElement().satisfies(e -> assertThat(e.ruleAction()).isEqualTo(RuleAction.DENY));
        ec2.deleteNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).egress(false));
        assertThat(acl().entries()).hasSize(2);
    }

    @Test
    void subnetsMoveBetweenAclsAndAnAclInUseCannotGo() {
        NetworkAcl defaultAcl = ec2.describeNetworkAcls(r -> r.filters(filter("association.subnet-id", subnetId))).networkAcls().get(0);
        assertThat(defaultAcl.isDefault()).isTrue();
        String association = defaultAcl.associations().get(0).networkAclAssociationId();
        String moved = ec2.replaceNetworkAclAssociation(r -> r.associationId(association).networkAclId(aclId)).newAssociationId();
        assertThat(moved).matches("aclassoc-[0-9a-f]{17}").isNotEqualTo(association);
        assertThat(acl().associations()).singleElement().satisfies(a -> assertThat(a.subnetId()).isEqualTo(subnetId));
        assertEc2Error(() -> ec2.deleteNetworkAcl(r -> r.networkAclId(aclId)), "DependencyViolation", 400,
                "The networkAcl '" + aclId + "' has dependencies and cannot be deleted.");
        assertEc2Error(() -> ec2.deleteNetworkAcl(r -> r.networkAclId(defaultAcl.networkAclId())), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.replaceNetworkAclAssociation(r -> r.associationId(association).networkAclId(aclId)),
                "InvalidAssociationID.NotFound", 400);
        ec2.replaceNetworkAclAssociation(r -> r.associationId(moved).networkAclId(defaultAcl.networkAclId()));
        ec2.deleteNetworkAcl(r -> r.networkAclId(aclId));
        assertEc2Error(() -> ec2.describeNetworkAcls(r -> r.networkAclIds(aclId)), "InvalidNetworkAclID.NotFound", 400);
    }

    @Test
    void deletingASubnetDropsItsAclAssociation() {
        NetworkAcl defaultAcl = ec2.describeNetworkAcls(r -> r.filters(filter("association.subnet-id", subnetId))).networkAcls().get(0);
        ec2.replaceNetworkAclAssociation(r -> r.associationId(defaultAcl.associations().get(0).networkAclAssociationId()).networkAclId(aclId));
        ec2.deleteSubnet(r -> r.subnetId(subnetId));
        assertThat(acl().associations()).isEmpty();
        ec2.deleteNetworkAcl(r -> r.networkAclId(aclId));
    }

    @Test
    void ipv6AndIcmpv6EntriesAndRuleNumberBounds() {
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(101).protocol("icmpv6").ruleAction(RuleAction.ALLOW)
                .egress(false).ipv6CidrBlock("::/0").icmpTypeCode(i -> i.type(-1).code(-1)));
        ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(102).protocol("udp").ruleAction(RuleAction.ALLOW)
                .egress(false).ipv6CidrBlock("2001:db8::/32").portRange(p -> p.from(53).to(53)));
        assertThat(acl().entries()).filteredOn(e -> !e.egress() && e.ruleNumber() < 200)
                .extracting(NetworkAclEntry::ruleNumber, NetworkAclEntry::protocol, NetworkAclEntry::ipv6CidrBlock, NetworkAclEntry::cidrBlock)
                .containsExactly(tuple(101, "58", "::/0", null), tuple(102, "17", "2001:db8::/32", null));
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("entry.ipv6-cidr", "2001:db8::/32"))).networkAcls())
                .extracting(NetworkAcl::networkAclId).containsExactly(aclId);
        assertEc2Error(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(0).protocol("-1").ruleAction(RuleAction.ALLOW)
                .egress(false).cidrBlock("0.0.0.0/0")), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(103).protocol("-1").ruleAction(RuleAction.ALLOW)
                .egress(false).cidrBlock("0.0.0.0/0").ipv6CidrBlock("::/0")), "InvalidParameterCombination", 400);
        assertEc2Error(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(104).protocol("tcp").ruleAction(RuleAction.ALLOW)
                .egress(false).cidrBlock("0.0.0.0/0").portRange(p -> p.from(80).to(22))), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(105).protocol("bogus").ruleAction(RuleAction.ALLOW)
                .egress(false).cidrBlock("0.0.0.0/0")), "InvalidParameterValue", 400);
    }
}
