package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.Part;

class MultipartTest {
    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static Stream<Arguments> styles() {
        return S3Clients.bothStyles(cloudjar);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String upload(S3Client s3, String bucket, String key) {
        return s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
    }

    private static CompletedPart part(S3Client s3, String bucket, String key, String uploadId, int n, byte[] body) {
        String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(n), RequestBody.fromBytes(body)).eTag();
        return CompletedPart.builder().partNumber(n).eTag(etag).build();
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void completedUploadJoinsPartsWithAnMd5OfMd5sEtagAndServesPartReads(String style, S3Client s3) throws Exception {
        String bucket = "mpu-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        String id = upload(s3, bucket, "big.bin");
        byte[] p1 = random(5 * MIB, 1);
        byte[] p2 = random(1234, 2);
        List<CompletedPart> parts = List.of(part(s3, bucket, "big.bin", id, 1, p1), part(s3, bucket, "big.bin", id, 2, p2));
        var done = s3.completeMultipartUpload(r -> r.bucket(bucket).key("big.bin").uploadId(id).multipartUpload(m -> m.parts(parts)));

        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(MessageDigest.getInstance("MD5").digest(p1));
        md5.update(MessageDigest.getInstance("MD5").digest(p2));
        assertThat(done.eTag()).isEqualTo("\"" + HexFormat.of().formatHex(md5.digest()) + "-2\"");

        byte[] all = s3.getObjectAsBytes(r -> r.bucket(bucket).key("big.bin")).asByteArray();
        assertThat(all.length).isEqualTo(p1.length + p2.length);
        assertThat(Arrays.copyOfRange(all, p1.length, all.length)).isEqualTo(p2);
        var crc = io.cloudjar.s3.storage.ChecksumAlgorithms.CRC64NVME.start();
        crc.update(all, 0, all.length);
        var head = s3.headObject(r -> r.bucket(bucket).key("big.bin").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC64NVME()).isEqualTo(crc.base64()); // S3's default full-object checksum of the joined parts
        assertThat(head.checksumTypeAsString()).isEqualTo("FULL_OBJECT");

        var second = s3.getObjectAsBytes(r -> r.bucket(bucket).key("big.bin").partNumber(2));
        assertThat(second.asByteArray()).isEqualTo(p2);
        assertThat(second.response().partsCount()).isEqualTo(2);
        assertThat(second.response().contentRange()).isEqualTo("bytes " + p1.length + "-" + (all.length - 1) + "/" + all.length);
        assertThat(s3.headObject(r -> r.bucket(bucket).key("big.bin").partNumber(1)).contentLength()).isEqualTo(p1.length);
        assertS3Error(416, null, () -> s3.headObject(r -> r.bucket(bucket).key("big.bin").partNumber(3)));
        assertS3Error(416, "InvalidPartNumber", () -> s3.getObject(r -> r.bucket(bucket).key("big.bin").partNumber(3)));
        assertThat(s3.listMultipartUploads(r -> r.bucket(bucket)).uploads()).isEmpty();
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void completionRefusesSmallOutOfOrderOrUnknownParts(String style, S3Client s3) {
        String bucket = "mpu-errors-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        String id = upload(s3, bucket, "k");
        CompletedPart small = part(s3, bucket, "k", id, 1, random(100, 3));
        CompletedPart last = part(s3, bucket, "k", id, 2, random(100, 4));
        assertS3Error(400, "EntityTooSmall", () -> s3.completeMultipartUpload(r -> r.bucket(bucket).key("k").uploadId(id)
                .multipartUpload(m -> m.parts(small, last))));
        assertS3Error(400, "InvalidPartOrder", () -> s3.completeMultipartUpload(r -> r.bucket(bucket).key("k").uploadId(id)
                .multipartUpload(m -> m.parts(last, small))));
        assertS3Error(400, "InvalidPart", () -> s3.completeMultipartUpload(r -> r.bucket(bucket).key("k").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(7).eTag(small.eTag()).build()))));
        assertS3Error(400, "InvalidPart", () -> s3.completeMultipartUpload(r -> r.bucket(bucket).key("k").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag("\"00000000000000000000000000000000\"").build()))));
        // a single small part is fine: it is the last one
        s3.completeMultipartUpload(r -> r.bucket(bucket).key("k").uploadId(id).multipartUpload(m -> m.parts(small)));
        assertThat(s3.headObject(r -> r.bucket(bucket).key("k")).contentLength()).isEqualTo(100);
        assertS3Error(404, "NoSuchUpload", () -> s3.uploadPart(r -> r.bucket(bucket).key("k").uploadId(id).partNumber(1),
                RequestBody.fromString("late")));
        String aborted = upload(s3, bucket, "k2");
        s3.abortMultipartUpload(r -> r.bucket(bucket).key("k2").uploadId(aborted));
        assertS3Error(404, "NoSuchUpload", () -> s3.listParts(r -> r.bucket(bucket).key("k2").uploadId(aborted)));
        assertS3Error(404, "NoSuchUpload", () -> s3.abortMultipartUpload(r -> r.bucket(bucket).key("k2").uploadId(aborted)));
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void listPartsAndListMultipartUploadsPage(String style, S3Client s3) {
        String bucket = "mpu-lists-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        String id = upload(s3, bucket, "dir/file");
        for (int n = 1; n <= 5; n++) {
            part(s3, bucket, "dir/file", id, n, random(10, n));
        }
        var page1 = s3.listParts(r -> r.bucket(bucket).key("dir/file").uploadId(id).maxParts(2));
        assertThat(page1.parts()).extracting(Part::partNumber).containsExactly(1, 2);
        assertThat(page1.isTruncated()).isTrue();
        var page2 = s3.listParts(r -> r.bucket(bucket).key("dir/file").uploadId(id).partNumberMarker(page1.nextPartNumberMarker()));
        assertThat(page2.parts()).extracting(Part::partNumber).containsExactly(3, 4, 5);
        assertThat(page2.parts().get(0).size()).isEqualTo(10);

        upload(s3, bucket, "dir/file");
        upload(s3, bucket, "dir/other");
        upload(s3, bucket, "top");
        var all = s3.listMultipartUploads(r -> r.bucket(bucket));
        assertThat(all.uploads()).extracting(MultipartUpload::key).containsExactly("dir/file", "dir/file", "dir/other", "top");
        var rolled = s3.listMultipartUploads(r -> r.bucket(bucket).delimiter("/"));
        assertThat(rolled.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("dir/");
        assertThat(rolled.uploads()).extracting(MultipartUpload::key).containsExactly("top");
        List<String> paged = new ArrayList<>();
        s3.listMultipartUploadsPaginator(r -> r.bucket(bucket).maxUploads(1)).uploads().forEach(u -> paged.add(u.uploadId()));
        assertThat(paged).hasSize(4).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void uploadPartCopyTakesRangesOfAnObject(String style, S3Client s3) {
        String bucket = "mpu-copy-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        byte[] source = random(6 * MIB, 9);
        s3.putObject(r -> r.bucket(bucket).key("source"), RequestBody.fromBytes(source));
        String id = upload(s3, bucket, "assembled");
        var first = s3.uploadPartCopy(r -> r.sourceBucket(bucket).sourceKey("source").destinationBucket(bucket)
                .destinationKey("assembled").uploadId(id).partNumber(1).copySourceRange("bytes=0-" + (5 * MIB - 1)));
        var second = s3.uploadPartCopy(r -> r.sourceBucket(bucket).sourceKey("source").destinationBucket(bucket)
                .destinationKey("assembled").uploadId(id).partNumber(2).copySourceRange("bytes=10-19"));
        assertS3Error(400, "InvalidArgument", () -> s3.uploadPartCopy(r -> r.sourceBucket(bucket).sourceKey("source")
                .destinationBucket(bucket).destinationKey("assembled").uploadId(id).partNumber(3)
                .copySourceRange("bytes=0-" + source.length)));
        s3.completeMultipartUpload(r -> r.bucket(bucket).key("assembled").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(first.copyPartResult().eTag()).build(),
                CompletedPart.builder().partNumber(2).eTag(second.copyPartResult().eTag()).build())));
        byte[] got = s3.getObjectAsBytes(r -> r.bucket(bucket).key("assembled")).asByteArray();
        byte[] expected = new byte[5 * MIB + 10];
        System.arraycopy(source, 0, expected, 0, 5 * MIB);
        System.arraycopy(source, 10, expected, 5 * MIB, 10);
        assertThat(got).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void compositeChecksumsAreStoredPerPartAndShownAsAttributes(String style, S3Client s3) throws Exception {
        String bucket = "mpu-checksums-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        String id = s3.createMultipartUpload(r -> r.bucket(bucket).key("k").checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        byte[] p1 = random(5 * MIB, 5);
        byte[] p2 = random(77, 6);
        List<CompletedPart> parts = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            byte[] body = n == 1 ? p1 : p2;
            int number = n;
            var up = s3.uploadPart(r -> r.bucket(bucket).key("k").uploadId(id).partNumber(number)
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(body));
            assertThat(up.checksumSHA256()).isEqualTo(sha256(body));
            parts.add(CompletedPart.builder().partNumber(n).eTag(up.eTag()).checksumSHA256(up.checksumSHA256()).build());
        }
        var done = s3.completeMultipartUpload(r -> r.bucket(bucket).key("k").uploadId(id).multipartUpload(m -> m.parts(parts)));
        MessageDigest composite = MessageDigest.getInstance("SHA-256");
        composite.update(Base64.getDecoder().decode(sha256(p1)));
        composite.update(Base64.getDecoder().decode(sha256(p2)));
        String expected = Base64.getEncoder().encodeToString(composite.digest()) + "-2";
        assertThat(done.checksumSHA256()).isEqualTo(expected);

        var attributes = s3.getObjectAttributes(r -> r.bucket(bucket).key("k").objectAttributes(ObjectAttributes.E_TAG,
                ObjectAttributes.CHECKSUM, ObjectAttributes.OBJECT_PARTS, ObjectAttributes.OBJECT_SIZE, ObjectAttributes.STORAGE_CLASS));
        assertThat(attributes.objectSize()).isEqualTo(p1.length + p2.length);
        assertThat(attributes.eTag()).isEqualTo(done.eTag().replace("\"", ""));
        assertThat(attributes.checksum().checksumSHA256()).isEqualTo(expected);
        assertThat(attributes.objectParts().totalPartsCount()).isEqualTo(2);
        assertThat(attributes.objectParts().parts()).extracting(p -> p.checksumSHA256()).containsExactly(sha256(p1), sha256(p2));
        var part2 = s3.getObject(r -> r.bucket(bucket).key("k").partNumber(2).checksumMode(ChecksumMode.ENABLED)).response();
        assertThat(part2.checksumSHA256()).isEqualTo(sha256(p2));
        assertS3Error(400, "InvalidArgument", () -> s3.getObjectAttributes(r -> r.bucket(bucket).key("k")
                .objectAttributesWithStrings("Colour")));
    }

    private static String sha256(byte[] body) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    }
}
