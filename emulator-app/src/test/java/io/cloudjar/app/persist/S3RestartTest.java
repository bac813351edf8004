package io.cloudjar.app.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/** S3 with PERSISTENCE=1: buckets, settings, versions, bodies and uploads in progress are there after a restart. */
class S3RestartTest {
    private static final Path DATA = DataDirs.fresh();
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
            + "\"Action\":\"s3:DeleteBucket\",\"Resource\":\"arn:aws:s3:::kept-bucket\"}]}";

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withPersistence(DATA);

    private static S3Client s3() {
        return cloudjar.client(S3Client.builder().forcePathStyle(true));
    }

    private static String events() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(cloudjar.endpoint().resolve("/_cloudjar/s3/events?bucket=noticed"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void recordedEventsAndAccessLogsWaitingForTheirMinuteAreKept() throws Exception {
        S3Client s3 = s3();
        s3.createBucket(r -> r.bucket("noticed"));
        s3.createBucket(r -> r.bucket("noticed-logs"));
        s3.putBucketNotificationConfiguration(r -> r.bucket("noticed").notificationConfiguration(c -> c
                .queueConfigurations(q -> q.id("all").queueArn("arn:aws:sqs:us-east-1:000000000000:uploads")
                        .eventsWithStrings("s3:ObjectCreated:*"))));
        s3.putBucketLogging(r -> r.bucket("noticed").bucketLoggingStatus(st -> st.loggingEnabled(l -> l
                .targetBucket("noticed-logs").targetPrefix("access/"))));
        s3.putObject(r -> r.bucket("noticed").key("before-restart.txt"), RequestBody.fromString("hello"));
        String before = events();
        assertThat(before).contains("before-restart.txt").contains("s3:TestEvent");

        cloudjar.restart();
        s3 = s3();

        assertThat(events()).isEqualTo(before);
        cloudjar.advanceClock(java.time.Duration.ofMinutes(2));
        s3.listBuckets(); // the first call after the batch's minute delivers it
        S3Client reader = s3;
        List<String> keys = reader.listObjectsV2(r -> r.bucket("noticed-logs")).contents().stream().map(o -> o.key()).toList();
        assertThat(keys).singleElement().satisfies(k -> assertThat(k).startsWith("access/"));
        assertThat(reader.getObjectAsBytes(r -> r.bucket("noticed-logs").key(keys.get(0))).asUtf8String())
                .contains("REST.PUT.OBJECT before-restart.txt");
    }

    @Test
    void aCopyStillPendingAtTheRestartIsMadeAfterIt() throws Exception {
        S3Client s3 = s3();
        for (String bucket : List.of("repl-source", "repl-target")) {
            s3.createBucket(r -> r.bucket(bucket));
            s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        }
        s3.putBucketReplication(r -> r.bucket("repl-source").replicationConfiguration(c -> c
                .role("arn:aws:iam::000000000000:role/replication")
                .rules(rule -> rule.id("all").status("Enabled").priority(1).filter(f -> f.prefix(""))
                        .deleteMarkerReplication(d -> d.status("Disabled"))
                        .destination(d -> d.bucket("arn:aws:s3:::repl-target")))));
        String versionId = s3.putObject(r -> r.bucket("repl-source").key("report.csv"), RequestBody.fromString("a,b"))
                .versionId();
        assertThat(s3.headObject(r -> r.bucket("repl-source").key("report.csv")).replicationStatusAsString()).isEqualTo("PENDING");

        cloudjar.restart();
        s3 = s3();
        cloudjar.advanceClock(java.time.Duration.ofSeconds(1)); // the clock passes the write: the queued copy is due

        assertThat(s3.headObject(r -> r.bucket("repl-source").key("report.csv")).replicationStatusAsString()).isEqualTo("COMPLETED");
        assertThat(get(s3, "repl-target", "report.csv", versionId)).isEqualTo("a,b");
    }

    /** S3 Control addresses {@code <account>.s3-control.…}: every name resolves to this machine. */
    private static S3ControlClient control() {
        return cloudjar.client(S3ControlClient.builder().httpClient(ApacheHttpClient.builder()
                .dnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}).build()));
    }

