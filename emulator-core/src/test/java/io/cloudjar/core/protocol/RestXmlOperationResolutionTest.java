package io.cloudjar.core.protocol;

import static io.cloudjar.core.protocol.Wire.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.pipeline.TestContexts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** S3 operations are told apart by method, path, query literals and required query parameters and headers. */
class RestXmlOperationResolutionTest {

    private static String resolve(String method, String uri, String... headers) {
        return TestContexts.resolve(Wire.rest("s3", method, uri, headers)).name();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,    /,                                   ListBuckets",
            "PUT,    /bucket,                             CreateBucket",
            "HEAD,   /bucket,                             HeadBucket",
            "DELETE, /bucket,                             DeleteBucket",
            "GET,    /bucket,                             ListObjects",
            "GET,    /bucket/,                            ListObjects",
            "GET,    /bucket?list-type=2&prefix=a,        ListObjectsV2",
            "GET,    /bucket?uploads,                     ListMultipartUploads",
            "GET,    /bucket?acl,                         GetBucketAcl",
            "PUT,    /bucket?tagging,                     PutBucketTagging",
            "GET,    /bucket?location,                    GetBucketLocation",
            "POST,   /bucket?delete,                      DeleteObjects",
            "PUT,    /bucket/key.txt,                     PutObject",
            "GET,    /bucket/key.txt,                     GetObject",
            "HEAD,   /bucket/key.txt,                     HeadObject",
            "DELETE, /bucket/key.txt,                     DeleteObject",
            "GET,    /bucket/key.txt?uploadId=u1,         ListParts",
            "POST,   /bucket/key.txt?uploads,             CreateMultipartUpload",
            "POST,   /bucket/key.txt?uploadId=u1,         CompleteMultipartUpload",
            "DELETE, /bucket/key.txt?uploadId=u1,         AbortMultipartUpload",
            "PUT,    /bucket/key.txt?partNumber=2&uploadId=u1, UploadPart",
            "GET,    /bucket/key.txt?tagging,             GetObjectTagging",
    })
    void methodPathAndQueryPickTheOperation(String method, String uri, String operation) {
        assertThat(resolve(method, uri)).isEqualTo(operation);
    }

    @Test
    void aCopySourceHeaderMakesAPutACopy() {
        assertThat(resolve("PUT", "/bucket/key", "x-amz-copy-source", "/src/k")).isEqualTo("CopyObject");
        assertThat(resolve("PUT", "/bucket/key?partNumber=1&uploadId=u1", "x-amz-copy-source", "/src/k"))
                .isEqualTo("UploadPartCopy");
        assertThat(resolve("PUT", "/bucket/key?partNumber=1&uploadId=u1")).isEqualTo("UploadPart");
        assertThat(resolve("PUT", "/bucket/key")).isEqualTo("PutObject");
    }

    @Test
    void pathLabelsAreDecodedAndTheKeyKeepsItsSlashes() {
        RequestContext ctx = Wire.rest("s3", "GET", "/my-bucket/dir/sub%2Fpart/file%20name%2B1.txt");

        assertThat(TestContexts.resolve(ctx).name()).isEqualTo("GetObject");
        assertThat(ctx.pathLabels()).containsExactly(Map.entry("Bucket", "my-bucket"),
                Map.entry("Key", "dir/sub/part/file name+1.txt"));
    }

    @Test
    void aVirtualHostBucketIsPrefixedToThePath() {
        RequestContext objects = TestContexts.withVirtualHostBucket(
                Wire.rest("s3", "GET", "/?list-type=2", "Host", "photos.s3.localhost.localstack.cloud:4566"), "photos");
        assertThat(TestContexts.resolve(objects).name()).isEqualTo("ListObjectsV2");
        assertThat(objects.pathLabels()).containsEntry("Bucket", "photos");

        RequestContext object = TestContexts.withVirtualHostBucket(Wire.rest("s3", "PUT", "/a/b.jpg"), "photos");
        assertThat(TestContexts.resolve(object).name()).isEqualTo("PutObject");
        assertThat(object.pathLabels()).containsExactly(Map.entry("Bucket", "photos"), Map.entry("Key", "a/b.jpg"));
    }

    @Test
    void anExplicitXIdWinsOverAnEquallyGoodMatch() {
        assertThat(resolve("GET", "/bucket?list-type=2&x-id=ListObjectsV2")).isEqualTo("ListObjectsV2");
        assertThat(resolve("PUT", "/bucket/key?x-id=PutObject")).isEqualTo("PutObject");
    }

    @Test
    void aMethodNoOperationAcceptsIsMethodNotAllowed() {
        AwsException error = awsError(() -> resolve("PATCH", "/bucket/key"));

        assertThat(error.code()).isEqualTo("MethodNotAllowed");
        assertThat(error.status()).isEqualTo(405);
        assertThat(error.details()).containsEntry("Method", "PATCH").containsEntry("ResourceType", "OBJECT");
    }
}
