package io.cloudjar.app.iam;

import static io.cloudjar.app.iam.TestPrincipals.bucketPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Without ENFORCE_IAM, anonymous and cross-account S3 calls are decided by the bucket policy and ACLs, under Block
 * Public Access, as in AWS; the owner's own signed calls stay allowed.
 */
class PublicAccessByDefaultTest {
    private static final String OTHER = "111111111111";

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private final S3Client owner = cloudjar.client(TestPrincipals.s3());
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void bucket() {
        owner.createBucket(r -> r.bucket("site"));
        owner.putObject(r -> r.bucket("site").key("index.html"), RequestBody.fromString("<h1>hi</h1>"));
        owner.putObject(r -> r.bucket("site").key("private/secret.txt"), RequestBody.fromString("secret"));
    }

    @AfterEach
    void reset() {
        cloudjar.reset();
        owner.close();
    }

    private int anonymous(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + path))
                .method(method, method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("x")
                        : HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anAnonymousClientIsDeniedUntilAPublicReadPolicyAllowsIt() throws Exception {
        assertThat(anonymous("GET", "/site/index.html")).isEqualTo(403);
        assertThat(anonymous("DELETE", "/site/index.html")).isEqualTo(403);
        assertThat(anonymous("GET", "/site")).isEqualTo(403);

        String publicRead = bucketPolicy("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::site/index.html");
        // BlockPublicPolicy (on for new buckets) refuses the public policy
        S3Exception blocked = catchThrowableOfType(S3Exception.class,
                () -> owner.putBucketPolicy(r -> r.bucket("site").policy(publicRead)));
        assertThat(blocked.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");

        owner.putPublicAccessBlock(r -> r.bucket("site").publicAccessBlockConfiguration(c -> c
                .blockPublicPolicy(false).restrictPublicBuckets(true)));
        owner.putBucketPolicy(r -> r.bucket("site").policy(publicRead));
        // RestrictPublicBuckets: the public policy grants no one outside the account
        assertThat(anonymous("GET", "/site/index.html")).isEqualTo(403);

        owner.deletePublicAccessBlock(r -> r.bucket("site"));
        assertThat(anonymous("GET", "/site/index.html")).isEqualTo(200);
        assertThat(anonymous("GET", "/site/private/secret.txt")).isEqualTo(403);
        assertThat(anonymous("PUT", "/site/index.html")).isEqualTo(403);
        assertThat(anonymous("DELETE", "/site/index.html")).isEqualTo(403);
        assertThat(owner.getObjectAsBytes(r -> r.bucket("site").key("private/secret.txt")).asUtf8String()).isEqualTo("secret");
    }

    @Test
    void anotherAccountNeedsTheBucketPolicy() {
        try (S3Client other = cloudjar.client(TestPrincipals.s3(), Region.US_EAST_1, OTHER, "test")) {
            S3Exception denied = catchThrowableOfType(S3Exception.class,
                    () -> other.getObjectAsBytes(r -> r.bucket("site").key("index.html")));
            assertThat(denied.statusCode()).isEqualTo(403);
            owner.putBucketPolicy(r -> r.bucket("site").policy(bucketPolicy("Allow", "{\"AWS\":\"" + OTHER + "\"}",
                    "s3:GetObject", "arn:aws:s3:::site/index.html")));
            assertThat(other.getObjectAsBytes(r -> r.bucket("site").key("index.html")).asUtf8String()).isEqualTo("<h1>hi</h1>");
            assertThat(catchThrowableOfType(S3Exception.class,
                    () -> other.getObjectAsBytes(r -> r.bucket("site").key("private/secret.txt"))).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aclGrantsToAllUsersOpenObjectsUnlessIgnorePublicAcls() throws Exception {
        owner.putBucketOwnershipControls(r -> r.bucket("site").ownershipControls(c -> c.rules(rule -> rule
                .objectOwnership(ObjectOwnership.OBJECT_WRITER))));
        owner.putPublicAccessBlock(r -> r.bucket("site").publicAccessBlockConfiguration(c -> c.ignorePublicAcls(true)));
        owner.putObject(r -> r.bucket("site").key("shared.txt").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("s"));
        assertThat(anonymous("GET", "/site/shared.txt")).isEqualTo(403);

        owner.deletePublicAccessBlock(r -> r.bucket("site"));
        assertThat(anonymous("GET", "/site/shared.txt")).isEqualTo(200);
        assertThat(anonymous("GET", "/site/index.html")).isEqualTo(403);
        owner.putObjectAcl(r -> r.bucket("site").key("shared.txt").acl(ObjectCannedACL.PRIVATE));
        assertThat(anonymous("GET", "/site/shared.txt")).isEqualTo(403);

        // AuthenticatedUsers: any signed caller, never an anonymous one
        owner.putObjectAcl(r -> r.bucket("site").key("shared.txt").acl(ObjectCannedACL.AUTHENTICATED_READ));
        assertThat(anonymous("GET", "/site/shared.txt")).isEqualTo(403);
        try (S3Client other = cloudjar.client(TestPrincipals.s3(), Region.US_EAST_1, OTHER, "test")) {
            assertThat(other.getObjectAsBytes(r -> r.bucket("site").key("shared.txt")).asUtf8String()).isEqualTo("s");
        }

        owner.putBucketAcl(r -> r.bucket("site").acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ));
        assertThat(anonymous("GET", "/site?list-type=2")).isEqualTo(200);
    }

    @Test
    void anUnsignedWriteFromAnotherSiteIsLeftToTheBucketPolicy() throws Exception {
        HttpRequest put = HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + "/site/uploads/a.txt"))
                .header("Origin", "http://evil.example").PUT(HttpRequest.BodyPublishers.ofString("x")).build();
        assertThat(http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        owner.deletePublicAccessBlock(r -> r.bucket("site"));
        owner.putBucketPolicy(r -> r.bucket("site").policy(bucketPolicy("Allow", "\"*\"", "s3:PutObject",
                "arn:aws:s3:::site/uploads/*")));
        assertThat(http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(owner.getObjectAsBytes(r -> r.bucket("site").key("uploads/a.txt")).asUtf8String()).isEqualTo("x");
    }
}
