package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PartitionDateSource;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Server access logs written as objects into the target bucket, in S3's log line format. */
class ServerAccessLogsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private final S3Client s3 = S3Clients.pathStyle(cloudjar);

    @Test
    void callsToALoggedBucketAreDeliveredAsLogLinesAfterTheBatchMinute() {
        s3.createBucket(b -> b.bucket("logged"));
        s3.createBucket(b -> b.bucket("log-target"));
        s3.putBucketLogging(r -> r.bucket("logged").bucketLoggingStatus(s -> s.loggingEnabled(l -> l.targetBucket("log-target")
                .targetPrefix("access/"))));
        s3.putObject(r -> r.bucket("logged").key("dir/a b.txt"), RequestBody.fromString("hello"));
        s3.getObjectAsBytes(r -> r.bucket("logged").key("dir/a b.txt"));
        assertS3Error(404, "NoSuchKey", () -> s3.getObjectAsBytes(r -> r.bucket("logged").key("missing")));
        s3.getBucketVersioning(r -> r.bucket("logged"));
        s3.putObject(r -> r.bucket("log-target").key("unrelated"), RequestBody.fromString("x"));

        assertThat(logKeys()).as("delivered once the batch's minute has passed").isEmpty();
        cloudjar.advanceClock(Duration.ofMinutes(2));
        s3.listBuckets();
        s3.headBucket(r -> r.bucket("log-target")); // the next call to a bucket delivers

        List<String> keys = logKeys();
        assertThat(keys).singleElement().satisfies(k -> assertThat(k).matches("access/\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9A-F]{16}"));
        List<String> lines = Arrays.asList(s3.getObjectAsBytes(r -> r.bucket("log-target").key(keys.get(0))).asUtf8String().split("\n"));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        String put = lines.stream().filter(l -> l.contains("REST.PUT.OBJECT ")).findFirst().orElseThrow();
        String[] f = put.split(" ");
        assertThat(f[0]).isEqualTo(CanonicalIds.of("000000000000"));
        assertThat(f[1]).isEqualTo("logged");
        assertThat(f[2]).matches("\\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2}");
        assertThat(f[3]).isEqualTo("+0000]");
        assertThat(f[4]).isEqualTo("127.0.0.1");
        assertThat(f[5]).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(f[7]).isEqualTo("REST.PUT.OBJECT");
        assertThat(f[8]).isEqualTo("dir/a+b.txt");
        assertThat(put).contains(" 200 - ").contains(" 5 ").contains(" SigV4 ").contains(" AuthHeader ");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("REST.GET.OBJECT missing").contains(" 404 NoSuchKey "));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("REST.GET.VERSIONING - \"GET /logged?versioning HTTP/1.1\" 200"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("unrelated"));
    }

    @Test
    void partitionedPrefixesNameAccountRegionAndBucket() {
        s3.createBucket(b -> b.bucket("logged-2"));
        s3.createBucket(b -> b.bucket("log-target-2"));
        s3.putBucketLogging(r -> r.bucket("logged-2").bucketLoggingStatus(s -> s.loggingEnabled(l -> l.targetBucket("log-target-2")
                .targetPrefix("logs/").targetObjectKeyFormat(k -> k.partitionedPrefix(p -> p.partitionDateSource(PartitionDateSource.EVENT_TIME))))));
        s3.listObjectsV2(r -> r.bucket("logged-2"));
        cloudjar.advanceClock(Duration.ofMinutes(2));
        s3.listObjectsV2(r -> r.bucket("log-target-2"));
        assertThat(s3.listObjectsV2(r -> r.bucket("log-target-2")).contents()).singleElement()
                .satisfies(o -> assertThat(o.key()).matches("logs/000000000000/us-east-1/logged-2/\\d{4}/\\d{2}/\\d{2}/"
                        + "\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9A-F]{16}"));
    }

    private List<String> logKeys() {
        return s3.listObjectsV2(r -> r.bucket("log-target").prefix("access/")).contents().stream().map(S3Object::key).toList();
    }
}
