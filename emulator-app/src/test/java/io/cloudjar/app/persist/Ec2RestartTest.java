package io.cloudjar.app.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/** EC2's state with PERSISTENCE=1: what calls created is there, the same, after a restart. */
class Ec2RestartTest {
    private static final Path DATA = DataDirs.fresh();

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withPersistence(DATA);

    private Ec2Client ec2() {
        return cloudjar.client(Ec2Client.builder());
    }

    @Test
    void instancesVolumesSnapshotsKeyPairsAndImagesSurviveARestart() throws Exception {
        Ec2Client ec2 = ec2();
        String imageId = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        var key = ec2.createKeyPair(r -> r.keyName("kim"));
        Instance launched = ec2.runInstances(r -> r.imageId(imageId).instanceType("t2.micro").keyName("kim").minCount(1)
                .maxCount(1).clientToken("once").tagSpecifications(t -> t.resourceType("instance")
                        .tags(tag -> tag.key("Name").value("web")))).instances().get(0);
        String volumeId = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(8)).volumeId();
        cloudjar.advanceClock(Duration.ofMinutes(2));
        String snapshotId = ec2.createSnapshot(r -> r.volumeId(volumeId)).snapshotId();
        String myImage = ec2.createImage(r -> r.instanceId(launched.instanceId()).name("golden")).imageId();
        cloudjar.advanceClock(Duration.ofMinutes(10));
        Instance before = ec2.describeInstances(r -> r.instanceIds(launched.instanceId())).reservations().get(0).instances().get(0);

        cloudjar.restart();
        ec2 = ec2();

        Instance after = ec2.describeInstances(r -> r.instanceIds(launched.instanceId())).reservations().get(0).instances().get(0);
        assertThat(after).isEqualTo(before);
        assertThat(after.state().nameAsString()).isEqualTo("running");
        assertThat(ec2.describeKeyPairs(r -> r.keyNames("kim")).keyPairs().get(0).keyFingerprint())
                .isEqualTo(key.keyFingerprint());
        assertThat(ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0).stateAsString()).isEqualTo("available");
        assertThat(ec2.describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots().get(0).stateAsString()).isEqualTo("completed");
        assertThat(ec2.describeImages(r -> r.imageIds(myImage)).images().get(0).name()).isEqualTo("golden");
        // the client token still names the first launch: a retry does not launch again
        assertThat(ec2.runInstances(r -> r.imageId(imageId).instanceType("t2.micro").minCount(1).maxCount(1)
                .clientToken("once")).instances().get(0).instanceId()).isEqualTo(launched.instanceId());
        // the clock kept its time: the instance did not go back to pending
        ec2.stopInstances(r -> r.instanceIds(launched.instanceId()));
        cloudjar.advanceClock(Duration.ofMinutes(5));
        assertThat(ec2.describeInstances(r -> r.instanceIds(launched.instanceId())).reservations().get(0).instances().get(0)
                .state().nameAsString()).isEqualTo("stopped");
    }
}
