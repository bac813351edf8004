package io.cloudjar.ec2;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** An instance's life: pending → running, stopping → stopped, pending again, shutting-down → terminated → gone. */
class InstanceLifecycleTest extends Ec2SdkTest {
    private Instance describe(String id) {
        return TestLaunches.describe(ec2, id);
    }

    private Subnet defaultSubnet(String zone) {
        return ec2.describeSubnets(r -> r.filters(f -> f.name("availability-zone").values(zone),
                f -> f.name("default-for-az").values("true"))).subnets().get(0);
    }

    @Test
    void aT2MicroLaunchesPendingIntoTheDefaultSubnetAndRunsOnTheClock() {
        String image = TestLaunches.ubuntu(ec2);
        int freeBefore = defaultSubnet("us-east-1a").availableIpAddressCount();

        RunInstancesResponse run = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1)
                .placement(p -> p.availabilityZone("us-east-1a"))
                .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Name").value("web"))));

        assertThat(run.reservationId()).matches("r-0[0-9a-f]{16}");
        assertThat(run.ownerId()).isEqualTo("000000000000");
        Instance launched = run.instances().get(0);
        assertThat(launched.instanceId()).matches("i-0[0-9a-f]{16}");
        assertThat(launched.state().nameAsString()).isEqualTo("pending");
        assertThat(launched.state().code()).isZero();
        assertThat(launched.stateReason().code()).isEqualTo("pending");
        assertThat(launched.instanceTypeAsString()).isEqualTo("t2.micro");
        assertThat(launched.imageId()).isEqualTo(image);
        assertThat(launched.placement().availabilityZone()).isEqualTo("us-east-1a");
        assertThat(launched.privateIpAddress()).startsWith("172.31.");
        assertThat(launched.privateDnsName()).isEqualTo("ip-" + launched.privateIpAddress().replace('.', '-') + ".ec2.internal");
        assertThat(launched.publicIpAddress()).as("default subnets map public addresses").isNotNull();
        assertThat(launched.securityGroups()).singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
        assertThat(launched.rootDeviceName()).isEqualTo("/dev/sda1");
        assertThat(launched.blockDeviceMappings()).singleElement().satisfies(b -> {
            assertThat(b.deviceName()).isEqualTo("/dev/sda1");
            assertThat(b.ebs().deleteOnTermination()).isTrue();
        });
        assertThat(launched.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("web"));
        assertThat(defaultSubnet("us-east-1a").availableIpAddressCount()).isEqualTo(freeBefore - 1);