    private static String get(S3Client s3, String bucket, String key, String versionId) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key).versionId(versionId)).asString(StandardCharsets.UTF_8);
    }

    @Test
    void bucketsSettingsVersionsBodiesAndUploadsSurviveARestart() throws Exception {
        S3Client s3 = s3();
        s3.createBucket(r -> r.bucket("kept-bucket"));
        s3.putBucketVersioning(r -> r.bucket("kept-bucket").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putBucketPolicy(r -> r.bucket("kept-bucket").policy(POLICY));
        s3.putBucketLifecycleConfiguration(r -> r.bucket("kept-bucket").lifecycleConfiguration(l -> l.rules(rule -> rule
                .id("expire-logs").status("Enabled").filter(f -> f.prefix("logs/")).expiration(e -> e.days(30)))));
        s3.putBucketTagging(r -> r.bucket("kept-bucket").tagging(t -> t.tagSet(tag -> tag.key("team").value("web"))));
        String v1 = s3.putObject(r -> r.bucket("kept-bucket").key("docs/a.txt"), RequestBody.fromString("first")).versionId();
        String v2 = s3.putObject(r -> r.bucket("kept-bucket").key("docs/a.txt").tagging("kind=doc"), RequestBody.fromString("second"))
                .versionId();
        s3.putObject(r -> r.bucket("kept-bucket").key("gone.txt"), RequestBody.fromString("deleted later"));
        s3.deleteObject(r -> r.bucket("kept-bucket").key("gone.txt"));
        byte[] part = new byte[5 * 1024 * 1024];
        String uploadId = s3.createMultipartUpload(r -> r.bucket("kept-bucket").key("big.bin")).uploadId();
        String etag1 = s3.uploadPart(r -> r.bucket("kept-bucket").key("big.bin").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(part)).eTag();
        String etag2 = s3.uploadPart(r -> r.bucket("kept-bucket").key("big.bin").uploadId(uploadId).partNumber(2),
                RequestBody.fromString("tail")).eTag();
        s3.createBucket(r -> r.bucket("locked-bucket").objectLockEnabledForBucket(true));
        Instant until = cloudjar.clock().now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String lockedVersion = s3.putObject(r -> r.bucket("locked-bucket").key("contract.pdf").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(until), RequestBody.fromString("signed")).versionId();
        control().putPublicAccessBlock(r -> r.accountId("000000000000").publicAccessBlockConfiguration(c -> c.blockPublicPolicy(true)));
        var versionsBefore = s3.listObjectVersions(r -> r.bucket("kept-bucket")).versions();
        var headBefore = s3.headObject(r -> r.bucket("kept-bucket").key("docs/a.txt"));
        Path kept = DATA.resolve("s3").resolve("kept");
        Path leftover = Files.list(kept).filter(Files::isDirectory).findFirst().orElseThrow().resolve("ab").resolve("interrupted");
        Files.createDirectories(leftover.getParent());
        Files.writeString(leftover, "a body whose metadata never got committed");

        cloudjar.restart();
        s3 = s3();

        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("kept-bucket", "locked-bucket");
        assertThat(get(s3, "kept-bucket", "docs/a.txt", null)).isEqualTo("second");
        assertThat(get(s3, "kept-bucket", "docs/a.txt", v1)).isEqualTo("first");
        assertThat(s3.listObjectVersions(r -> r.bucket("kept-bucket")).versions()).isEqualTo(versionsBefore);
        assertThat(s3.listObjectVersions(r -> r.bucket("kept-bucket")).deleteMarkers()).extracting(m -> m.key()).containsExactly("gone.txt");
        var headAfter = s3.headObject(r -> r.bucket("kept-bucket").key("docs/a.txt"));
        assertThat(headAfter.eTag()).isEqualTo(headBefore.eTag());
        assertThat(headAfter.serverSideEncryption()).isEqualTo(headBefore.serverSideEncryption());
        assertThat(headAfter.versionId()).isEqualTo(v2);
        assertThat(s3.getObjectTagging(r -> r.bucket("kept-bucket").key("docs/a.txt")).tagSet()).extracting(t -> t.key()).containsExactly("kind");
        assertThat(s3.getBucketVersioning(r -> r.bucket("kept-bucket")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        assertThat(s3.getBucketPolicy(r -> r.bucket("kept-bucket")).policy()).isEqualTo(POLICY);
        assertThat(s3.getBucketLifecycleConfiguration(r -> r.bucket("kept-bucket")).rules()).extracting(r -> r.id())
                .containsExactly("expire-logs");
        assertThat(s3.getBucketTagging(r -> r.bucket("kept-bucket")).tagSet()).extracting(t -> t.value()).containsExactly("web");
        assertThat(s3.getObjectRetention(r -> r.bucket("locked-bucket").key("contract.pdf").versionId(lockedVersion)).retention()
                .retainUntilDate()).isEqualTo(until);
        assertThat(control().getPublicAccessBlock(r -> r.accountId("000000000000")).publicAccessBlockConfiguration().blockPublicPolicy())
                .isTrue();
        // the upload in progress goes on where it was
        assertThat(s3.listParts(r -> r.bucket("kept-bucket").key("big.bin").uploadId(uploadId)).parts()).extracting(p -> p.eTag())
                .containsExactly(etag1, etag2);
        s3.completeMultipartUpload(r -> r.bucket("kept-bucket").key("big.bin").uploadId(uploadId).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(etag1).build(), CompletedPart.builder().partNumber(2).eTag(etag2).build())));
        assertThat(s3.headObject(r -> r.bucket("kept-bucket").key("big.bin")).contentLength()).isEqualTo(part.length + 4L);
        // what an interrupted write left was removed; the bodies of kept versions are all there
        assertThat(leftover).doesNotExist();
        try (Stream<Path> files = Files.walk(kept)) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith(".tmp-")).toList()).isEmpty();
        }
        List<String> keys = s3.listObjectsV2(r -> r.bucket("kept-bucket")).contents().stream().map(o -> o.key()).toList();
        assertThat(keys).containsExactly("big.bin", "docs/a.txt");
    }
}
