package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static io.cloudjar.vpc.DefaultVpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;

/** Internet gateways, egress-only gateways and NAT gateways with their state on the emulator clock. */
class GatewayTest {
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

    /** A public NAT gateway needs the VPC's internet gateway. */
    private void attachInternetGateway() {
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
    }

    @Test
    void internetGatewayAttachesToOneVpcAndAVpcTakesOneGateway() {
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        assertThat(igw).matches("igw-[0-9a-f]{17}");
        assertThat(ec2.describeInternetGateways(r -> r.internetGatewayIds(igw)).internetGateways().get(0).attachments()).isEmpty();
        assertEc2Error(() -> ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId)), "Gateway.NotAttached", 400,
                "resource " + igw + " is not attached to network " + vpcId);
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        assertEc2Error(() -> ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId)), "Resource.AlreadyAssociated", 400,
                "resource " + igw + " is already attached to network " + vpcId);
        String second = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        assertEc2Error(() -> ec2.attachInternetGateway(r -> r.internetGatewayId(second).vpcId(vpcId)), "Resource.AlreadyAssociated", 400);
        assertEc2Error(() -> ec2.deleteInternetGateway(r -> r.internetGatewayId(igw)), "DependencyViolation", 400,
                "The internetGateway '" + igw + "' has dependencies and cannot be deleted.");
        assertThat(ec2.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", vpcId))).internetGateways())
                .singleElement().satisfies(g -> assertThat(g.internetGatewayId()).isEqualTo(igw));
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        ec2.deleteInternetGateway(r -> r.internetGatewayId(igw));
        assertEc2Error(() -> ec2.describeInternetGateways(r -> r.internetGatewayIds(igw)), "InvalidInternetGatewayID.NotFound", 400,
                "The internetGateway ID '" + igw + "' does not exist");
        assertEc2Error(() -> ec2.attachInternetGateway(r -> r.internetGatewayId(second).vpcId("vpc-00000000000000000")),
                "InvalidVpcID.NotFound", 400);
    }

    @Test
    void detachingIsRefusedWhileInterfacesHavePublicAddresses() {
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnetId)).networkInterface().networkInterfaceId();
        String allocation = ec2.allocateAddress(r -> { }).allocationId();
        String association = ec2.associateAddress(r -> r.allocationId(allocation).networkInterfaceId(eni)).associationId();
        assertEc2Error(() -> ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId)), "DependencyViolation", 400);
        ec2.disassociateAddress(r -> r.associationId(association));
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
    }

    @Test
    void egressOnlyGatewaysBelongToTheirVpc() {
        var eigw = ec2.createEgressOnlyInternetGateway(r -> r.vpcId(vpcId)).egressOnlyInternetGateway();
        assertThat(eigw.egressOnlyInternetGatewayId()).matches("eigw-[0-9a-f]{17}");
        assertThat(eigw.attachments()).singleElement().satisfies(a -> {
            assertThat(a.vpcId()).isEqualTo(vpcId);
            assertThat(a.stateAsString()).isEqualTo("attached");
        });
        assertThat(ec2.describeEgressOnlyInternetGateways(r -> { }).egressOnlyInternetGateways()).hasSize(1);
        assertThat(ec2.deleteEgressOnlyInternetGateway(r -> r.egressOnlyInternetGatewayId(eigw.egressOnlyInternetGatewayId()))
                .returnCode()).isTrue();
        assertEc2Error(() -> ec2.deleteEgressOnlyInternetGateway(r -> r.egressOnlyInternetGatewayId(eigw.egressOnlyInternetGatewayId())),
                "InvalidGatewayID.NotFound", 400);
    }

    @Test
    void natGatewayIsPendingThenAvailableOnTheEmulatorClock() {
        attachInternetGateway();
        var eip = ec2.allocateAddress(r -> r.domain("vpc"));
        NatGateway nat = ec2.createNatGateway(r -> r.subnetId(subnetId).allocationId(eip.allocationId())).natGateway();
        assertThat(nat.natGatewayId()).matches("nat-[0-9a-f]{17}");
        assertThat(nat.state()).isEqualTo(NatGatewayState.PENDING);
        assertThat(nat.vpcId()).isEqualTo(vpcId);
        assertThat(nat.connectivityTypeAsString()).isEqualTo("public");
        assertThat(nat.natGatewayAddresses()).singleElement().satisfies(a -> {
            assertThat(a.allocationId()).isEqualTo(eip.allocationId());
            assertThat(a.publicIp()).isEqualTo(eip.publicIp());
            assertThat(a.privateIp()).isEqualTo("10.0.1.4");
            assertThat(a.networkInterfaceId()).startsWith("eni-");
        });
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(ec2.describeNatGateways(r -> r.natGatewayIds(nat.natGatewayId())).natGateways().get(0).state())
                .isEqualTo(NatGatewayState.AVAILABLE);

        var eni = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(nat.natGatewayAddresses().get(0).networkInterfaceId()))
                .networkInterfaces().get(0);
        assertThat(eni.interfaceTypeAsString()).isEqualTo("nat_gateway");
        assertThat(eni.requesterManaged()).isTrue();
        assertThat(eni.association().publicIp()).isEqualTo(eip.publicIp());
        assertThat(ec2.describeAddresses(r -> r.allocationIds(eip.allocationId())).addresses().get(0).networkInterfaceId())
                .isEqualTo(eni.networkInterfaceId());
        assertEc2Error(() -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId())),
                "InvalidNetworkInterface.InUse", 400);
        assertEc2Error(() -> ec2.releaseAddress(r -> r.allocationId(eip.allocationId())), "InvalidIPAddress.InUse", 400,
                "Address " + eip.publicIp() + " is in use.");

        String natAssociation = nat.natGatewayAddresses().get(0).associationId();
        assertEc2Error(() -> ec2.disassociateAddress(r -> r.associationId(natAssociation)), "AuthFailure", 401,
                "You do not have permission to access the specified resource.");

        ec2.deleteNatGateway(r -> r.natGatewayId(nat.natGatewayId()));
        assertThat(ec2.describeNatGateways(r -> r.natGatewayIds(nat.natGatewayId())).natGateways().get(0).state())
                .isEqualTo(NatGatewayState.DELETING);
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(ec2.describeNatGateways(r -> r.filter(filter("state", "deleted"))).natGateways()).singleElement()
                .satisfies(n -> assertThat(n.deleteTime()).isNotNull());
        ec2.releaseAddress(r -> r.allocationId(eip.allocationId()));
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0).availableIpAddressCount()).isEqualTo(251);
        cloudjar.advanceClock(Duration.ofHours(1));
        assertThat(ec2.describeNatGateways(r -> { }).natGateways()).isEmpty();
        assertEc2Error(() -> ec2.describeNatGateways(r -> r.natGatewayIds(nat.natGatewayId())), "NatGatewayNotFound", 400,
                "NAT gateway " + nat.natGatewayId() + " was not found");
    }

    @Test
    void natGatewayErrors() {
        attachInternetGateway();
        assertEc2Error(() -> ec2.createNatGateway(r -> r.subnetId(subnetId)), "MissingParameter", 400);
        var eip = ec2.allocateAddress(r -> { });
        assertEc2Error(() -> ec2.createNatGateway(r -> r.subnetId(subnetId).allocationId(eip.allocationId()).connectivityType("private")),
                "InvalidParameterCombination", 400);
        assertEc2Error(() -> ec2.createNatGateway(r -> r.subnetId("subnet-00000000000000000").allocationId(eip.allocationId())),
                "InvalidSubnetID.NotFound", 400);
        assertEc2Error(() -> ec2.createNatGateway(r -> r.subnetId(subnetId).allocationId("eipalloc-00000000000000000")),
                "InvalidAllocationID.NotFound", 400);
        ec2.createNatGateway(r -> r.subnetId(subnetId).allocationId(eip.allocationId()));
        assertEc2Error(() -> ec2.createNatGateway(r -> r.subnetId(subnetId).allocationId(eip.allocationId())),
                "Resource.AlreadyAssociated", 400);
        NatGateway privateNat = ec2.createNatGateway(r -> r.subnetId(subnetId).connectivityType("private")).natGateway();
        assertThat(privateNat.natGatewayAddresses().get(0).publicIp()).isNull();
        assertEc2Error(() -> ec2.deleteNatGateway(r -> r.natGatewayId("nat-00000000000000000")), "NatGatewayNotFound", 400);
    }

    @Test
    void publicNatGatewayWithoutAnInternetGatewayFailsWhileProvisioning() {
        var eip = ec2.allocateAddress(r -> { });
        NatGateway nat = ec2.createNatGateway(r -> r.subnetId(subnetId).allocationId(eip.allocationId())).natGateway();
        assertThat(nat.state()).isEqualTo(NatGatewayState.PENDING);
        cloudjar.advanceClock(Duration.ofSeconds(5));
        NatGateway failed = ec2.describeNatGateways(r -> r.natGatewayIds(nat.natGatewayId())).natGateways().get(0);
        assertThat(failed.state()).isEqualTo(NatGatewayState.FAILED);
        assertThat(failed.failureCode()).isEqualTo("Gateway.NotAttached");
        assertThat(failed.failureMessage()).isEqualTo("Network " + vpcId + " has no Internet gateway attached");
        assertThat(failed.natGatewayAddresses()).singleElement().satisfies(a -> {
            assertThat(a.allocationId()).isEqualTo(eip.allocationId());
            assertThat(a.networkInterfaceId()).isNull();
            assertThat(a.statusAsString()).isEqualTo("failed");
        });
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0).availableIpAddressCount())
                .as("a failed gateway holds no address").isEqualTo(251);
        assertThat(ec2.describeAddresses(r -> r.allocationIds(eip.allocationId())).addresses().get(0).associationId()).isNull();
        String table = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat.natGatewayId())),
                "InvalidNatGatewayID.NotFound", 400);
        ec2.releaseAddress(r -> r.allocationId(eip.allocationId()));
        ec2.deleteSubnet(r -> r.subnetId(subnetId));

        cloudjar.advanceClock(Duration.ofHours(1));
        assertThat(ec2.describeNatGateways(r -> r.filter(filter("vpc-id", vpcId))).natGateways()).as("gone an hour after failing").isEmpty();
    }
}
