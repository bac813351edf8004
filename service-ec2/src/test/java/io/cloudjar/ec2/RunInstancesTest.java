package io.cloudjar.ec2;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;

/** RunInstances in custom VPCs: counts, subnets and groups, interfaces, block devices, user data, tokens and errors. */
class RunInstancesTest extends Ec2SdkTest {
    private String image;

    @BeforeEach
    void image() {
        image = TestLaunches.ubuntu(ec2);
    }

    private RunInstancesResponse run(java.util.function.Consumer<RunInstancesRequest.Builder> more) {
        return ec2.runInstances(r -> {
            r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1);
            more.accept(r);
        });
    }

    @Test
    void aPrivateSubnetLaunchGetsTheNamedGroupsAndNoPublicAddress() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/28").availabilityZone("us-east-1b")).subnet().subnetId();
        String web = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
        ec2.createKeyPair(r -> r.keyName("lab"));

        RunInstancesResponse run = run(r -> r.subnetId(subnet).securityGroupIds(web).keyName("lab").minCount(2).maxCount(3));

        assertThat(run.instances()).hasSize(3).allSatisfy(i -> {
            assertThat(i.vpcId()).isEqualTo(vpc);
            assertThat(i.subnetId()).isEqualTo(subnet);
            assertThat(i.publicIpAddress()).isNull();
            assertThat(i.publicDnsName()).isEmpty();
            assertThat(i.keyName()).isEqualTo("lab");
            assertThat(i.securityGroups()).singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(web));
        });
        assertThat(run.instances()).extracting(Instance::amiLaunchIndex).containsExactly(0, 1, 2);
        assertThat(run.instances()).extracting(Instance::privateIpAddress).containsExactly("10.0.2.4", "10.0.2.5", "10.0.2.6");
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnet)).subnets().get(0).availableIpAddressCount()).isEqualTo(16 - 5 - 3);

        // 8 addresses are left: MinCount 9 cannot be met, MaxCount 20 gives what there is.
        assertEc2Error(() -> run(r -> r.subnetId(subnet).minCount(9).maxCount(9)), "InsufficientFreeAddressesInSubnet", 400);
        assertThat(run(r -> r.subnetId(subnet).minCount(1).maxCount(20)).instances()).hasSize(8);
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnet)).subnets().get(0).availableIpAddressCount()).isZero();
    }

    @Test
    void networkInterfaceSpecificationsCarryTheSubnetGroupsAndPublicAddress() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.1.0/24")).subnet().subnetId();

        Instance i = run(r -> r.networkInterfaces(n -> n.deviceIndex(0).subnetId(subnet).associatePublicIpAddress(true)
                .privateIpAddress("10.1.1.50").secondaryPrivateIpAddressCount(1))).instances().get(0);
        assertThat(i.privateIpAddress()).isEqualTo("10.1.1.50");
        assertThat(i.publicIpAddress()).isNotNull();
        assertThat(i.networkInterfaces()).singleElement().satisfies(n -> {
            assertThat(n.privateIpAddresses()).hasSize(2);
            assertThat(n.attachment().deviceIndex()).isZero();
            assertThat(n.attachment().deleteOnTermination()).isTrue();
            assertThat(n.groups()).singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
        });

        assertEc2Error(() -> run(r -> r.subnetId(subnet).networkInterfaces(n -> n.deviceIndex(0).subnetId(subnet))),
                "InvalidParameterCombination", 400,
                "Network interfaces and an instance-level subnet ID may not be specified on the same request");
        assertEc2Error(() -> run(r -> r.securityGroups("default").subnetId(subnet)), "InvalidParameterCombination", 400,
                "The parameter groupName cannot be used with the parameter subnet");
        assertEc2Error(() -> run(r -> r.subnetId(subnet).privateIpAddress("10.1.1.50")), "InvalidIPAddress.InUse", 400);
        assertEc2Error(() -> run(r -> r.subnetId("subnet-0123456789abcdef0")), "InvalidSubnetID.NotFound", 400);
        assertEc2Error(() -> run(r -> r.subnetId(subnet).securityGroupIds("sg-0123456789abcdef0")), "InvalidGroup.NotFound", 400);
    }

    @Test
    void blockDeviceMappingsResizeTheRootAndAddDataVolumes() {
        Instance i = run(r -> r.blockDeviceMappings(
                b -> b.deviceName("/dev/sda1").ebs(e -> e.volumeSize(30).volumeType("gp3")),
                b -> b.deviceName("/dev/sdf").ebs(e -> e.volumeSize(100).volumeType("io1").iops(1000).deleteOnTermination(false))))
                .instances().get(0);

        assertThat(i.blockDeviceMappings()).extracting(m -> m.deviceName()).containsExactly("/dev/sda1", "/dev/sdf");
        var volumes = ec2.describeVolumes(r -> r.filters(f -> f.name("attachment.instance-id").values(i.instanceId()))).volumes();
        assertThat(volumes).extracting(v -> v.size() + " " + v.volumeTypeAsString()).containsExactlyInAnyOrder("30 gp3", "100 io1");

        ec2.terminateInstances(r -> r.instanceIds(i.instanceId()));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(ec2.describeVolumes().volumes()).singleElement().satisfies(v -> {
            assertThat(v.size()).isEqualTo(100);
            assertThat(v.stateAsString()).isEqualTo("available");
        });

        assertEc2Error(() -> run(r -> r.blockDeviceMappings(b -> b.deviceName("/dev/sda1").ebs(e -> e.volumeSize(4)))),
                "InvalidBlockDeviceMapping", 400);
        assertEc2Error(() -> run(r -> r.blockDeviceMappings(b -> b.deviceName("/dev/sdg").ebs(e -> e.volumeType("gp2")))),
                "MissingParameter", 400, "The request must contain the parameter size or snapshotId");
        assertThat(ec2.describeVolumes().volumes()).as("refused launches create nothing").hasSize(1);
    }

    @Test
    void userDataIsKeptAsSentAndShownInTheConsole() {
        String script = "#!/bin/bash\napt-get install -y nginx\necho hello > /var/www/html/index.html";
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
        String id = run(r -> r.userData(encoded)).instances().get(0).instanceId();

        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("userData")).userData().value()).isEqualTo(encoded);
        assertThat(ec2.getConsoleOutput(r -> r.instanceId(id)).output()).isNull();
        cloudjar.advanceClock(Duration.ofSeconds(5));
        String console = new String(Base64.getDecoder().decode(ec2.getConsoleOutput(r -> r.instanceId(id)).output()),
                StandardCharsets.UTF_8);
        assertThat(console).contains("running user data script").contains("apt-get install -y nginx")
                .contains("-----BEGIN SSH HOST KEY FINGERPRINTS-----");

        assertEc2Error(() -> run(r -> r.userData("not base64!")), "InvalidParameterValue", 400, "Invalid BASE64 encoding of user data.");
        String big = Base64.getEncoder().encodeToString(new byte[16385]);
        assertEc2Error(() -> run(r -> r.userData(big)), "InvalidParameterValue", 400, "User data is limited to 16384 bytes");
    }

    @Test
    void aClientTokenAnswersTheFirstReservationAgain() {
        RunInstancesResponse first = run(r -> r.clientToken("launch-1").minCount(2).maxCount(2));
        RunInstancesResponse again = run(r -> r.clientToken("launch-1").minCount(2).maxCount(2));

        assertThat(again.reservationId()).isEqualTo(first.reservationId());
        assertThat(again.instances()).extracting(Instance::instanceId)
                .containsExactlyElementsOf(first.instances().stream().map(Instance::instanceId).toList());
        assertThat(first.instances().get(0).clientToken()).isEqualTo("launch-1");
        assertThat(ec2.describeInstances().reservations()).hasSize(1);
    }

    @Test
    void badLaunchesGetEc2sErrors() {
        assertEc2Error(() -> run(r -> r.imageId("ami-12345")), "InvalidAMIID.Malformed", 400);
        assertEc2Error(() -> run(r -> r.imageId("ami-0123456789abcdef0")), "InvalidAMIID.NotFound", 400,
                "The image id '[ami-0123456789abcdef0]' does not exist");
        assertEc2Error(() -> run(r -> r.instanceType("t2.mega")), "InvalidParameterValue", 400);
        assertEc2Error(() -> run(r -> r.instanceType("t4g.micro")), "InvalidParameterValue", 400);
        assertEc2Error(() -> run(r -> r.keyName("missing")), "InvalidKeyPair.NotFound", 400, "The key pair 'missing' does not exist");
        assertEc2Error(() -> run(r -> r.minCount(3).maxCount(2)), "InvalidParameterValue", 400);
        assertEc2Error(() -> run(r -> r.minCount(0)), "InvalidParameterValue", 400);
        assertEc2Error(() -> run(r -> r.placement(p -> p.availabilityZone("us-east-1z"))), "InvalidParameterValue", 400);
        assertEc2Error(() -> run(r -> r.tagSpecifications(t -> t.resourceType("vpc").tags(tag -> tag.key("a").value("b")))),
                "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.runInstances(r -> r.imageId(image).minCount(1)), "MissingParameter", 400);
        assertEc2Error(() -> run(r -> r.dryRun(true)), "DryRunOperation", 412);
        assertThat(ec2.describeInstances().reservations()).isEmpty();
    }

    @Test
    void withoutATypeAnInstanceIsAnM1Small() {
        Instance i = ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1)).instances().get(0);
        assertThat(i.instanceTypeAsString()).isEqualTo("m1.small");
        assertThat(i.cpuOptions().coreCount()).isEqualTo(1);
        assertThat(ec2.describeInstanceCreditSpecifications(r -> r.instanceIds(i.instanceId())).instanceCreditSpecifications()).isEmpty();
        String t3 = run(r -> r.instanceType("t3.micro")).instances().get(0).instanceId();
        String t2 = run(r -> r.instanceType("t2.micro")).instances().get(0).instanceId();
        assertThat(ec2.describeInstanceCreditSpecifications().instanceCreditSpecifications())
                .extracting(c -> c.instanceId() + " " + c.cpuCredits())
                .containsExactlyInAnyOrder(t3 + " unlimited", t2 + " standard");
    }
}
