package io.cloudjar.ec2;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Snapshot;

class SnapshotsTest extends Ec2SdkTest {
    private String availableVolume(int size, boolean encrypted) {
        String id = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(size).encrypted(encrypted)).volumeId();
        cloudjar.advanceClock(Duration.ofSeconds(2));
        return id;
    }

    private Snapshot describe(Ec2Client client, String snapshotId) {
        return client.describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots().get(0);
    }

    @Test
    void aSnapshotIsPendingThenCompletedOnTheEmulatorClock() {
        String volumeId = availableVolume(8, false);
        var created = ec2.createSnapshot(r -> r.volumeId(volumeId).description("before upgrade")
                .tagSpecifications(t -> t.resourceType("snapshot").tags(tag -> tag.key("Name").value("backup"))));

        assertThat(created.snapshotId()).matches("snap-[0-9a-f]{17}");
        assertThat(created.stateAsString()).isEqualTo("pending");
        assertThat(created.volumeSize()).isEqualTo(8);
        assertThat(created.ownerId()).isEqualTo("000000000000");
        cloudjar.advanceClock(Duration.ofSeconds(2)); // of five: the test's clock moves only when told
        Snapshot partway = describe(ec2, created.snapshotId());
        assertThat(partway.stateAsString()).isEqualTo("pending");
        assertThat(partway.progress()).isEqualTo("40%");
        cloudjar.advanceClock(Duration.ofMillis(2999));
        assertThat(describe(ec2, created.snapshotId()).progress()).isEqualTo("99%");
        cloudjar.advanceClock(Duration.ofMillis(1));
        Snapshot done = describe(ec2, created.snapshotId());
        assertThat(done.stateAsString()).isEqualTo("completed");
        assertThat(done.progress()).isEqualTo("100%");
        assertThat(done.description()).isEqualTo("before upgrade");
        assertThat(done.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("backup"));
    }

    @Test
    void volumesMadeFromASnapshotKeepItsSizeAndEncryption() {
        String volumeId = availableVolume(20, true);
        String snapshotId = ec2.createSnapshot(r -> r.volumeId(volumeId)).snapshotId();
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1b").snapshotId(snapshotId)), "IncorrectState", 400);
        cloudjar.advanceClock(Duration.ofSeconds(10));

        var restored = ec2.createVolume(r -> r.availabilityZone("us-east-1b").snapshotId(snapshotId));
        assertThat(restored.size()).isEqualTo(20);
        assertThat(restored.snapshotId()).isEqualTo(snapshotId);
        assertThat(restored.encrypted()).isTrue();
        assertThat(ec2.createVolume(r -> r.availabilityZone("us-east-1b").snapshotId(snapshotId).size(50)).size()).isEqualTo(50);
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1b").snapshotId(snapshotId).size(10)),
                "InvalidParameterValue", 400);
        assertEc2Error(() -> ec2.createVolume(r -> r.availabilityZone("us-east-1b").snapshotId("snap-0123456789abcdef0")),
                "InvalidSnapshot.NotFound", 400);
        assertThat(ec2.describeVolumes(r -> r.filters(f -> f.name("snapshot-id").values(snapshotId))).volumes()).hasSize(2);
    }

    /**
     * SDK v2 presigns cross-region CopySnapshot itself from the source region's endpoint, which it cannot
     * derive from an endpoint override; a caller-supplied PresignedUrl (ignored by Cloudjar) skips that.
     */
    private static final String PRESIGNED = "https://ec2.us-east-1.amazonaws.com/?Action=CopySnapshot";

    @Test
    void copiesGoToTheCallersRegionFromACompletedSource() {
        String snapshotId = ec2.createSnapshot(r -> r.volumeId(availableVolume(8, false))).snapshotId();
        try (Ec2Client seoul = cloudjar.client(Ec2Client.builder(), Region.AP_NORTHEAST_2, "test", "test")) {
            assertEc2Error(() -> seoul.copySnapshot(r -> r.presignedUrl(PRESIGNED).sourceRegion("us-east-1").sourceSnapshotId(snapshotId)), "IncorrectState", 400);
            cloudjar.advanceClock(Duration.ofSeconds(10));
            String copyId = seoul.copySnapshot(r -> r.presignedUrl(PRESIGNED).sourceRegion("us-east-1").sourceSnapshotId(snapshotId).encrypted(true)).snapshotId();

            Snapshot copy = describe(seoul, copyId);
            assertThat(copy.volumeId()).isEqualTo("vol-ffffffff");
            assertThat(copy.description()).isEqualTo("[Copied " + snapshotId + " from us-east-1]");
            assertThat(copy.encrypted()).isTrue();
            assertThat(copy.kmsKeyId()).startsWith("arn:aws:kms:ap-northeast-2:000000000000:key/");
            assertThat(copy.stateAsString()).isEqualTo("pending");
            assertEc2Error(() -> ec2.describeSnapshots(r -> r.snapshotIds(copyId)), "InvalidSnapshot.NotFound", 400);
            assertEc2Error(() -> seoul.copySnapshot(r -> r.presignedUrl(PRESIGNED).sourceRegion("us-east-1").sourceSnapshotId("snap-0123456789abcdef0")),
                    "InvalidSnapshot.NotFound", 400);
        }
    }

    @Test
    void describeSelectsByOwnerAndFilterAndDeleteRemoves() {
        String volumeId = availableVolume(8, false);
        String first = ec2.createSnapshot(r -> r.volumeId(volumeId).description("daily")).snapshotId();
        String second = ec2.createSnapshot(r -> r.volumeId(volumeId).description("weekly")).snapshotId();
        cloudjar.advanceClock(Duration.ofSeconds(10));

        assertThat(ec2.describeSnapshots(r -> r.ownerIds("self")).snapshots()).hasSize(2);
        assertThat(ec2.describeSnapshots(r -> r.ownerIds("000000000000")).snapshots()).hasSize(2);
        assertThat(ec2.describeSnapshots(r -> r.ownerIds("amazon")).snapshots()).isEmpty();
        assertThat(ec2.describeSnapshots(r -> r.filters(f -> f.name("description").values("week*"))).snapshots())
                .extracting(Snapshot::snapshotId).containsExactly(second);
        assertThat(ec2.describeSnapshots(r -> r.filters(f -> f.name("status").values("completed"),
                f -> f.name("volume-id").values(volumeId))).snapshots()).hasSize(2);
        assertThat(ec2.describeSnapshots(r -> r.maxResults(5)).snapshots()).hasSize(2);
        assertEc2Error(() -> ec2.describeSnapshots(r -> r.snapshotIds("snapshot-1")), "InvalidSnapshotID.Malformed", 400);
        assertEc2Error(() -> ec2.describeSnapshots(r -> r.filters(f -> f.name("colour").values("x"))), "InvalidParameterValue", 400);

        ec2.deleteSnapshot(r -> r.snapshotId(first));
        assertThat(ec2.describeSnapshots().snapshots()).extracting(Snapshot::snapshotId).containsExactly(second);
        assertEc2Error(() -> ec2.deleteSnapshot(r -> r.snapshotId(first)), "InvalidSnapshot.NotFound", 400,
                "The snapshot '" + first + "' does not exist.");
        assertEc2Error(() -> ec2.createSnapshot(r -> r.volumeId("vol-0123456789abcdef0")), "InvalidVolume.NotFound", 400);
    }
}
