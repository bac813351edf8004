package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/** Bucket naming, ownership across accounts, regions and ListBuckets paging. */
class BucketsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static Stream<Arguments> styles() {
        return S3Clients.bothStyles(cloudjar);
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void bucketNamesFollowS3Rules(String style, S3Client s3) {
        // names the SDK itself lets through but S3 reserves
        for (String bad : new String[] {"xn--punycode", "sthree-bucket", "amzn-s3-demo-bucket", "ends-s3alias", "ends--ol-s3",
                "a-bucket.mrap"}) {
            assertS3Error(400, "InvalidBucketName", () -> s3.createBucket(b -> b.bucket(bad)));
        }
        s3.createBucket(b -> b.bucket("fine.name-" + style));
        assertThat(s3.headBucket(b -> b.bucket("fine.name-" + style)).bucketRegion()).isEqualTo("us-east-1");
        assertS3Error(404, null, () -> s3.headBucket(b -> b.bucket("missing-" + style)));
    }

    @ParameterizedTest(name = "{0} style")
    @ValueSource(strings = {"path", "virtual-host"})
    void bucketNamesAreGlobalAcrossAccounts(String style) throws Exception {
        String taken = "taken-name-" + style;
        String irish = "irish-bucket-" + style;
        try (S3Client mine = S3Clients.of(cloudjar, style, Region.US_EAST_1, "test");
             S3Client theirs = S3Clients.of(cloudjar, style, Region.US_EAST_1, "111111111111");
             S3Client ireland = S3Clients.of(cloudjar, style, Region.EU_WEST_1, "test")) {
            mine.createBucket(b -> b.bucket(taken));
            mine.createBucket(b -> b.bucket(taken)); // us-east-1 answers 200 to its owner
            assertS3Error(409, "BucketAlreadyExists", () -> theirs.createBucket(b -> b.bucket(taken)));
            assertS3Error(403, "AccessDenied", () -> theirs.listObjectsV2(b -> b.bucket(taken)));
            ireland.createBucket(b -> b.bucket(irish).createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
            assertS3Error(409, "BucketAlreadyOwnedByYou", () -> ireland.createBucket(b -> b.bucket(irish)
                    .createBucketConfiguration(c -> c.locationConstraint("eu-west-1"))));
            assertS3Error(409, "BucketAlreadyExists", () -> theirs.createBucket(b -> b.bucket(irish)));
            // the SDK always adds its region's constraint; a plain request to the Irish endpoint can omit it
            String bucket = "no-constraint-" + style;
            boolean path = style.equals("path");
            var plain = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(cloudjar.endpoint() + (path ? "/" + bucket : "/")))
                    .header("Host", path ? "s3.eu-west-1.amazonaws.com" : bucket + ".s3.eu-west-1.amazonaws.com")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(400);
            assertThat(plain.body()).contains("<Code>IllegalLocationConstraintException</Code>");
            assertS3Error(400, "InvalidLocationConstraint", () -> mine.createBucket(b -> b.bucket("bad-constraint-" + style)
                    .createBucketConfiguration(c -> c.locationConstraint("us-east-1"))));
            assertThat(mine.headBucket(b -> b.bucket(irish)).bucketRegion()).isEqualTo("eu-west-1");
            assertThat(theirs.listBuckets().buckets()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} style")
    @ValueSource(strings = {"path", "virtual-host"})
    void bucketsInOtherRegionsNeedTheirLocationConstraint(String style) {
        try (S3Client seoul = S3Clients.of(cloudjar, style, Region.AP_NORTHEAST_2, "test")) {
            String bucket = "seoul-bucket-" + style;
            seoul.createBucket(b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint("ap-northeast-2")));
            assertThat(seoul.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString()).isEqualTo("ap-northeast-2");
            assertThat(seoul.headBucket(b -> b.bucket(bucket)).bucketRegion()).isEqualTo("ap-northeast-2");
            assertS3Error(400, "IllegalLocationConstraintException", () -> seoul.createBucket(b -> b.bucket("wrong-constraint-" + style)
                    .createBucketConfiguration(c -> c.locationConstraint("eu-west-1"))));
        }
        try (S3Client s3 = S3Clients.of(cloudjar, style, Region.US_EAST_1, "test")) {
            String bucket = "virginia-bucket-" + style;
            s3.createBucket(b -> b.bucket(bucket));
            assertThat(s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString()).isNullOrEmpty();
            assertThat(s3.headBucket(b -> b.bucket(bucket)).bucketRegion()).isEqualTo("us-east-1");
        }
    }

    @Test
    void listBucketsFiltersAndPages() {
        try (S3Client s3 = cloudjar.client(S3Client.builder().forcePathStyle(true), Region.US_EAST_1, "222222222222", "test")) {
            for (String name : new String[] {"page-a", "page-b", "page-c", "other-d"}) {
                s3.createBucket(b -> b.bucket(name));
            }
            var first = s3.listBuckets(r -> r.prefix("page-").maxBuckets(2));
            assertThat(first.buckets()).extracting(Bucket::name).containsExactly("page-a", "page-b");
            assertThat(first.buckets().get(0).bucketRegion()).isEqualTo("us-east-1");
            var second = s3.listBuckets(r -> r.prefix("page-").maxBuckets(2).continuationToken(first.continuationToken()));
            assertThat(second.buckets()).extracting(Bucket::name).containsExactly("page-c");
            assertThat(second.continuationToken()).isNull();
            assertThat(s3.listBuckets(r -> r.bucketRegion("eu-west-1")).buckets()).isEmpty();
            assertS3Error(400, "InvalidArgument", () -> s3.listBuckets(r -> r.maxBuckets(0)));
            for (String garbage : new String[] {"garbage", "!!!"}) { // a token S3 did not hand out, base64 or not
                assertS3Error(400, "InvalidArgument", () -> s3.listBuckets(r -> r.continuationToken(garbage)));
            }
        }
    }
}
