package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.EncryptionType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/** SSE-S3, SSE-KMS and bucket defaults as S3 reports them; SSE-C really keyed. */
class EncryptionTest {
    private static final Path DATA = newDataDirectory();

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withDataDir(DATA);

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    private final S3Client s3 = S3Clients.pathStyle(cloudjar);

    @Test
    void newBucketsBlockCustomerKeysUntilTheEncryptionConfigurationAllowsThem() {
        s3.createBucket(b -> b.bucket("sse-blocked"));
        assertThat(s3.getBucketEncryption(r -> r.bucket("sse-blocked")).serverSideEncryptionConfiguration().rules().get(0)
                .blockedEncryptionTypes().encryptionType()).containsExactly(EncryptionType.SSE_C);
        assertS3Error(403, "AccessDenied", () -> s3.putObject(r -> r.bucket("sse-blocked").key("k")
                .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(md5(KEY)), RequestBody.fromString("x")));
    }

    @Test
    void customerKeyObjectsAreStoredEncryptedAndReadOnlyWithTheirKey() throws Exception {
        allowCustomerKeys("sse-c");
        PutObjectResponse put = s3.putObject(r -> r.bucket("sse-c").key("secret").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(md5(KEY)), RequestBody.fromString("top secret text"));
        assertThat(put.sseCustomerAlgorithm()).isEqualTo("AES256");
        assertThat(put.sseCustomerKeyMD5()).isEqualTo(md5(KEY));
        assertThat(put.serverSideEncryption()).isNull();
        assertThat(dataDirectoryContains("top secret text")).as("the body is not stored in the clear").isFalse();
        s3.putObject(r -> r.bucket("sse-c").key("clear"), RequestBody.fromString("plain words"));
        assertThat(dataDirectoryContains("plain words")).as("the scan sees bodies").isTrue();

        GetObjectResponse got = s3.getObject(r -> r.bucket("sse-c").key("secret").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(md5(KEY)), (response, in) -> {
                    assertThat(new String(in.readAllBytes())).isEqualTo("top secret text");
                    return response;
                });
        assertThat(got.sseCustomerKeyMD5()).isEqualTo(md5(KEY));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("sse-c").key("secret").range("bytes=4-9").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(md5(KEY))).asUtf8String()).isEqualTo("secret");

        assertS3Error(400, "InvalidRequest", () -> s3.getObjectAsBytes(r -> r.bucket("sse-c").key("secret")));
        assertS3Error(403, "AccessDenied", () -> s3.getObjectAsBytes(r -> r.bucket("sse-c").key("secret")
                .sseCustomerAlgorithm("AES256").sseCustomerKey(OTHER_KEY).sseCustomerKeyMD5(md5(OTHER_KEY))));
        assertS3Error(400, null, () -> s3.headObject(r -> r.bucket("sse-c").key("secret")));
        HeadObjectResponse head = s3.headObject(r -> r.bucket("sse-c").key("secret").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(md5(KEY)));
        assertThat(head.contentLength()).isEqualTo(15);
    }

    @Test
    void customerKeyHeadersAreCheckedAsS3ChecksThem() {
        allowCustomerKeys("sse-c-bad");
        assertS3Error(400, "InvalidArgument", () -> s3.putObject(r -> r.bucket("sse-c-bad").key("k").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(md5(OTHER_KEY)), RequestBody.fromString("x")));
        assertS3Error(400, "InvalidArgument", () -> s3.putObject(r -> r.bucket("sse-c-bad").key("k").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(Base64.getEncoder().encodeToString(new byte[16])).sseCustomerKeyMD5(md5(Base64.getEncoder()
                        .encodeToString(new byte[16]))), RequestBody.fromString("x")));
        s3.putObject(r -> r.bucket("sse-c-bad").key("plain"), RequestBody.fromString("p"));
        assertS3Error(400, "InvalidRequest", () -> s3.getObjectAsBytes(r -> r.bucket("sse-c-bad").key("plain")
                .sseCustomerAlgorithm("AES256").sseCustomerKey(KEY).sseCustomerKeyMD5(md5(KEY))));
    }

    @Test
    void customerKeyCopiesAndMultipartUploadsNeedTheKey() {
        allowCustomerKeys("sse-c-mpu");
        String upload = s3.createMultipartUpload(r -> r.bucket("sse-c-mpu").key("big").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(md5(KEY))).uploadId();
        byte[] first = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(first, (byte) 'a');
        assertS3Error(400, "InvalidRequest", () -> s3.uploadPart(r -> r.bucket("sse-c-mpu").key("big").uploadId(upload)
                .partNumber(1), RequestBody.fromBytes(first)));
        String e1 = s3.uploadPart(r -> r.bucket("sse-c-mpu").key("big").uploadId(upload).partNumber(1).sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(md5(KEY)), RequestBody.fromBytes(first)).eTag();
        String e2 = s3.uploadPart(r -> r.bucket("sse-c-mpu").key("big").uploadId(upload).partNumber(2).sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(md5(KEY)), RequestBody.fromString("tail")).eTag();
        s3.completeMultipartUpload(r -> r.bucket("sse-c-mpu").key("big").uploadId(upload).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(), CompletedPart.builder().partNumber(2).eTag(e2).build())));
        byte[] whole = s3.getObjectAsBytes(r -> r.bucket("sse-c-mpu").key("big").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(md5(KEY))).asByteArray();
        assertThat(whole).hasSize(first.length + 4);
        assertThat(new String(whole, first.length, 4)).isEqualTo("tail");

        assertS3Error(400, "InvalidRequest", () -> s3.copyObject(r -> r.sourceBucket("sse-c-mpu").sourceKey("big")
                .destinationBucket("sse-c-mpu").destinationKey("copy")));
        s3.copyObject(r -> r.sourceBucket("sse-c-mpu").sourceKey("big").destinationBucket("sse-c-mpu").destinationKey("copy")
                .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(KEY).copySourceSSECustomerKeyMD5(md5(KEY))
                .sseCustomerAlgorithm("AES256").sseCustomerKey(OTHER_KEY).sseCustomerKeyMD5(md5(OTHER_KEY)));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("sse-c-mpu").key("copy").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(OTHER_KEY).sseCustomerKeyMD5(md5(OTHER_KEY))).asByteArray()).isEqualTo(whole);
    }

    @Test
    void kmsEncryptionIsReportedWithItsKeyAndBucketDefaultsApply() {
        s3.createBucket(b -> b.bucket("sse-kms"));
        PutObjectResponse managed = s3.putObject(r -> r.bucket("sse-kms").key("managed")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS), RequestBody.fromString("m"));
        assertThat(managed.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(managed.ssekmsKeyId()).matches("arn:aws:kms:us-east-1:000000000000:key/[0-9a-f-]{36}");

        s3.putBucketEncryption(r -> r.bucket("sse-kms").serverSideEncryptionConfiguration(c -> c.rules(ServerSideEncryptionRule.builder()
                .bucketKeyEnabled(true).applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID("1234abcd-12ab-34cd-56ef-1234567890ab")).build())));
        PutObjectResponse byDefault = s3.putObject(r -> r.bucket("sse-kms").key("default"), RequestBody.fromString("d"));
        assertThat(byDefault.ssekmsKeyId()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(byDefault.bucketKeyEnabled()).isTrue();
        HeadObjectResponse head = s3.headObject(r -> r.bucket("sse-kms").key("default"));
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head.ssekmsKeyId()).isEqualTo(byDefault.ssekmsKeyId());
        assertThat(head.bucketKeyEnabled()).isTrue();
        assertThat(s3.headObject(r -> r.bucket("sse-kms").key("managed")).ssekmsKeyId()).isEqualTo(managed.ssekmsKeyId());

        PutObjectResponse s3Managed = s3.putObject(r -> r.bucket("sse-kms").key("aes")
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("a"));
        assertThat(s3Managed.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(s3Managed.ssekmsKeyId()).isNull();
        assertS3Error(400, "InvalidArgument", () -> s3.putObject(r -> r.bucket("sse-kms").key("bad").ssekmsKeyId("k"),
                RequestBody.fromString("x")));
    }

    private void allowCustomerKeys(String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketEncryption(r -> r.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(ServerSideEncryptionRule.builder()
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))
                .blockedEncryptionTypes(t -> t.encryptionType(EncryptionType.NONE)).build())));
    }

    private static boolean dataDirectoryContains(String text) throws Exception {
        Path data = DATA;
        try (Stream<Path> files = Files.walk(data)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).as("bodies in %s", data).isNotEmpty();
            for (Path f : regular) {
                if (new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    @org.junit.jupiter.api.AfterAll
    static void removeDataDirectory() throws java.io.IOException {
        try (Stream<Path> files = Files.walk(DATA)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Path newDataDirectory() {
        try {
            return Files.createTempDirectory("sse-c-data");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String md5(String base64Key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(Base64.getDecoder().decode(base64Key)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
