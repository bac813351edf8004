package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Unusual keys stored verbatim, and the paging details of ListObjects v1 and v2. */
class KeysAndListingsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static Stream<Arguments> styles() {
        return S3Clients.bothStyles(cloudjar);
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void oddKeysAreStoredVerbatimAndNeverEscapeTheDataDirectory(String style, S3Client s3) throws Exception {
        String bucket = "odd-keys-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        String escape = "escape-" + UUID.randomUUID();
        List<String> keys = List.of("../../../../../../tmp/" + escape, "a%2Fb", "dir//double", "ünïcødé/日本語/🙂.txt",
                "with space+plus&amp;=?#", "k".repeat(1024), "./dot", "trailing/");
        for (String key : keys) {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("body of " + key.length()));
        }
        for (String key : keys) {
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String()).isEqualTo("body of " + key.length());
        }
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(S3Object::key)
                .containsExactlyInAnyOrderElementsOf(keys);
        assertThat(Files.exists(Path.of("/tmp", escape))).isFalse();
        assertS3Error(400, "KeyTooLongError", () -> s3.putObject(r -> r.bucket(bucket).key("k".repeat(1025)), RequestBody.fromString("x")));
        // the SDK decodes url-encoded listings, so a server that did not encode would turn '+' into ' ' here
        var encoded = s3.listObjectsV2(r -> r.bucket(bucket).encodingType(EncodingType.URL).prefix("with"));
        assertThat(encoded.contents()).extracting(S3Object::key).containsExactly("with space+plus&amp;=?#");
        var encodedV1 = s3.listObjects(r -> r.bucket(bucket).encodingType(EncodingType.URL).prefix("with"));
        assertThat(encodedV1.contents()).extracting(S3Object::key).containsExactly("with space+plus&amp;=?#");
        var encodedVersions = s3.listObjectVersions(r -> r.bucket(bucket).encodingType(EncodingType.URL).prefix("with"));
        assertThat(encodedVersions.versions()).extracting(v -> v.key()).containsExactly("with space+plus&amp;=?#");
        var rolled = s3.listObjectsV2(r -> r.bucket(bucket).encodingType(EncodingType.URL).delimiter("/").prefix("ünïcødé/"));
        assertThat(rolled.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("ünïcødé/日本語/");
        assertThat(rolled.prefix()).isEqualTo("ünïcødé/");
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void listObjectsV1PagesWithMarkers(String style, S3Client s3) {
        String bucket = "list-v1-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        for (String key : new String[] {"a/1", "a/2", "b/1", "c", "d", "e"}) {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key));
        }
        var first = s3.listObjects(r -> r.bucket(bucket).maxKeys(2));
        assertThat(first.contents()).extracting(S3Object::key).containsExactly("a/1", "a/2");
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.nextMarker()).isNull(); // v1 names a next marker only with a delimiter
        var second = s3.listObjects(r -> r.bucket(bucket).maxKeys(2).marker("a/2"));
        assertThat(second.contents()).extracting(S3Object::key).containsExactly("b/1", "c");
        assertThat(second.contents().get(0).owner()).isNotNull();

        var rolled = s3.listObjects(r -> r.bucket(bucket).delimiter("/").maxKeys(2));
        assertThat(rolled.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/", "b/");
        assertThat(rolled.nextMarker()).isEqualTo("b/");
        var rest = s3.listObjects(r -> r.bucket(bucket).delimiter("/").marker("b/"));
        assertThat(rest.contents()).extracting(S3Object::key).containsExactly("c", "d", "e");
        assertThat(rest.commonPrefixes()).isEmpty();
    }

    @ParameterizedTest(name = "{0} style")
    @MethodSource("styles")
    void listObjectsV2ShowsOwnersOnlyWhenAskedAndHonoursStartAfter(String style, S3Client s3) {
        String bucket = "list-v2-" + style;
        s3.createBucket(b -> b.bucket(bucket));
        for (String key : new String[] {"x/1", "x/2", "y", "z"}) {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key));
        }
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents().get(0).owner()).isNull();
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket).fetchOwner(true)).contents().get(0).owner().id()).hasSize(64);
        var after = s3.listObjectsV2(r -> r.bucket(bucket).startAfter("x/1").maxKeys(2));
        assertThat(after.contents()).extracting(S3Object::key).containsExactly("x/2", "y");
        assertThat(after.keyCount()).isEqualTo(2);
        var next = s3.listObjectsV2(r -> r.bucket(bucket).continuationToken(after.nextContinuationToken()));
        assertThat(next.contents()).extracting(S3Object::key).containsExactly("z");
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket).maxKeys(0)).contents()).isEmpty();
        assertS3Error(400, "InvalidArgument", () -> s3.listObjectsV2(r -> r.bucket(bucket).continuationToken("garbage!")));
    }
}
