package io.cloudjar.vpc;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static io.cloudjar.vpc.DefaultVpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.vpc.api.InstanceDirectory;
import io.cloudjar.vpc.api.InstanceNetworking;
import io.cloudjar.vpc.api.InterfaceInfo;
import io.cloudjar.vpc.api.InterfaceRequest;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.SecurityGroupInfo;
import io.cloudjar.vpc.api.SubnetInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** The seam service-ec2 launches instances through, driven as service-ec2 will, with SDK calls alongside. */
class InstanceNetworkingTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();
    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");
    private static final Map<String, InstanceDirectory.InstanceRef> INSTANCES = FakeInstanceDirectory.INSTANCES;
    private static final List<String> CHANGES = FakeInstanceDirectory.CHANGES;

    private static InstanceNetworking networking;
    private Ec2Client ec2;

    @BeforeAll
    static void lookUp() {
        networking = cloudjar.server().runtime().lookup(InstanceNetworking.class).orElseThrow();
    }

    @BeforeEach
    void setUp() {
        cloudjar.reset();
        INSTANCES.clear();
        CHANGES.clear();
        ec2 = cloudjar.client(Ec2Client.builder());
    }

    @AfterEach
    void tearDown() {
        ec2.close();
    }

    /** What RunInstances will do: default subnet, default group, an interface, a public address. */
    private InterfaceInfo launch(String instanceId, String zone) {
        SubnetInfo subnet = networking.defaultSubnet(SCOPE, zone);
        List<SecurityGroupInfo> groups = networking.securityGroups(SCOPE, subnet.vpcId(), List.of(), List.of());
        InterfaceInfo eni = networking.createInterface(SCOPE, InterfaceRequest.forInstance(subnet.subnetId(),
                groups.stream().map(SecurityGroupInfo::groupId).toList()));
        networking.attachInterface(SCOPE, eni.networkInterfaceId(), instanceId, 0, true);
        INSTANCES.put(instanceId, new InstanceDirectory.InstanceRef(instanceId, eni.networkInterfaceId(), subnet.vpcId(), "running"));
        return subnet.mapPublicIpOnLaunch() ? networking.assignPublicIp(SCOPE, eni.networkInterfaceId()) : eni;
    }

    @Test
    void launchInTheDefaultSubnetTakesAnAddressAndAPublicIp() {
        SubnetInfo before = networking.defaultSubnet(SCOPE, "us-east-1b");
        assertThat(before.cidrBlock()).isEqualTo("172.31.16.0/20");
        InterfaceInfo eni = launch("i-0000000000000000a", "us-east-1b");
        assertThat(eni.privateIpAddress()).isEqualTo("172.31.16.4");
        assertThat(eni.privateDnsName()).isEqualTo("ip-172-31-16-4.ec2.internal");
        assertThat(eni.groups()).singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
        assertThat(eni.association().ipOwnerId()).isEqualTo("amazon");
        assertThat(eni.attachment().instanceId()).isEqualTo("i-0000000000000000a");
        assertThat(networking.subnet(SCOPE, before.subnetId()).availableIpAddressCount()).isEqualTo(before.availableIpAddressCount() - 1);

        var described = ec2.describeNetworkInterfaces(r -> r.filters(filter("attachment.instance-id", "i-0000000000000000a")))
                .networkInterfaces();
        assertThat(described).singleElement().satisfies(n -> {
            assertThat(n.statusAsString()).isEqualTo("in-use");
            assertThat(n.association().publicIp()).isEqualTo(eni.association().publicIp());
        });
        assertThat(networking.interfacesOf(SCOPE, "i-0000000000000000a")).hasSize(1);
    }

    @Test
    void elasticIpByInstanceIdReplacesThePublicIpAndTellsEc2() {
        InterfaceInfo eni = launch("i-0000000000000000b", null);
        String autoIp = eni.association().publicIp();
        var eip = ec2.allocateAddress(r -> { });
        String association = ec2.associateAddress(r -> r.allocationId(eip.allocationId()).instanceId("i-0000000000000000b")).associationId();
        assertThat(CHANGES).containsExactly("i-0000000000000000b associated");
        assertThat(ec2.describeAddresses(r -> r.filters(filter("instance-id", "i-0000000000000000b"))).addresses())
                .singleElement().satisfies(a -> assertThat(a.associationId()).isEqualTo(association));
        InterfaceInfo now = networking.networkInterface(SCOPE, eni.networkInterfaceId()).orElseThrow();
        assertThat(now.association().publicIp()).isEqualTo(eip.publicIp()).isNotEqualTo(autoIp);
        assertThat(networking.addressesOf(SCOPE, "i-0000000000000000b")).singleElement()
                .satisfies(a -> assertThat(a.instanceId()).isEqualTo("i-0000000000000000b"));

        networking.releasePublicIp(SCOPE, eni.networkInterfaceId());
        assertThat(networking.networkInterface(SCOPE, eni.networkInterfaceId()).orElseThrow().association().publicIp())
                .as("stop keeps the Elastic IP").isEqualTo(eip.publicIp());
        ec2.disassociateAddress(r -> r.associationId(association));
        assertThat(CHANGES).containsExactly("i-0000000000000000b associated", "i-0000000000000000b disassociated");
        assertThat(networking.networkInterface(SCOPE, eni.networkInterfaceId()).orElseThrow().association()).isNull();
    }

    @Test
    void terminationDeletesTheInterfaceAndFreesItsAddresses() {
        InterfaceInfo eni = launch("i-0000000000000000c", "us-east-1a");
        var eip = ec2.allocateAddress(r -> { });
        networking.associateAddress(SCOPE, eip.allocationId(), eni.networkInterfaceId(), null, false);
        int before = networking.subnet(SCOPE, eni.subnetId()).availableIpAddressCount();
        networking.detachInterface(SCOPE, eni.networkInterfaceId());
        networking.deleteInterface(SCOPE, eni.networkInterfaceId());
        networking.deleteInterface(SCOPE, eni.networkInterfaceId());
        assertThat(networking.subnet(SCOPE, eni.subnetId()).availableIpAddressCount()).isEqualTo(before + 1);
        assertThat(ec2.describeAddresses(r -> r.allocationIds(eip.allocationId())).addresses().get(0).associationId()).isNull();
        assertThat(networking.networkInterface(SCOPE, eni.networkInterfaceId())).isEmpty();
    }

    @Test
    void securityGroupsResolveByIdOrNameWithinTheVpc() {
        String vpc = networking.defaultSubnet(SCOPE, null).vpcId();
        String web = ec2.createSecurityGroup(r -> r.groupName("web").description("web")).groupId();
        String other = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String foreign = ec2.createSecurityGroup(r -> r.vpcId(other).groupName("web").description("web")).groupId();
        assertThat(networking.securityGroups(SCOPE, vpc, List.of(), List.of("web"))).extracting(SecurityGroupInfo::groupId).containsExactly(web);
        assertThat(networking.securityGroups(SCOPE, vpc, List.of(web), List.of("web", "default"))).hasSize(2);
        assertThatThrownBy(() -> networking.securityGroups(SCOPE, vpc, List.of(foreign), List.of()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameter"));
        assertThatThrownBy(() -> networking.securityGroups(SCOPE, vpc, List.of(), List.of("nope")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("The security group 'nope' does not exist in default VPC '" + vpc + "'"));
        assertThatThrownBy(() -> networking.defaultSubnet(SCOPE, "us-east-1q"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> networking.subnet(SCOPE, "subnet-00000000000000000"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidSubnetID.NotFound"));
    }

    @Test
    void aSecondInterfaceAttachesToAnInstanceAndCannotGoUntilDetached() {
        InterfaceInfo primary = launch("i-0000000000000000d", "us-east-1a");
        var eni = ec2.createNetworkInterface(r -> r.subnetId(primary.subnetId())).networkInterface();
        String attachment = ec2.attachNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId())
                .instanceId("i-0000000000000000d").deviceIndex(1)).attachmentId();
        assertThat(attachment).matches("eni-attach-[0-9a-f]{17}");
        var attached = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId())).networkInterfaces().get(0);
        assertThat(attached.statusAsString()).isEqualTo("in-use");
        assertThat(attached.attachment().instanceId()).isEqualTo("i-0000000000000000d");
        assertThat(attached.attachment().deviceIndex()).isEqualTo(1);
        assertThat(networking.interfacesOf(SCOPE, "i-0000000000000000d")).hasSize(2);

        var spare = ec2.createNetworkInterface(r -> r.subnetId(primary.subnetId())).networkInterface();
        assertEc2Error(() -> ec2.attachNetworkInterface(r -> r.networkInterfaceId(spare.networkInterfaceId())
                .instanceId("i-0000000000000000d").deviceIndex(1)), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.attachNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId())
                .instanceId("i-0000000000000000d").deviceIndex(2)), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId())),
                "InvalidNetworkInterface.InUse", 400);
        String primaryAttachment = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(primary.networkInterfaceId()))
                .networkInterfaces().get(0).attachment().attachmentId();
        assertEc2Error(() -> ec2.detachNetworkInterface(r -> r.attachmentId(primaryAttachment)), "OperationNotPermitted", 400);

        ec2.detachNetworkInterface(r -> r.attachmentId(attachment));
        assertEc2Error(() -> ec2.detachNetworkInterface(r -> r.attachmentId(attachment)), "InvalidAttachmentID.NotFound", 400);
        assertThat(ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId())).networkInterfaces().get(0)
                .statusAsString()).isEqualTo("available");
        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId()));

        String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String otherSubnet = ec2.createSubnet(r -> r.vpcId(otherVpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        String foreign = ec2.createNetworkInterface(r -> r.subnetId(otherSubnet)).networkInterface().networkInterfaceId();
        assertEc2Error(() -> ec2.attachNetworkInterface(r -> r.networkInterfaceId(foreign).instanceId("i-0000000000000000d").deviceIndex(1)),
                "InvalidParameterValue", 400);
    }
}