        cloudjar.advanceClock(Duration.ofSeconds(2));
        Instance running = describe(launched.instanceId());
        assertThat(running.state().nameAsString()).isEqualTo("running");
        assertThat(running.state().code()).isEqualTo(16);
        assertThat(running.stateReason()).isNull();
        assertThat(running.stateTransitionReason()).isEmpty();
        String rootVolume = running.blockDeviceMappings().get(0).ebs().volumeId();
        var volume = ec2.describeVolumes(r -> r.volumeIds(rootVolume)).volumes().get(0);
        assertThat(volume.size()).isEqualTo(8);
        assertThat(volume.stateAsString()).isEqualTo("in-use");
        assertThat(volume.snapshotId()).startsWith("snap-");
    }

    @Test
    void stopReleasesThePublicAddressAndStartGivesANewOne() {
        Instance web = TestLaunches.running(cloudjar, ec2, "us-east-1a");
        String firstIp = web.publicIpAddress();

        InstanceStateChange stopping = ec2.stopInstances(r -> r.instanceIds(web.instanceId())).stoppingInstances().get(0);
        assertThat(stopping.previousState().nameAsString()).isEqualTo("running");
        assertThat(stopping.currentState().nameAsString()).isEqualTo("stopping");
        assertThat(describe(web.instanceId()).publicIpAddress()).isNull();
        cloudjar.advanceClock(Duration.ofSeconds(2));
        Instance stopped = describe(web.instanceId());
        assertThat(stopped.state().nameAsString()).isEqualTo("stopped");
        assertThat(stopped.state().code()).isEqualTo(80);
        assertThat(stopped.stateReason().code()).isEqualTo("Client.UserInitiatedShutdown");
        assertThat(stopped.stateTransitionReason()).startsWith("User initiated (");
        assertThat(stopped.privateIpAddress()).isEqualTo(web.privateIpAddress());

        assertThat(ec2.startInstances(r -> r.instanceIds(web.instanceId())).startingInstances().get(0)
                .currentState().nameAsString()).isEqualTo("pending");
        cloudjar.advanceClock(Duration.ofSeconds(2));
        Instance again = describe(web.instanceId());
        assertThat(again.state().nameAsString()).isEqualTo("running");
        assertThat(again.publicIpAddress()).isNotNull().isNotEqualTo(firstIp);
        assertThat(again.privateIpAddress()).isEqualTo(web.privateIpAddress());
    }

    @Test
    void anElasticIpSurvivesStopAndStart() {
        Instance web = TestLaunches.running(cloudjar, ec2, "us-east-1a");
        var eip = ec2.allocateAddress(r -> r.domain("vpc"));
        ec2.associateAddress(r -> r.allocationId(eip.allocationId()).instanceId(web.instanceId()));
        assertThat(describe(web.instanceId()).publicIpAddress()).isEqualTo(eip.publicIp());

        ec2.stopInstances(r -> r.instanceIds(web.instanceId()));
        cloudjar.advanceClock(Duration.ofSeconds(2));
        assertThat(describe(web.instanceId()).publicIpAddress()).isEqualTo(eip.publicIp());
        ec2.startInstances(r -> r.instanceIds(web.instanceId()));
        cloudjar.advanceClock(Duration.ofSeconds(2));
        assertThat(describe(web.instanceId()).publicIpAddress()).isEqualTo(eip.publicIp());

        ec2.disassociateAddress(r -> r.publicIp(eip.publicIp()));
        assertThat(describe(web.instanceId()).publicIpAddress()).as("a new Amazon address").isNotNull().isNotEqualTo(eip.publicIp());
    }

    @Test
    void terminateFreesAddressesAndVolumesAndTheInstanceDisappearsAfterAnHour() {
        int freeBefore = defaultSubnet("us-east-1b").availableIpAddressCount();
        Instance web = TestLaunches.running(cloudjar, ec2, "us-east-1b");
        String rootVolume = web.blockDeviceMappings().get(0).ebs().volumeId();

        InstanceStateChange change = ec2.terminateInstances(r -> r.instanceIds(web.instanceId())).terminatingInstances().get(0);
        assertThat(change.previousState().nameAsString()).isEqualTo("running");
        assertThat(change.currentState().nameAsString()).isEqualTo("shutting-down");
        assertThat(change.currentState().code()).isEqualTo(32);
        assertThat(defaultSubnet("us-east-1b").availableIpAddressCount()).isEqualTo(freeBefore);
        assertEc2Error(() -> ec2.describeVolumes(r -> r.volumeIds(rootVolume)), "InvalidVolume.NotFound", 400);
        cloudjar.advanceClock(Duration.ofSeconds(2));
        Instance terminated = describe(web.instanceId());
        assertThat(terminated.state().nameAsString()).isEqualTo("terminated");
        assertThat(terminated.state().code()).isEqualTo(48);
        assertThat(terminated.networkInterfaces()).isEmpty();
        assertThat(terminated.privateIpAddress()).isNull();
        assertThat(terminated.blockDeviceMappings()).isEmpty();
        assertEc2Error(() -> ec2.startInstances(r -> r.instanceIds(web.instanceId())), "IncorrectInstanceState", 400,
                "The instance '" + web.instanceId() + "' is not in a state from which it can be started.");
        assertThat(ec2.terminateInstances(r -> r.instanceIds(web.instanceId())).terminatingInstances().get(0)
                .currentState().nameAsString()).isEqualTo("terminated");

        cloudjar.advanceClock(Duration.ofMinutes(61));
        assertEc2Error(() -> ec2.describeInstances(r -> r.instanceIds(web.instanceId())), "InvalidInstanceID.NotFound", 400,
                "The instance ID '" + web.instanceId() + "' does not exist");
        assertThat(ec2.describeInstances().reservations()).isEmpty();
    }

    @Test
    void protectionFlagsRefuseTerminationAndStopUntilCleared() {
        String image = TestLaunches.ubuntu(ec2);
        String id = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1)
                .disableApiTermination(true).disableApiStop(true)).instances().get(0).instanceId();
        cloudjar.advanceClock(Duration.ofSeconds(2));
        assertEc2Error(() -> ec2.terminateInstances(r -> r.instanceIds(id)), "OperationNotPermitted", 400,
                "The instance '" + id + "' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.");
        assertEc2Error(() -> ec2.stopInstances(r -> r.instanceIds(id)), "OperationNotPermitted", 400);
        assertThat(describe(id).state().nameAsString()).isEqualTo("running");
    }

    @Test
    void stateCallsCheckEveryInstanceBeforeChangingAny() {
        Instance a = TestLaunches.running(cloudjar, ec2, "us-east-1a");
        String pending = ec2.runInstances(r -> r.imageId(a.imageId()).instanceType("t2.micro").minCount(1).maxCount(1))
                .instances().get(0).instanceId();

        assertEc2Error(() -> ec2.stopInstances(r -> r.instanceIds(a.instanceId(), pending)), "IncorrectInstanceState", 400,
                "The instance '" + pending + "' is not in a state from which it can be stopped.");
        assertThat(describe(a.instanceId()).state().nameAsString()).isEqualTo("running");
        assertEc2Error(() -> ec2.stopInstances(r -> r.instanceIds(a.instanceId(), "i-0123456789abcdef0", "i-0123456789abcdef1")),
                "InvalidInstanceID.NotFound", 400,
                "The instance IDs 'i-0123456789abcdef0, i-0123456789abcdef1' do not exist");
        assertEc2Error(() -> ec2.rebootInstances(r -> r.instanceIds("i-12")), "InvalidInstanceID.Malformed", 400);
        ec2.rebootInstances(r -> r.instanceIds(a.instanceId()));
        assertThat(describe(a.instanceId()).state().nameAsString()).isEqualTo("running");
    }
}
