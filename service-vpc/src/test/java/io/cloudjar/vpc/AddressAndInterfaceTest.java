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
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

/** Elastic IPs and network interfaces: addresses from the subnet, associations, release and deletion rules. */
class AddressAndInterfaceTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private Ec2Client ec2;
    private String vpcId;
    private String subnetId;

    @BeforeEach
    void setUp() {
        cloudjar.reset();
        ec2 = cloudjar.client(Ec2Client.builder());
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")).subnet().subnetId();
    }

    @AfterEach
    void tearDown() {
        ec2.close();
    }

    private NetworkInterface eni(String id) {
        return ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(id)).networkInterfaces().get(0);
    }

    @Test
    void elasticIpsComeFromTheDocumentationRangesUpToTheQuota() {
        AllocateAddressResponse eip = ec2.allocateAddress(r -> r.domain("vpc"));
        assertThat(eip.allocationId()).matches("eipalloc-[0-9a-f]{17}");
        assertThat(eip.publicIp()).matches("(203\\.0\\.113|198\\.51\\.100|192\\.0\\.2)\\.\\d{1,3}");
        assertThat(eip.domainAsString()).isEqualTo("vpc");
        assertThat(eip.networkBorderGroup()).isEqualTo("us-east-1");
        for (int i = 0; i < 4; i++) {
            ec2.allocateAddress(r -> { });
        }
        assertEc2Error(() -> ec2.allocateAddress(r -> { }), "AddressLimitExceeded", 400, "The maximum number of addresses has been reached.");
        assertThat(ec2.describeAddresses().addresses()).hasSize(5).extracting(Address::publicIp).doesNotHaveDuplicates();
        assertEc2Error(() -> ec2.describeAddresses(r -> r.allocationIds("eipalloc-00000000000000000")), "InvalidAllocationID.NotFound", 400,
                "The allocation ID 'eipalloc-00000000000000000' does not exist");
        assertEc2Error(() -> ec2.describeAddresses(r -> r.publicIps("1.2.3.4")), "InvalidAddress.NotFound", 400);
        assertEc2Error(() -> ec2.releaseAddress(r -> r.publicIp(eip.publicIp())), "InvalidParameterValue", 400,
                "You must specify an allocation id when releasing a VPC elastic IP address");
    }

    @Test
    void elasticIpAssociatesWithAnInterfaceAndIsInUseUntilDisassociated() {
        var eip = ec2.allocateAddress(r -> { });
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnetId)).networkInterface().networkInterfaceId();
        String association = ec2.associateAddress(r -> r.allocationId(eip.allocationId()).networkInterfaceId(eni)).associationId();
        assertThat(association).matches("eipassoc-[0-9a-f]{17}");
        Address address = ec2.describeAddresses(r -> r.filters(filter("network-interface-id", eni))).addresses().get(0);
        assertThat(address.associationId()).isEqualTo(association);
        assertThat(address.privateIpAddress()).isEqualTo("10.0.1.4");
        assertThat(address.networkInterfaceOwnerId()).isEqualTo("000000000000");
        assertThat(eni(eni).association()).satisfies(a -> {
            assertThat(a.publicIp()).isEqualTo(eip.publicIp());
            assertThat(a.ipOwnerId()).isEqualTo("000000000000");
            assertThat(a.publicDnsName()).isEqualTo("ec2-" + eip.publicIp().replace('.', '-') + ".compute-1.amazonaws.com");
        });
        assertEc2Error(() -> ec2.releaseAddress(r -> r.allocationId(eip.allocationId())), "InvalidIPAddress.InUse", 400,
                "Address " + eip.publicIp() + " is in use.");
        String other = ec2.createNetworkInterface(r -> r.subnetId(subnetId)).networkInterface().networkInterfaceId();
        assertEc2Error(() -> ec2.associateAddress(r -> r.allocationId(eip.allocationId()).networkInterfaceId(other)),
                "Resource.AlreadyAssociated", 400);
        ec2.associateAddress(r -> r.allocationId(eip.allocationId()).networkInterfaceId(other).allowReassociation(true));
        assertThat(eni(eni).association()).isNull();
        assertThat(eni(other).association().publicIp()).isEqualTo(eip.publicIp());

        ec2.disassociateAddress(r -> r.publicIp(eip.publicIp()));
        assertThat(eni(other).association()).isNull();
        ec2.releaseAddress(r -> r.allocationId(eip.allocationId()));
        assertEc2Error(() -> ec2.disassociateAddress(r -> r.associationId(association)), "InvalidAssociationID.NotFound", 400);
        assertEc2Error(() -> ec2.associateAddress(r -> r.allocationId(eip.allocationId()).networkInterfaceId(eni)),
                "InvalidAllocationID.NotFound", 400);
        assertEc2Error(() -> ec2.associateAddress(r -> r.allocationId("eipalloc-00000000000000000").instanceId("i-00000000000000000")),
                "InvalidInstanceID.NotFound", 400);
    }

    @Test
    void interfacesTakeRequestedOrNextFreeAddresses() {
        NetworkInterface first = ec2.createNetworkInterface(r -> r.subnetId(subnetId).description("app")).networkInterface();
        assertThat(first.networkInterfaceId()).matches("eni-[0-9a-f]{17}");
        assertThat(first.privateIpAddress()).isEqualTo("10.0.1.4");
        assertThat(first.privateDnsName()).isEqualTo("ip-10-0-1-4.ec2.internal");
        assertThat(first.macAddress()).matches("0e(:[0-9a-f]{2}){5}");
        assertThat(first.statusAsString()).isEqualTo("available");
        assertThat(first.interfaceTypeAsString()).isEqualTo("interface");
        assertThat(first.groups()).singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
        NetworkInterface pinned = ec2.createNetworkInterface(r -> r.subnetId(subnetId).privateIpAddress("10.0.1.50")
                .secondaryPrivateIpAddressCount(2)).networkInterface();
        assertThat(pinned.privateIpAddresses()).extracting(a -> a.privateIpAddress(), a -> a.primary())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10.0.1.50", true), org.assertj.core.groups.Tuple.tuple("10.0.1.5", false),
                        org.assertj.core.groups.Tuple.tuple("10.0.1.6", false));
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0).availableIpAddressCount()).isEqualTo(251 - 4);

        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnetId).privateIpAddress("10.0.1.50")), "InvalidIPAddress.InUse", 400,
                "Address 10.0.1.50 is in use.");
        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnetId).privateIpAddress("10.0.1.1")), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnetId).privateIpAddress("10.0.1.255")), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnetId).privateIpAddress("10.0.2.10")), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId("subnet-00000000000000000")), "InvalidSubnetID.NotFound", 400);
        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnetId).groups("sg-00000000000000000")), "InvalidGroup.NotFound", 400);

        var assigned = ec2.assignPrivateIpAddresses(r -> r.networkInterfaceId(first.networkInterfaceId()).secondaryPrivateIpAddressCount(1));
        assertThat(assigned.assignedPrivateIpAddresses()).singleElement().satisfies(a -> assertThat(a.privateIpAddress()).isEqualTo("10.0.1.7"));
        assertEc2Error(() -> ec2.assignPrivateIpAddresses(r -> r.networkInterfaceId(first.networkInterfaceId())
                .privateIpAddresses("10.0.1.100", "10.0.1.50")), "InvalidIPAddress.InUse", 400);
        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnetId)
                .privateIpAddresses(p -> p.privateIpAddress("10.0.1.101").primary(true), p -> p.privateIpAddress("10.0.1.50"))),
                "InvalidIPAddress.InUse", 400);
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0).availableIpAddressCount())
                .as("refused calls take no address").isEqualTo(251 - 5);
                assertEc2Error(() -> ec2.unassignPrivateIpAddresses(r -> r.networkInterfaceId(first.networkInterfaceId()).privateIpAddresses("10.0.1.4")),
                "InvalidParameterValue", 400);
        ec2.unassignPrivateIpAddresses(r -> r.networkInterfaceId(first.networkInterfaceId()).privateIpAddresses("10.0.1.7"));
        assertThat(eni(first.networkInterfaceId()).privateIpAddresses()).hasSize(1);
        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("addresses.private-ip-address", "10.0.1.6"))).networkInterfaces())
                .extracting(NetworkInterface::networkInterfaceId).containsExactly(pinned.networkInterfaceId());
    }

    @Test
    void interfaceAttributesChange() {
        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("app").description("app")).groupId();
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnetId)).networkInterface().networkInterfaceId();
        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni).description(d -> d.value("changed")));
        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni).sourceDestCheck(v -> v.value(false)));
        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni).groups(sg));
        NetworkInterface changed = eni(eni);
        assertThat(changed.description()).isEqualTo("changed");
        assertThat(changed.sourceDestCheck()).isFalse();
        assertThat(changed.groups()).singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(sg));
        assertThat(ec2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni).attribute("description")).description().value())
                .isEqualTo("changed");
        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni));
        assertEc2Error(() -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni)), "InvalidNetworkInterfaceID.NotFound", 400,
                "The networkInterface ID '" + eni + "' does not exist");
        assertEc2Error(() -> ec2.attachNetworkInterface(r -> r.networkInterfaceId(eni).instanceId("i-00000000000000000").deviceIndex(1)),
                "InvalidInstanceID.NotFound", 400);
    }

    @Test
    void deletingAnInterfaceFreesItsElasticIp() {
        var eip = ec2.allocateAddress(r -> { });
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnetId)).networkInterface().networkInterfaceId();
        ec2.associateAddress(r -> r.allocationId(eip.allocationId()).networkInterfaceId(eni));
        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni));
        assertThat(ec2.describeAddresses(r -> r.allocationIds(eip.allocationId())).addresses().get(0).associationId()).isNull();
        ec2.releaseAddress(r -> r.allocationId(eip.allocationId()));
    }
}
