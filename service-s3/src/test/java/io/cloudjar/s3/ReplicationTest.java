package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteMarkerReplicationStatus;
import software.amazon.awssdk.services.s3.model.EncryptionType;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.ReplicationStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** Replication running on the emulator clock: PENDING on the source, then the replica in the destination. */
class ReplicationTest {
    private static final String ROLE = "arn:aws:iam::000000000000:role/replication";

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private final S3Client s3 = S3Clients.pathStyle(cloudjar);

    @Test
    void newVersionsReplicateToAnotherRegionWithTheirVersionIdAndStatus() {
        versioned(s3, "rep-src", null);
        try (S3Client west = S3Clients.of(cloudjar, "path", Region.EU_WEST_1, "000000000000")) {
            versioned(west, "rep-dst-eu", BucketLocationConstraint.EU_WEST_1);
        }
        s3.putObject(r -> r.bucket("rep-src").key("before"), RequestBody.fromString("old"));
        s3.putBucketReplication(r -> r.bucket("rep-src").replicationConfiguration(c -> c.role(ROLE).rules(ReplicationRule.builder()
                .id("docs").priority(1).status(ReplicationRuleStatus.ENABLED).filter(f -> f.prefix("docs/"))
                .deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus.DISABLED))
                .destination(d -> d.bucket("arn:aws:s3:::rep-dst-eu").storageClass(StorageClass.STANDARD_IA)).build())));
        String version = s3.putObject(r -> r.bucket("rep-src").key("docs/a.txt").metadata(java.util.Map.of("k", "v")),
                RequestBody.fromString("hello")).versionId();
        s3.putObject(r -> r.bucket("rep-src").key("other.txt"), RequestBody.fromString("x"));

        assertThat(s3.headObject(r -> r.bucket("rep-src").key("docs/a.txt")).replicationStatus()).isEqualTo(ReplicationStatus.PENDING);
        assertS3Error(404, "NoSuchKey", () -> s3.headObject(r -> r.bucket("rep-dst-eu").key("docs/a.txt")));

        cloudjar.advanceClock(Duration.ofSeconds(1));
        assertThat(s3.headObject(r -> r.bucket("rep-src").key("docs/a.txt")).replicationStatus())
                .isEqualTo(ReplicationStatus.COMPLETED);
        HeadObjectResponse replica = s3.headObject(r -> r.bucket("rep-dst-eu").key("docs/a.txt"));
        assertThat(replica.replicationStatus()).isEqualTo(ReplicationStatus.REPLICA);
        assertThat(replica.versionId()).isEqualTo(version);
        assertThat(replica.metadata()).containsEntry("k", "v");
        assertThat(replica.storageClassAsString()).isEqualTo("STANDARD_IA");
        assertThat(s3.getObjectAsBytes(r -> r.bucket("rep-dst-eu").key("docs/a.txt")).asUtf8String()).isEqualTo("hello");
        assertS3Error(404, "NoSuchKey", () -> s3.headObject(r -> r.bucket("rep-dst-eu").key("other.txt")));
        assertS3Error(404, "NoSuchKey", () -> s3.headObject(r -> r.bucket("rep-dst-eu").key("before")));
        assertThat(s3.headObject(r -> r.bucket("rep-src").key("other.txt")).replicationStatus()).isNull();

        s3.deleteObject(r -> r.bucket("rep-src").key("docs/a.txt"));
        cloudjar.advanceClock(Duration.ofSeconds(1));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("rep-dst-eu").key("docs/a.txt")).asUtf8String())
                .as("delete markers stay unless DeleteMarkerReplication is Enabled").isEqualTo("hello");
    }

    @Test
    void deleteMarkersAndTaggedObjectsReplicateToAnotherAccount() {
        versioned(s3, "rep-src2", null);
        try (S3Client theirs = S3Clients.of(cloudjar, "path", Region.US_EAST_1, "111111111111")) {
            versioned(theirs, "rep-dst-other", null);
            s3.putBucketReplication(r -> r.bucket("rep-src2").replicationConfiguration(c -> c.role(ROLE).rules(
                    ReplicationRule.builder().id("all").priority(1).status(ReplicationRuleStatus.ENABLED).filter(f -> f.prefix(""))
                            .deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus.ENABLED))
                            .destination(d -> d.bucket("arn:aws:s3:::rep-dst-other").account("111111111111")).build())));
            s3.putObject(r -> r.bucket("rep-src2").key("k"), RequestBody.fromString("1"));
            cloudjar.advanceClock(Duration.ofSeconds(1));
            assertThat(theirs.getObjectAsBytes(r -> r.bucket("rep-dst-other").key("k")).asUtf8String()).isEqualTo("1");

            String marker = s3.deleteObject(r -> r.bucket("rep-src2").key("k")).versionId();
            cloudjar.advanceClock(Duration.ofSeconds(1));
            assertS3Error(404, "NoSuchKey", () -> theirs.getObject(r -> r.bucket("rep-dst-other").key("k")));
            assertThat(theirs.listObjectVersions(r -> r.bucket("rep-dst-other")).deleteMarkers())
                    .singleElement().satisfies(m -> assertThat(m.versionId()).isEqualTo(marker));
        }
    }

    @Test
    void tagFiltersChooseWhatReplicates() {
        versioned(s3, "rep-src3", null);
        versioned(s3, "rep-dst3", null);
        s3.putBucketReplication(r -> r.bucket("rep-src3").replicationConfiguration(c -> c.role(ROLE).rules(ReplicationRule.builder()
                .id("tagged").priority(1).status(ReplicationRuleStatus.ENABLED).filter(f -> f.tag(t -> t.key("copy").value("yes")))
                .deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus.DISABLED))
                .destination(d -> d.bucket("arn:aws:s3:::rep-dst3")).build())));
        s3.putObject(r -> r.bucket("rep-src3").key("tagged").tagging("copy=yes"), RequestBody.fromString("t"));
        s3.putObject(r -> r.bucket("rep-src3").key("plain"), RequestBody.fromString("p"));
        cloudjar.advanceClock(Duration.ofSeconds(1));
        assertThat(s3.getObjectTagging(r -> r.bucket("rep-dst3").key("tagged")).tagSet()).hasSize(1);
        assertS3Error(404, "NoSuchKey", () -> s3.headObject(r -> r.bucket("rep-dst3").key("plain")));
    }

    @Test
    void aDestinationLosingItsVersioningMakesTheCopyFail() {
        versioned(s3, "rep-src4", null);
        versioned(s3, "rep-dst4", null);
        s3.putBucketReplication(r -> r.bucket("rep-src4").replicationConfiguration(c -> c.role(ROLE).rules(ReplicationRule.builder()
                .id("x").priority(1).status(ReplicationRuleStatus.ENABLED).filter(f -> f.prefix(""))
                .deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus.DISABLED))
                .destination(d -> d.bucket("arn:aws:s3:::rep-dst4")).build())));
        s3.putBucketVersioning(r -> r.bucket("rep-dst4").versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        s3.putObject(r -> r.bucket("rep-src4").key("k"), RequestBody.fromString("1"));
        cloudjar.advanceClock(Duration.ofSeconds(1));
        assertThat(s3.headObject(r -> r.bucket("rep-src4").key("k")).replicationStatus()).isEqualTo(ReplicationStatus.FAILED);
    }

    @Test
    void customerKeyObjectsFailToReplicateIntoABucketBlockingThem() {
        versioned(s3, "rep-src5", null);
        versioned(s3, "rep-dst5", null);
        s3.putBucketEncryption(r -> r.bucket("rep-src5").serverSideEncryptionConfiguration(c -> c.rules(ServerSideEncryptionRule
                .builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))
                .blockedEncryptionTypes(t -> t.encryptionType(EncryptionType.NONE)).build())));
        s3.putBucketReplication(r -> r.bucket("rep-src5").replicationConfiguration(c -> c.role(ROLE).rules(ReplicationRule.builder()
                .id("x").priority(1).status(ReplicationRuleStatus.ENABLED).filter(f -> f.prefix(""))
                .deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus.DISABLED))
                .destination(d -> d.bucket("arn:aws:s3:::rep-dst5")).build())));
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String md5 = "cLyPS3KoaSFGi/joRB3OUQ=="; // base64 MD5 of 32 zero bytes
        s3.putObject(r -> r.bucket("rep-src5").key("k").sseCustomerAlgorithm("AES256").sseCustomerKey(key).sseCustomerKeyMD5(md5),
                RequestBody.fromString("1"));
        cloudjar.advanceClock(Duration.ofSeconds(1));
        assertThat(s3.headObject(r -> r.bucket("rep-src5").key("k").sseCustomerAlgorithm("AES256").sseCustomerKey(key)
                .sseCustomerKeyMD5(md5)).replicationStatus()).isEqualTo(ReplicationStatus.FAILED);
    }

    private static void versioned(S3Client client, String bucket, BucketLocationConstraint region) {
        client.createBucket(b -> b.bucket(bucket).createBucketConfiguration(region == null ? null
                : software.amazon.awssdk.services.s3.model.CreateBucketConfiguration.builder().locationConstraint(region).build()));
        client.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }
}
