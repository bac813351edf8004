package io.cloudjar.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.spi.StreamingPayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.CreateInstancesRequest;
import software.amazon.awssdk.services.lightsail.model.CreateInstancesResponse;
import software.amazon.awssdk.services.lightsail.model.GetInstanceResponse;
import software.amazon.awssdk.services.lightsail.model.Instance;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.OperationStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Type;

/** Real SDK v2 S3 and Lightsail clients against the REST-XML and JSON codecs, through {@link LoopbackHttpClient}. */
class RestXmlAndJsonSdkClientTest {

    private static java.nio.channels.FileChannel fileWith(String text) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("cloudjar-body", ".txt");
            java.nio.file.Files.writeString(file, text);
            return java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
                    java.nio.file.StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static S3Client s3(LoopbackHttpClient http) {
        return http.client(S3Client.builder().forcePathStyle(true));
    }

    @Test
    void s3PutObjectArrivesUnchunkedWithItsMetadataAndChecksumTrailer() {
        AtomicReference<byte[]> stored = new AtomicReference<>();
        AtomicReference<String> checksum = new AtomicReference<>();
        LoopbackHttpClient http = new LoopbackHttpClient("s3", ctx -> {
            StreamingPayload payload = ctx.payload();
            try {
                stored.set(payload.stream().readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            checksum.set(payload.trailers().get("x-amz-checksum-crc32"));
            return PutObjectResponse.builder().eTag("\"etag-1\"").build();
        });
        String text = "hello, aws-chunked world ".repeat(2000);
        try (S3Client s3 = s3(http)) {
            PutObjectResponse response = s3.putObject(b -> b.bucket("bucket").key("dir/file name.txt")
                    .contentType("text/plain").metadata(Map.of("color", "blue")), RequestBody.fromString(text));

            RequestContext call = http.lastCall();
            PutObjectRequest sent = call.input();
            assertThat(call.operation().name()).isEqualTo("PutObject");
            assertThat(sent.bucket()).isEqualTo("bucket");
            assertThat(sent.key()).isEqualTo("dir/file name.txt");
            assertThat(sent.metadata()).containsExactly(Map.entry("color", "blue"));
            assertThat(sent.contentType()).isEqualTo("text/plain");
            assertThat(sent.contentLength()).isEqualTo((long) text.length());
            assertThat(new String(stored.get(), StandardCharsets.UTF_8)).isEqualTo(text);
            assertThat(call.request().header("x-amz-content-sha256")).startsWith("STREAMING-");
            assertThat(call.payload().declaredTrailers()).containsExactly("x-amz-checksum-crc32");
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(text.getBytes(StandardCharsets.UTF_8));
            assertThat(checksum.get()).isEqualTo(java.util.Base64.getEncoder()
                    .encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array()));
            assertThat(response.eTag()).isEqualTo("\"etag-1\"");
        }
    }

    @Test
    void s3HeadObjectHeadersAreReadBackIncludingSingleDigitDays() {
        LoopbackHttpClient http = new LoopbackHttpClient("s3", ctx -> HeadObjectResponse.builder()
                .contentLength(42L).contentType("image/png").eTag("\"abc\"").metadata(Map.of("owner", "me"))
                .lastModified(Instant.parse("2024-03-04T05:06:07Z")).expires(Instant.parse("2025-01-09T00:00:00Z"))
                .build());
        try (S3Client s3 = s3(http)) {
            HeadObjectResponse head = s3.headObject(b -> b.bucket("bucket").key("k.png"));

            assertThat(head.contentLength()).isEqualTo(42L);
            assertThat(head.lastModified()).isEqualTo(Instant.parse("2024-03-04T05:06:07Z"));
            assertThat(head.expires()).isEqualTo(Instant.parse("2025-01-09T00:00:00Z"));
            assertThat(head.metadata()).containsExactly(Map.entry("owner", "me"));
            assertThat(head.eTag()).isEqualTo("\"abc\"");
        }
    }

    @Test
    void s3ListObjectsV2AndAclAnswersAreReadBack() {
        LoopbackHttpClient http = new LoopbackHttpClient("s3", ctx -> switch (ctx.operation().name()) {
            case "ListObjectsV2" -> ListObjectsV2Response.builder().name("bucket").keyCount(2).isTruncated(true)
                    .nextContinuationToken("next").maxKeys(((ListObjectsV2Request) ctx.input()).maxKeys())
                    .contents(S3Object.builder().key("a").size(1L).lastModified(Instant.parse("2024-01-01T00:00:00Z")).build(),
                            S3Object.builder().key("b").size(2L).build())
                    .commonPrefixes(p -> p.prefix("dir/")).build();
            case "GetBucketAcl" -> GetBucketAclResponse.builder().owner(o -> o.id("owner-id"))
                    .grants(Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id("owner-id").build())
                                    .permission(Permission.FULL_CONTROL).build(),
                            Grant.builder().grantee(Grantee.builder().type(Type.GROUP)
                                    .uri("http://acs.amazonaws.com/groups/global/AllUsers").build()).permission(Permission.READ).build())
                    .build();
            case "GetBucketLocation" -> GetBucketLocationResponse.builder().build();
            default -> throw new AssertionError(ctx.operation().name());
        });
        try (S3Client s3 = s3(http)) {
            ListObjectsV2Response list = s3.listObjectsV2(b -> b.bucket("bucket").prefix("").maxKeys(2));
            assertThat(http.lastCall().operation().name()).isEqualTo("ListObjectsV2");
            assertThat(list.contents()).extracting(S3Object::key).containsExactly("a", "b");
            assertThat(list.contents().get(0).lastModified()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
            assertThat(list.commonPrefixes().get(0).prefix()).isEqualTo("dir/");
            assertThat(list.isTruncated()).isTrue();
            assertThat(list.maxKeys()).isEqualTo(2);

            GetBucketAclResponse acl = s3.getBucketAcl(b -> b.bucket("bucket"));
            assertThat(acl.grants()).extracting(g -> g.grantee().type()).containsExactly(Type.CANONICAL_USER, Type.GROUP);
            assertThat(acl.grants().get(1).grantee().uri()).endsWith("/AllUsers");
            assertThat(acl.owner().id()).isEqualTo("owner-id");

            assertThat(s3.getBucketLocation(b -> b.bucket("bucket")).locationConstraintAsString()).isEmpty();
        }
    }

    @Test
    void s3MultipartCopyDeleteAndStreamedGetAnswersAreReadBack() {
        LoopbackHttpClient http = new LoopbackHttpClient("s3", ctx -> switch (ctx.operation().name()) {
            case "CreateMultipartUpload" -> software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse.builder()
                    .bucket("bucket").key("big").uploadId("up-1").build();
            case "UploadPart" -> software.amazon.awssdk.services.s3.model.UploadPartResponse.builder().eTag("\"p1\"").build();
            case "CompleteMultipartUpload" -> software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse.builder()
                    .bucket("bucket").key("big").eTag("\"all-1\"").location("http://localhost/bucket/big").build();
            case "CopyObject" -> software.amazon.awssdk.services.s3.model.CopyObjectResponse.builder()
                    .copyObjectResult(r -> r.eTag("\"c\"").lastModified(Instant.parse("2024-04-05T06:07:08Z"))).build();
            case "DeleteObjects" -> software.amazon.awssdk.services.s3.model.DeleteObjectsResponse.builder()
                    .deleted(d -> d.key("a"), d -> d.key("b").versionId("v2"))
                    .errors(e -> e.key("c").code("AccessDenied").message("Access Denied")).build();
            case "GetObject" -> io.cloudjar.core.spi.Reply.withFile(
                    software.amazon.awssdk.services.s3.model.GetObjectResponse.builder().contentLength(5L).eTag("\"g\"")
                            .contentType("text/plain").metadata(Map.of("k", "v"))
                            .lastModified(Instant.parse("2024-04-05T06:07:08Z")).build(),
                    fileWith("hello"), 0, 5);
            default -> throw new AssertionError(ctx.operation().name());
        });
        try (S3Client s3 = s3(http)) {
            assertThat(s3.createMultipartUpload(b -> b.bucket("bucket").key("big")).uploadId()).isEqualTo("up-1");
            assertThat(s3.uploadPart(b -> b.bucket("bucket").key("big").uploadId("up-1").partNumber(1),
                    RequestBody.fromString("part")).eTag()).isEqualTo("\"p1\"");
            assertThat(http.lastCall().operation().name()).isEqualTo("UploadPart");

            var completed = s3.completeMultipartUpload(b -> b.bucket("bucket").key("big").uploadId("up-1")
                    .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag("\"p1\""), p -> p.partNumber(2).eTag("\"p2\""))));
            software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest sent = http.lastCall().input();
            assertThat(sent.multipartUpload().parts()).extracting(p -> p.partNumber() + p.eTag())
                    .containsExactly("1\"p1\"", "2\"p2\"");
            assertThat(completed.eTag()).isEqualTo("\"all-1\"");

            var copied = s3.copyObject(b -> b.sourceBucket("src").sourceKey("a b").destinationBucket("bucket").destinationKey("c"));
            assertThat(http.lastCall().operation().name()).isEqualTo("CopyObject");
            assertThat(copied.copyObjectResult().lastModified()).isEqualTo(Instant.parse("2024-04-05T06:07:08Z"));

            var deleted = s3.deleteObjects(b -> b.bucket("bucket").delete(d -> d.quiet(false)
                    .objects(o -> o.key("a"), o -> o.key("b").versionId("v2"), o -> o.key("c"))));
            software.amazon.awssdk.services.s3.model.DeleteObjectsRequest sentDelete = http.lastCall().input();
            assertThat(sentDelete.delete().objects()).hasSize(3);
            assertThat(deleted.deleted()).extracting(d -> d.key()).containsExactly("a", "b");
            assertThat(deleted.errors().get(0).code()).isEqualTo("AccessDenied");

            var object = s3.getObjectAsBytes(b -> b.bucket("bucket").key("k"));
            assertThat(object.asUtf8String()).isEqualTo("hello");
            assertThat(object.response().metadata()).containsExactly(Map.entry("k", "v"));
            assertThat(object.response().lastModified()).isEqualTo(Instant.parse("2024-04-05T06:07:08Z"));
        }
    }

    @Test
    void s3ErrorsAreModeledExceptionsWithOrWithoutABody() {
        LoopbackHttpClient http = new LoopbackHttpClient("s3", ctx -> {
            throw AwsErrors.of("NoSuchKey", 404, "The specified key does not exist.").withDetail("Key", "missing");
        });
        try (S3Client s3 = s3(http)) {
            NoSuchKeyException get = catchThrowableOfType(NoSuchKeyException.class,
                    () -> s3.getObjectAsBytes(b -> b.bucket("bucket").key("missing")));
            assertThat(get.statusCode()).isEqualTo(404);
            assertThat(get.awsErrorDetails().errorMessage()).isEqualTo("The specified key does not exist.");
            assertThat(get.requestId()).isEqualTo("7D8F3C2A1B4E4C6D");
            assertThat(get.extendedRequestId()).isNotBlank();

            S3Exception head = catchThrowableOfType(S3Exception.class, () -> s3.headObject(b -> b.bucket("bucket").key("missing")));
            assertThat(head).isInstanceOf(NoSuchKeyException.class);
            assertThat(head.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void lightsailClientSendsJsonAndReadsEpochTimestamps() {
        LoopbackHttpClient http = new LoopbackHttpClient("lightsail", ctx -> switch (ctx.operation().name()) {
            case "CreateInstances" -> CreateInstancesResponse.builder().operations(o -> o.id("op-1").status(OperationStatus.SUCCEEDED)
                    .isTerminal(true).createdAt(Instant.parse("2024-01-02T03:04:05.5Z"))).build();
            case "GetInstance" -> GetInstanceResponse.builder().instance(Instance.builder().name("web-1")
                    .createdAt(Instant.parse("2024-01-02T03:04:05Z")).hardware(h -> h.cpuCount(2).ramSizeInGb(0.5f))
                    .state(s -> s.code(16).name("running")).isStaticIp(false).build()).build();
            default -> throw AwsErrors.of("NotFoundException", 400, "The Instance does not exist: ghost");
        });
        try (LightsailClient lightsail = http.client(LightsailClient.builder())) {
            CreateInstancesResponse created = lightsail.createInstances(b -> b.instanceNames("web-1").availabilityZone("us-east-1a")
                    .blueprintId("amazon_linux_2023").bundleId("nano_3_0").tags(t -> t.key("env").value("dev")));
            CreateInstancesRequest sent = http.lastCall().input();
            assertThat(sent.instanceNames()).containsExactly("web-1");
            assertThat(sent.tags().get(0).value()).isEqualTo("dev");
            assertThat(created.operations().get(0).createdAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05.5Z"));
            assertThat(created.operations().get(0).status()).isEqualTo(OperationStatus.SUCCEEDED);

            Instance instance = lightsail.getInstance(b -> b.instanceName("web-1")).instance();
            assertThat(instance.createdAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
            assertThat(instance.hardware().ramSizeInGb()).isEqualTo(0.5f);
            assertThat(instance.state().code()).isEqualTo(16);

            NotFoundException error = catchThrowableOfType(NotFoundException.class,
                    () -> lightsail.deleteInstance(b -> b.instanceName("ghost")));
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The Instance does not exist: ghost");
            assertThat(error.statusCode()).isEqualTo(400);
        }
    }
}
