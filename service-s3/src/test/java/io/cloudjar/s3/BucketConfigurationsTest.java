package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAccelerateStatus;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.Payer;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

/** Every stored bucket configuration: its round trip, and the answer S3 gives when it is not set. */
class BucketConfigurationsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private final S3Client s3 = S3Clients.pathStyle(cloudjar);

    private String bucket(String name) {
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    @Test
    void corsRoundTripsAndIsRefusedWithUnsupportedMethods() {
        String b = bucket("cfg-cors");
        assertS3Error(404, "NoSuchCORSConfiguration", () -> s3.getBucketCors(r -> r.bucket(b)));
        CORSRule rule = CORSRule.builder().allowedMethods("GET", "PUT").allowedOrigins("https://*.example.com")
                .allowedHeaders("*").exposeHeaders("ETag").maxAgeSeconds(300).id("web").build();
        s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(rule)));
        assertThat(s3.getBucketCors(r -> r.bucket(b)).corsRules()).containsExactly(rule);
        var e = assertS3Error(400, "InvalidRequest", () -> s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(
                CORSRule.builder().allowedMethods("PATCH").allowedOrigins("*").build()))));
        assertThat(e.awsErrorDetails().errorMessage()).contains("Unsupported method is PATCH");
        s3.deleteBucketCors(r -> r.bucket(b));
        assertS3Error(404, "NoSuchCORSConfiguration", () -> s3.getBucketCors(r -> r.bucket(b)));
    }

    @Test
    void websiteRoundTripsAndNeedsAnIndexDocumentOrARedirect() {
        String b = bucket("cfg-website");
        assertS3Error(404, "NoSuchWebsiteConfiguration", () -> s3.getBucketWebsite(r -> r.bucket(b)));
        s3.putBucketWebsite(r -> r.bucket(b).websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html"))
                .errorDocument(d -> d.key("error.html"))));
        var website = s3.getBucketWebsite(r -> r.bucket(b));
        assertThat(website.indexDocument().suffix()).isEqualTo("index.html");
        assertThat(website.errorDocument().key()).isEqualTo("error.html");
        assertS3Error(400, "InvalidArgument", () -> s3.putBucketWebsite(r -> r.bucket(b)
                .websiteConfiguration(w -> w.errorDocument(d -> d.key("error.html")))));
        assertS3Error(400, "InvalidArgument", () -> s3.putBucketWebsite(r -> r.bucket(b)
                .websiteConfiguration(w -> w.indexDocument(i -> i.suffix("a/index.html")))));
        s3.deleteBucketWebsite(r -> r.bucket(b));
        assertS3Error(404, "NoSuchWebsiteConfiguration", () -> s3.getBucketWebsite(r -> r.bucket(b)));
    }

    @Test
    void lifecycleRoundTripsWithTheTransitionMinimumSize() {
        String b = bucket("cfg-lifecycle");
        assertS3Error(404, "NoSuchLifecycleConfiguration", () -> s3.getBucketLifecycleConfiguration(r -> r.bucket(b)));
        LifecycleRule rule = LifecycleRule.builder().id("expire-logs").status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix("logs/")).expiration(e -> e.days(30)).build();
        var put = s3.putBucketLifecycleConfiguration(r -> r.bucket(b).lifecycleConfiguration(c -> c.rules(rule)));
        assertThat(put.transitionDefaultMinimumObjectSizeAsString()).isEqualTo("all_storage_classes_128K");
        var got = s3.getBucketLifecycleConfiguration(r -> r.bucket(b));
        assertThat(got.rules()).containsExactly(rule);
        assertThat(got.transitionDefaultMinimumObjectSizeAsString()).isEqualTo("all_storage_classes_128K");
        assertS3Error(400, "InvalidArgument", () -> s3.putBucketLifecycleConfiguration(r -> r.bucket(b)
                .lifecycleConfiguration(c -> c.rules(rule.toBuilder().expiration(e -> e.days(0)).build()))));
        assertS3Error(400, "InvalidArgument", () -> s3.putBucketLifecycleConfiguration(r -> r.bucket(b)
                .lifecycleConfiguration(c -> c.rules(rule, rule))));
        s3.deleteBucketLifecycle(r -> r.bucket(b));
        assertS3Error(404, "NoSuchLifecycleConfiguration", () -> s3.getBucketLifecycleConfiguration(r -> r.bucket(b)));
    }

    @Test
    void encryptionDefaultsToSseS3AndReturnsToItWhenDeleted() {
        String b = bucket("cfg-encryption");
        var byDefault = s3.getBucketEncryption(r -> r.bucket(b)).serverSideEncryptionConfiguration().rules().get(0);
        assertThat(byDefault.applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(byDefault.bucketKeyEnabled()).isFalse();
        s3.putBucketEncryption(r -> r.bucket(b).serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
                .bucketKeyEnabled(true).applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID("alias/mine")))));
        var kms = s3.getBucketEncryption(r -> r.bucket(b)).serverSideEncryptionConfiguration().rules().get(0);
        assertThat(kms.applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo("alias/mine");
        assertThat(kms.bucketKeyEnabled()).isTrue();
        assertS3Error(400, "InvalidArgument", () -> s3.putBucketEncryption(r -> r.bucket(b)
                .serverSideEncryptionConfiguration(c -> c.rules(rule -> rule.applyServerSideEncryptionByDefault(d -> d
                        .sseAlgorithm(ServerSideEncryption.AES256).kmsMasterKeyID("alias/mine"))))));
        s3.deleteBucketEncryption(r -> r.bucket(b));
        assertThat(s3.getBucketEncryption(r -> r.bucket(b)).serverSideEncryptionConfiguration().rules().get(0)
                .applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
    }

    @Test
    void bucketTagsRoundTripAndRefuseSystemKeys() {
        String b = bucket("cfg-tags");
        assertS3Error(404, "NoSuchTagSet", () -> s3.getBucketTagging(r -> r.bucket(b)));
        Tag env = Tag.builder().key("env").value("prod").build();
        s3.putBucketTagging(r -> r.bucket(b).tagging(t -> t.tagSet(env)));
        assertThat(s3.getBucketTagging(r -> r.bucket(b)).tagSet()).containsExactly(env);
        assertS3Error(400, "InvalidTag", () -> s3.putBucketTagging(r -> r.bucket(b)
                .tagging(t -> t.tagSet(Tag.builder().key("aws:x").value("1").build()))));
        s3.deleteBucketTagging(r -> r.bucket(b));
        assertS3Error(404, "NoSuchTagSet", () -> s3.getBucketTagging(r -> r.bucket(b)));
    }

    @Test
    void replicationNeedsVersionedSourceAndDestination() {
        String source = bucket("cfg-repl-source");
        String destination = bucket("cfg-repl-destination");
        assertS3Error(404, "ReplicationConfigurationNotFoundError", () -> s3.getBucketReplication(r -> r.bucket(source)));
        var put = (java.util.function.Consumer<software.amazon.awssdk.services.s3.model.PutBucketReplicationRequest.Builder>)
                r -> r.bucket(source).replicationConfiguration(c -> c.role("arn:aws:iam::000000000000:role/replication")
                        .rules(rule -> rule.id("all").priority(1).status(ReplicationRuleStatus.ENABLED).filter(f -> f.prefix(""))
                                .deleteMarkerReplication(d -> d.status("Disabled"))
                                .destination(d -> d.bucket("arn:aws:s3:::" + destination))));
        assertS3Error(400, "InvalidRequest", () -> s3.putBucketReplication(put));
        s3.putBucketVersioning(r -> r.bucket(source).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        var e = assertS3Error(400, "InvalidRequest", () -> s3.putBucketReplication(put));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Destination bucket must have versioning enabled.");
        s3.putBucketVersioning(r -> r.bucket(destination).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putBucketReplication(put);
        var got = s3.getBucketReplication(r -> r.bucket(source)).replicationConfiguration();
        assertThat(got.rules().get(0).destination().bucket()).isEqualTo("arn:aws:s3:::" + destination);
        s3.deleteBucketReplication(r -> r.bucket(source));
        assertS3Error(404, "ReplicationConfigurationNotFoundError", () -> s3.getBucketReplication(r -> r.bucket(source)));
    }

    @Test
    void objectLockIsEnabledAtCreationOrOnAVersionedBucket() {
        String plain = bucket("cfg-lock-plain");
        assertS3Error(404, "ObjectLockConfigurationNotFoundError", () -> s3.getObjectLockConfiguration(r -> r.bucket(plain)));
        assertS3Error(409, "InvalidBucketState", () -> s3.putObjectLockConfiguration(r -> r.bucket(plain)
                .objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED))));

        s3.createBucket(r -> r.bucket("cfg-lock").objectLockEnabledForBucket(true));
        assertThat(s3.getObjectLockConfiguration(r -> r.bucket("cfg-lock")).objectLockConfiguration().objectLockEnabled())
                .isEqualTo(ObjectLockEnabled.ENABLED);
        assertThat(s3.getBucketVersioning(r -> r.bucket("cfg-lock")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        s3.putObjectLockConfiguration(r -> r.bucket("cfg-lock").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(5)))));
        assertThat(s3.getObjectLockConfiguration(r -> r.bucket("cfg-lock")).objectLockConfiguration().rule()
                .defaultRetention().days()).isEqualTo(5);
        assertS3Error(400, "MalformedXML", () -> s3.putObjectLockConfiguration(r -> r.bucket("cfg-lock")
                .objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)
                        .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(5).years(1))))));
    }

    @Test
    void loggingNotificationsPaymentAndAccelerationAnswerTheirDefaultsThenWhatWasSet() {
        String b = bucket("cfg-misc");
        String target = bucket("cfg-misc-logs");
        assertThat(s3.getBucketLogging(r -> r.bucket(b)).loggingEnabled()).isNull();
        assertS3Error(400, "InvalidTargetBucketForLogging", () -> s3.putBucketLogging(r -> r.bucket(b)
                .bucketLoggingStatus(s -> s.loggingEnabled(l -> l.targetBucket("cfg-no-such").targetPrefix("logs/")))));
        s3.putBucketLogging(r -> r.bucket(b).bucketLoggingStatus(s -> s.loggingEnabled(l -> l.targetBucket(target)
                .targetPrefix("logs/"))));
        assertThat(s3.getBucketLogging(r -> r.bucket(b)).loggingEnabled().targetBucket()).isEqualTo(target);

        var none = s3.getBucketNotificationConfiguration(r -> r.bucket(b));
        assertThat(none.queueConfigurations()).isEmpty();
        s3.putBucketNotificationConfiguration(r -> r.bucket(b).notificationConfiguration(n -> n.queueConfigurations(q -> q
                .id("q").queueArn("arn:aws:sqs:us-east-1:000000000000:events").eventsWithStrings("s3:ObjectCreated:*"))));
        assertThat(s3.getBucketNotificationConfiguration(r -> r.bucket(b)).queueConfigurations().get(0).queueArn())
                .endsWith(":events");

        assertThat(s3.getBucketRequestPayment(r -> r.bucket(b)).payer()).isEqualTo(Payer.BUCKET_OWNER);
        s3.putBucketRequestPayment(r -> r.bucket(b).requestPaymentConfiguration(p -> p.payer(Payer.REQUESTER)));
        assertThat(s3.getBucketRequestPayment(r -> r.bucket(b)).payer()).isEqualTo(Payer.REQUESTER);

        assertThat(s3.getBucketAccelerateConfiguration(r -> r.bucket(b)).status()).isNull();
        s3.putBucketAccelerateConfiguration(r -> r.bucket(b).accelerateConfiguration(a -> a.status(BucketAccelerateStatus.ENABLED)));
        assertThat(s3.getBucketAccelerateConfiguration(r -> r.bucket(b)).status()).isEqualTo(BucketAccelerateStatus.ENABLED);
        String dotted = bucket("cfg.dotted");
        assertS3Error(400, "InvalidRequest", () -> s3.putBucketAccelerateConfiguration(r -> r.bucket(dotted)
                .accelerateConfiguration(a -> a.status(BucketAccelerateStatus.ENABLED))));
    }

    @Test
    void configurationsKeptByIdRoundTripAndList() {
        String b = bucket("cfg-named");
        assertS3Error(404, "NoSuchConfiguration", () -> s3.getBucketMetricsConfiguration(r -> r.bucket(b).id("all")));
        s3.putBucketMetricsConfiguration(r -> r.bucket(b).id("all").metricsConfiguration(m -> m.id("all")));
        s3.putBucketMetricsConfiguration(r -> r.bucket(b).id("docs").metricsConfiguration(m -> m.id("docs")
                .filter(f -> f.prefix("docs/"))));
        assertThat(s3.getBucketMetricsConfiguration(r -> r.bucket(b).id("docs")).metricsConfiguration().filter().prefix())
                .isEqualTo("docs/");
        assertThat(s3.listBucketMetricsConfigurations(r -> r.bucket(b)).metricsConfigurationList())
                .extracting(m -> m.id()).containsExactly("all", "docs");
        s3.deleteBucketMetricsConfiguration(r -> r.bucket(b).id("all"));
        assertS3Error(404, "NoSuchConfiguration", () -> s3.deleteBucketMetricsConfiguration(r -> r.bucket(b).id("all")));

        s3.putBucketIntelligentTieringConfiguration(r -> r.bucket(b).id("arch").intelligentTieringConfiguration(c -> c
                .id("arch").status("Enabled").tierings(t -> t.accessTier("ARCHIVE_ACCESS").days(90))));
        assertThat(s3.listBucketIntelligentTieringConfigurations(r -> r.bucket(b)).intelligentTieringConfigurationList())
                .hasSize(1);
        assertS3Error(404, "NoSuchConfiguration", () -> s3.getBucketAnalyticsConfiguration(r -> r.bucket(b).id("x")));
        assertS3Error(404, "NoSuchConfiguration", () -> s3.getBucketInventoryConfiguration(r -> r.bucket(b).id("x")));
    }

    @Test
    void retentionAndLegalHoldAreKeptPerVersionInLockedBuckets() {
        String plain = bucket("cfg-retention-plain");
        s3.putObject(r -> r.bucket(plain).key("k"), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        assertS3Error(400, "InvalidRequest", () -> s3.getObjectRetention(r -> r.bucket(plain).key("k")));

        s3.createBucket(r -> r.bucket("cfg-retention").objectLockEnabledForBucket(true));
        var put = s3.putObject(r -> r.bucket("cfg-retention").key("k"), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        java.time.Instant now = s3.headObject(r -> r.bucket("cfg-retention").key("k")).lastModified();
        assertS3Error(404, "NoSuchObjectLockConfiguration", () -> s3.getObjectRetention(r -> r.bucket("cfg-retention").key("k")));
        assertS3Error(404, "NoSuchObjectLockConfiguration", () -> s3.getObjectLegalHold(r -> r.bucket("cfg-retention").key("k")));
        assertS3Error(400, "InvalidArgument", () -> s3.putObjectRetention(r -> r.bucket("cfg-retention").key("k")
                .retention(t -> t.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(now.minusSeconds(60)))));

        java.time.Instant later = now.plus(java.time.Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        s3.putObjectRetention(r -> r.bucket("cfg-retention").key("k").versionId(put.versionId())
                .retention(t -> t.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(later)));
        var retention = s3.getObjectRetention(r -> r.bucket("cfg-retention").key("k")).retention();
        assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
        assertThat(retention.retainUntilDate()).isEqualTo(later);
        assertS3Error(403, "AccessDenied", () -> s3.putObjectRetention(r -> r.bucket("cfg-retention").key("k")
                .retention(t -> t.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(later.minusSeconds(3600)))));

        s3.putObjectLegalHold(r -> r.bucket("cfg-retention").key("k").legalHold(h -> h.status("ON")));
        assertThat(s3.getObjectLegalHold(r -> r.bucket("cfg-retention").key("k")).legalHold().statusAsString()).isEqualTo("ON");
    }

    @Test
    void lockedVersionsCannotBeDeletedUntilTheirRetentionEnds() {
        s3.createBucket(r -> r.bucket("cfg-locked").objectLockEnabledForBucket(true));
        s3.putObjectLockConfiguration(r -> r.bucket("cfg-locked").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(1)))));
        String governed = s3.putObject(r -> r.bucket("cfg-locked").key("k"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("1")).versionId();
        assertThat(s3.getObjectRetention(r -> r.bucket("cfg-locked").key("k").versionId(governed)).retention().mode())
                .isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
        var e = assertS3Error(403, "AccessDenied", () -> s3.deleteObject(r -> r.bucket("cfg-locked").key("k").versionId(governed)));
        assertThat(e.awsErrorDetails().errorMessage()).contains("object lock");
        // a delete without a version id only adds a delete marker
        s3.deleteObject(r -> r.bucket("cfg-locked").key("k"));
        s3.deleteObject(r -> r.bucket("cfg-locked").key("k").versionId(governed).bypassGovernanceRetention(true));

        String held = s3.putObject(r -> r.bucket("cfg-locked").key("held").objectLockLegalHoldStatus("ON"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("2")).versionId();
        s3.putObjectRetention(r -> r.bucket("cfg-locked").key("held").versionId(held).bypassGovernanceRetention(true)
                .retention(t -> t.mode((ObjectLockRetentionMode) null).retainUntilDate(null)));
        var refused = s3.deleteObjects(r -> r.bucket("cfg-locked").bypassGovernanceRetention(true)
                .delete(d -> d.objects(o -> o.key("held").versionId(held))));
        assertThat(refused.errors()).singleElement().satisfies(err -> assertThat(err.code()).isEqualTo("AccessDenied"));
        s3.putObjectLegalHold(r -> r.bucket("cfg-locked").key("held").versionId(held).legalHold(h -> h.status("OFF")));
        assertThat(s3.deleteObjects(r -> r.bucket("cfg-locked").delete(d -> d.objects(o -> o.key("held").versionId(held))))
                .errors()).isEmpty();
    }

    @Test
    void copiesAndMultipartUploadsAreLockedAsUploadsAre() {
        s3.createBucket(r -> r.bucket("cfg-locked-2").objectLockEnabledForBucket(true));
        s3.putObjectLockConfiguration(r -> r.bucket("cfg-locked-2").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).days(1)))));
        s3.createBucket(r -> r.bucket("cfg-unlocked"));
        s3.putObject(r -> r.bucket("cfg-unlocked").key("src"), software.amazon.awssdk.core.sync.RequestBody.fromString("s"));

        String copied = s3.copyObject(r -> r.sourceBucket("cfg-unlocked").sourceKey("src").destinationBucket("cfg-locked-2")
                .destinationKey("copy")).versionId();
        assertThat(s3.getObjectRetention(r -> r.bucket("cfg-locked-2").key("copy").versionId(copied)).retention().mode())
                .isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
        assertS3Error(403, "AccessDenied", () -> s3.deleteObject(r -> r.bucket("cfg-locked-2").key("copy").versionId(copied)));

        String upload = s3.createMultipartUpload(r -> r.bucket("cfg-locked-2").key("mpu").objectLockLegalHoldStatus("ON"))
                .uploadId();
        String etag = s3.uploadPart(r -> r.bucket("cfg-locked-2").key("mpu").uploadId(upload).partNumber(1),
                software.amazon.awssdk.core.sync.RequestBody.fromString("part")).eTag();
        String completed = s3.completeMultipartUpload(r -> r.bucket("cfg-locked-2").key("mpu").uploadId(upload)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag)))).versionId();
        assertThat(s3.getObjectLegalHold(r -> r.bucket("cfg-locked-2").key("mpu").versionId(completed)).legalHold().statusAsString())
                .isEqualTo("ON");
        assertThat(s3.getObjectRetention(r -> r.bucket("cfg-locked-2").key("mpu").versionId(completed)).retention().mode())
                .isEqualTo(ObjectLockRetentionMode.COMPLIANCE);

        assertS3Error(400, "InvalidRequest", () -> s3.copyObject(r -> r.sourceBucket("cfg-unlocked").sourceKey("src")
                .destinationBucket("cfg-unlocked").destinationKey("c2").objectLockLegalHoldStatus("ON")));
        assertS3Error(400, "InvalidRequest", () -> s3.createMultipartUpload(r -> r.bucket("cfg-unlocked").key("m")
                .objectLockLegalHoldStatus("ON")));
    }
}
