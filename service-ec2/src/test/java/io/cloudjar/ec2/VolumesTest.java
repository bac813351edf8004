package io.cloudjar.ec2;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Volume;

class VolumesTest extends Ec2SdkTest {
    private Volume describe(String volumeId) {
        return ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0);
    }

    @Test
    void aNewVolumeIsCreatingThenAvailableWithTheDefaultsOfItsType() {
        CreateVolumeResponse created = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(10)
                .tagSpecifications(t -> t.resourceType("volume").tags(tag -> tag.key("Name").value("data"))));

        assertThat(created.volumeId()).matches("vol-[0-9a-f]{17}");
        assertThat(created.stateAsString()).isEqualTo("creating");
        assertThat(created.volumeTypeAsString()).isEqualTo("gp2");
        assertThat(created.iops()).isEqualTo(100);
        assertThat(created.encrypted()).isFalse();
        assertThat(created.snapshotId()).isEmpty();
        assertThat(created.availabilityZoneId()).isEqualTo("use1-az1");
        cloudjar.advanceClock(Duration.ofSeconds(2));
        Volume volume = describe(created.volumeId());
        assertThat(volume.stateAsString()).isEqualTo("available");
        assertThat(volume.attachments()).isEmpty();
        assertThat(volume.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("data"));

        Volume gp3 = ec2.describeVolumes(r -> r.volumeIds(ec2.createVolume(c -> c.availabilityZone("us-east-1b").size(100)
                .volumeType("gp3").encrypted(true)).volumeId())).volumes().get(0);
        assertThat(gp3.iops()).isEqualTo(3000);
        assertThat(gp3.throughput()).isEqualTo(125);
        assertThat(gp3.kmsKeyId()).startsWith("arn:aws:kms:us-east-1:000000000000:key/");
        assertThat(ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(2000).volumeType("gp2")).iops()).isEqualTo(6000);
    }

    @Test
    void sizeIopsAndThroughputFollowTheRulesOfEachType() {
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(10).iops(300)),
                "InvalidParameterCombination", 400, "The parameter iops is not supported for gp2 volumes.");
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(10).volumeType("io1")),
                "MissingParameter", 400);
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(20).volumeType("gp3").iops(15000)),
                "InvalidParameterValue", 400, "Iops to volume size ratio of 750.000000 is too high; maximum is 500");
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(20000)),
                "InvalidParameterValue", 400, "Volume of 20000GiB is too large; maximum is 16384GiB.");
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(100).volumeType("st1")),
                "InvalidParameterValue", 400, "Volume of 100GiB is too small; minimum is 125GiB.");
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(10).throughput(200)),
                "InvalidParameterCombination", 400);
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(10).volumeType("gp3").throughput(1000)),
                "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1a")), "MissingParameter", 400);
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1z").size(1)), "InvalidZone.NotFound", 400);
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(1).kmsKeyId("alias/mine")),
                "InvalidParameterDependency", 400);
        assertThat(ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(100).volumeType("io2").iops(64000)
                .multiAttachEnabled(true)).multiAttachEnabled()).isTrue();
        assertThat(ec2.describeVolumes().volumes()).hasSize(1);
    }

    @Test
    void dryRunCreatesNothing() {
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(1).dryRun(true)), "DryRunOperation", 412);
        assertEc2Error(() -> ec2.describeVolumes(r -> r.dryRun(true)), "DryRunOperation", 412);
        assertThat(ec2.describeVolumes().volumes()).isEmpty();
    }

    @Test
    void clientTokenMakesCreateVolumeIdempotent() {
        String first = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(1).clientToken("once")).volumeId();
        String second = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(1).clientToken("once")).volumeId();
        assertThat(second).isEqualTo(first);
        assertThat(ec2.describeVolumes().volumes()).hasSize(1);
    }

    @Test
    void describeFiltersPagesAndReportsUnknownIds() {
        for (int i = 0; i < 7; i++) {
            int size = i + 1;
            ec2.createVolume(r -> r.availabilityZone(size % 2 == 0 ? "us-east-1a" : "us-east-1b").size(size)
                    .volumeType(size > 5 ? "gp3" : "gp2"));
        }
        cloudjar.advanceClock(Duration.ofSeconds(2));
        assertThat(ec2.describeVolumes(r -> r.filters(f -> f.name("availability-zone").values("us-east-1a"))).volumes()).hasSize(3);
        assertThat(ec2.describeVolumes(r -> r.filters(f -> f.name("volume-type").values("gp3"), f -> f.name("status").values("available")))
                .volumes()).hasSize(2);
        assertThat(ec2.describeVolumes(r -> r.filters(f -> f.name("size").values("1", "2"))).volumes()).hasSize(2);
        List<String> paged = ec2.describeVolumesPaginator(DescribeVolumesRequest.builder().maxResults(5).build())
                .volumes().stream().map(Volume::volumeId).toList();
        assertThat(paged).hasSize(7).doesNotHaveDuplicates();

        assertEc2Error(() -> ec2.describeVolumes(r -> r.volumeIds("vol-0123456789abcdef0")), "InvalidVolume.NotFound", 400,
                "The volume 'vol-0123456789abcdef0' does not exist.");
        assertEc2Error(() -> ec2.describeVolumes(r -> r.volumeIds("disk-1")), "InvalidVolumeID.Malformed", 400);
        assertEc2Error(() -> ec2.describeVolumes(r -> r.filters(f -> f.name("colour").values("x"))), "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.describeVolumes(r -> r.maxResults(2)), "InvalidParameterValue", 400);
    }

    @Test
    void attachAndDetachMoveThroughTheirStatesOnTheClock() {
        Instance web = TestLaunches.running(cloudjar, ec2, "us-east-1a");
        String volumeId = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(8)).volumeId();
        assertEc2Error(() -> ec2.attachVolume(r -> r.volumeId(volumeId).instanceId(web.instanceId()).device("/dev/sdf")),
                "IncorrectState", 400);
        cloudjar.advanceClock(Duration.ofSeconds(2));

        var attaching = ec2.attachVolume(r -> r.volumeId(volumeId).instanceId(web.instanceId()).device("/dev/sdf"));
        assertThat(attaching.stateAsString()).isEqualTo("attaching");
        assertThat(describe(volumeId).stateAsString()).isEqualTo("in-use");
        cloudjar.advanceClock(Duration.ofSeconds(2));
        Volume inUse = describe(volumeId);
        assertThat(inUse.attachments()).singleElement().satisfies(a -> {
            assertThat(a.stateAsString()).isEqualTo("attached");
            assertThat(a.device()).isEqualTo("/dev/sdf");
            assertThat(a.instanceId()).isEqualTo(web.instanceId());
        });
        assertThat(ec2.describeVolumes(r -> r.filters(f -> f.name("attachment.instance-id").values(web.instanceId()))).volumes()).hasSize(2); // with its root volume

        assertEc2Error(() -> ec2.deleteVolume(r -> r.volumeId(volumeId)), "VolumeInUse", 400,
                "Volume " + volumeId + " is currently attached to " + web.instanceId());
        assertEc2Error(() -> ec2.attachVolume(r -> r.volumeId(volumeId).instanceId(web.instanceId()).device("/dev/sdg")),
                "VolumeInUse", 400);

        assertThat(ec2.detachVolume(r -> r.volumeId(volumeId)).stateAsString()).isEqualTo("detaching");
        assertThat(describe(volumeId).stateAsString()).isEqualTo("in-use");
        cloudjar.advanceClock(Duration.ofSeconds(2));
        assertThat(describe(volumeId).stateAsString()).isEqualTo("available");
        assertThat(describe(volumeId).attachments()).isEmpty();
        assertEc2Error(() -> ec2.detachVolume(r -> r.volumeId(volumeId)), "IncorrectState", 400);
        ec2.deleteVolume(r -> r.volumeId(volumeId));
        assertEc2Error(() -> ec2.deleteVolume(r -> r.volumeId(volumeId)), "InvalidVolume.NotFound", 400);
    }

    @Test
    void attachChecksTheInstanceTheZoneAndTheDeviceName() {
        Instance web = TestLaunches.running(cloudjar, ec2, "us-east-1a");
        Instance gone = TestLaunches.running(cloudjar, ec2, "us-east-1a");
        ec2.terminateInstances(r -> r.instanceIds(gone.instanceId()));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        String a = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(8)).volumeId();
        String b = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(8)).volumeId();
        String elsewhere = ec2.createVolume(r -> r.availabilityZone("us-east-1b").size(8)).volumeId();
        cloudjar.advanceClock(Duration.ofSeconds(2));

        assertEc2Error(() -> ec2.attachVolume(r -> r.volumeId(a).instanceId("i-0123456789abcdef0").device("/dev/sdf")),
                "InvalidInstanceID.NotFound", 400);
        assertEc2Error(() -> ec2.attachVolume(r -> r.volumeId(elsewhere).instanceId(web.instanceId()).device("/dev/sdf")),
                "InvalidVolume.ZoneMismatch", 400);
        assertEc2Error(() -> ec2.attachVolume(r -> r.volumeId(a).instanceId(gone.instanceId()).device("/dev/sdf")),
                "IncorrectInstanceState", 400);
        assertEc2Error(() -> ec2.attachVolume(r -> r.volumeId(a).instanceId(web.instanceId()).device("sdf")),
                "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.attachVolume(r -> r.volumeId(a).instanceId(web.instanceId()).device("/dev/sda")),
                "InvalidParameterValue", 400);
        ec2.attachVolume(r -> r.volumeId(a).instanceId(web.instanceId()).device("/dev/sdf"));
        assertEc2Error(() -> ec2.attachVolume(r -> r.volumeId(b).instanceId(web.instanceId()).device("/dev/xvdf")),
                "InvalidParameterValue", 400, "Invalid value '/dev/xvdf' for unixDevice. Attachment point /dev/xvdf is already in use");
        assertEc2Error(() -> ec2.detachVolume(r -> r.volumeId(a).instanceId(gone.instanceId())), "InvalidAttachment.NotFound", 400);
        ec2.attachVolume(r -> r.volumeId(b).instanceId(web.instanceId()).device("/dev/sdg"));
    }

    @Test
    void modifyVolumeAppliesAtOnceAndAllowsOneChangeEverySixHours() {
        Instance web = TestLaunches.running(cloudjar, ec2, "us-east-1a");
        String volumeId = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(8)).volumeId();
        cloudjar.advanceClock(Duration.ofSeconds(2));
        ec2.attachVolume(r -> r.volumeId(volumeId).instanceId(web.instanceId()).device("/dev/sdf"));

        var modification = ec2.modifyVolume(r -> r.volumeId(volumeId).size(20).volumeType("gp3")).volumeModification();
        assertThat(modification.modificationStateAsString()).isEqualTo("modifying");
        assertThat(modification.originalSize()).isEqualTo(8);
        assertThat(modification.targetSize()).isEqualTo(20);
        assertThat(modification.targetIops()).isEqualTo(3000);
        Volume modified = describe(volumeId);
        assertThat(modified.size()).isEqualTo(20);
        assertThat(modified.volumeTypeAsString()).isEqualTo("gp3");
        assertEc2Error(() -> ec2.modifyVolume(r -> r.volumeId(volumeId).size(30)), "IncorrectModificationState", 400);

        cloudjar.advanceClock(Duration.ofSeconds(10));
        assertThat(ec2.describeVolumesModifications(r -> r.volumeIds(volumeId)).volumesModifications()).singleElement()
                .satisfies(m -> {
                    assertThat(m.modificationStateAsString()).isEqualTo("completed");
                    assertThat(m.progress()).isEqualTo(100L);
                });
        assertEc2Error(() -> ec2.modifyVolume(r -> r.volumeId(volumeId).size(30)), "VolumeModificationRateExceeded", 400);
        cloudjar.advanceClock(Duration.ofHours(6));
        assertEc2Error(() -> ec2.modifyVolume(r -> r.volumeId(volumeId).size(10)), "InvalidParameterValue", 400,
                "New size cannot be smaller than existing size");
        assertThat(ec2.modifyVolume(r -> r.volumeId(volumeId).iops(6000)).volumeModification().targetIops()).isEqualTo(6000);
        String fresh = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(8)).volumeId();
        assertEc2Error(() -> ec2.describeVolumesModifications(r -> r.volumeIds(fresh)), "InvalidVolumeModification.NotFound", 400);
    }
}
