package io.cloudjar.app.iam;

import static io.cloudjar.app.iam.TestPrincipals.bucketPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Bucket policies take part in every decision ({@code ENFORCE_IAM=1}): within the owner's account a policy naming a
 * user grants on its own; across accounts both the caller's identity policies and the bucket policy must allow;
 * an explicit deny in either wins; DeleteObjects decides each key.
 */
class BucketPolicyEnforcementTest {
    static final String OWNER = "000000000000";
    static final String OTHER = "111111111111";

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("ENFORCE_IAM", "1");

    private final TestPrincipals principals = new TestPrincipals(cloudjar);
    private final IamClient root = cloudjar.client(IamClient.builder());
    private final S3Client rootS3 = cloudjar.client(TestPrincipals.s3());

    @BeforeEach
    void bucket() {
        rootS3.createBucket(r -> r.bucket("shared"));
        rootS3.putObject(r -> r.bucket("shared").key("pub/a.txt"), RequestBody.fromString("a"));
        rootS3.putObject(r -> r.bucket("shared").key("secret/b.txt"), RequestBody.fromString("b"));
    }

    @AfterEach
    void reset() {
        cloudjar.reset();
        root.close();
        rootS3.close();
    }

    @Test
    void aBucketPolicyNamingAUserOfTheSameAccountGrantsWithoutAnIdentityPolicy() {
        AccessKey bob = principals.user(root, "bob");
        try (S3Client s3 = principals.as(TestPrincipals.s3(), bob)) {
            assertDenied(() -> s3.getObjectAsBytes(r -> r.bucket("shared").key("pub/a.txt")));
            rootS3.putBucketPolicy(r -> r.bucket("shared").policy(bucketPolicy("Allow",
                    "{\"AWS\":\"arn:aws:iam::" + OWNER + ":user/bob\"}", "s3:GetObject", "arn:aws:s3:::shared/pub/*")));
            assertThat(s3.getObjectAsBytes(r -> r.bucket("shared").key("pub/a.txt")).asUtf8String()).isEqualTo("a");
            assertDenied(() -> s3.getObjectAsBytes(r -> r.bucket("shared").key("secret/b.txt")));
            assertDenied(() -> s3.putObject(r -> r.bucket("shared").key("pub/c.txt"), RequestBody.fromString("c")));
        }
    }

    @Test
    void anotherAccountNeedsBothItsIdentityPolicyAndTheBucketPolicy() {
        try (S3Client otherRoot = principals.asRootOf(TestPrincipals.s3(), OTHER);
             IamClient otherIam = principals.asRootOf(IamClient.builder(), OTHER)) {
            // no bucket policy: not even the other account's root gets in
            assertDenied(() -> otherRoot.getObjectAsBytes(r -> r.bucket("shared").key("pub/a.txt")));

            rootS3.putBucketPolicy(r -> r.bucket("shared").policy(bucketPolicy("Allow", "{\"AWS\":\"" + OTHER + "\"}",
                    "s3:GetObject", "arn:aws:s3:::shared/pub/*")));
            assertThat(otherRoot.getObjectAsBytes(r -> r.bucket("shared").key("pub/a.txt")).asUtf8String()).isEqualTo("a");
            assertDenied(() -> otherRoot.getObjectAsBytes(r -> r.bucket("shared").key("secret/b.txt")));
            try (S3Client thirdRoot = principals.asRootOf(TestPrincipals.s3(), "222222222222")) {
                assertDenied(() -> thirdRoot.getObjectAsBytes(r -> r.bucket("shared").key("pub/a.txt")));
            }

            // a user of that account: the bucket policy trusts its account, but its own policies must allow too
            AccessKey carol = principals.user(otherIam, "carol");
            try (S3Client carolS3 = principals.as(TestPrincipals.s3(), carol)) {
                assertDenied(() -> carolS3.getObjectAsBytes(r -> r.bucket("shared").key("pub/a.txt")));
                otherIam.putUserPolicy(r -> r.userName("carol").policyName("read")
                        .policyDocument(TestPrincipals.policy("Allow", "s3:GetObject", "*")));
                assertThat(carolS3.getObjectAsBytes(r -> r.bucket("shared").key("pub/a.txt")).asUtf8String()).isEqualTo("a");
                // the identity side alone is not enough across accounts
                assertDenied(() -> carolS3.getObjectAsBytes(r -> r.bucket("shared").key("secret/b.txt")));
            }
            // only the owner manages the policy: another account granted it still gets 405, as S3 answers
            assertDenied(() -> otherRoot.getBucketPolicy(r -> r.bucket("shared")));
            rootS3.putBucketPolicy(r -> r.bucket("shared").policy(bucketPolicy("Allow", "{\"AWS\":\"" + OTHER + "\"}",
                    "s3:GetBucketPolicy", "arn:aws:s3:::shared")));
            S3Exception manage = catchThrowableOfType(S3Exception.class, () -> otherRoot.getBucketPolicy(r -> r.bucket("shared")));
            assertThat(manage.statusCode()).isEqualTo(405);
            assertThat(manage.awsErrorDetails().errorCode()).isEqualTo("MethodNotAllowed");
        }
    }

    @Test
    void anExplicitDenyInTheBucketPolicyBeatsAnIdentityAllow() {
        AccessKey admin = principals.user(root, "admin", "arn:aws:iam::aws:policy/AmazonS3FullAccess");
        rootS3.putBucketPolicy(r -> r.bucket("shared").policy(bucketPolicy("Deny",
                "{\"AWS\":\"arn:aws:iam::" + OWNER + ":user/admin\"}", "s3:GetObject", "arn:aws:s3:::shared/secret/*")));
        try (S3Client s3 = principals.as(TestPrincipals.s3(), admin)) {
            assertThat(s3.getObjectAsBytes(r -> r.bucket("shared").key("pub/a.txt")).asUtf8String()).isEqualTo("a");
            assertDenied(() -> s3.getObjectAsBytes(r -> r.bucket("shared").key("secret/b.txt")));
        }
        // the owner's root keeps managing the policy even when it denies the root
        rootS3.putBucketPolicy(r -> r.bucket("shared").policy(bucketPolicy("Deny", "\"*\"", "s3:*",
                "arn:aws:s3:::shared", "arn:aws:s3:::shared/*")));
        assertDenied(() -> rootS3.getObjectAsBytes(r -> r.bucket("shared").key("pub/a.txt")));
        rootS3.deleteBucketPolicy(r -> r.bucket("shared"));
        assertThat(rootS3.getObjectAsBytes(r -> r.bucket("shared").key("pub/a.txt")).asUtf8String()).isEqualTo("a");
    }

    @Test
    void anonymousCallersGetInOnlyThroughAPolicyGrantingEveryone() {
        try (S3Client anonymous = TestPrincipals.s3().endpointOverride(cloudjar.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            assertDenied(() -> anonymous.getObjectAsBytes(r -> r.bucket("shared").key("pub/a.txt")));
            rootS3.putBucketPolicy(r -> r.bucket("shared").policy(bucketPolicy("Allow", "{\"AWS\":\"" + OWNER + "\"}",
                    "s3:GetObject", "arn:aws:s3:::shared/pub/*")));
            assertDenied(() -> anonymous.getObjectAsBytes(r -> r.bucket("shared").key("pub/a.txt")));
            rootS3.deletePublicAccessBlock(r -> r.bucket("shared")); // a new bucket refuses public policies
            rootS3.putBucketPolicy(r -> r.bucket("shared").policy(bucketPolicy("Allow", "\"*\"",
                    "s3:GetObject", "arn:aws:s3:::shared/pub/*")));
            assertThat(anonymous.getObjectAsBytes(r -> r.bucket("shared").key("pub/a.txt")).asUtf8String()).isEqualTo("a");
            assertDenied(() -> anonymous.getObjectAsBytes(r -> r.bucket("shared").key("secret/b.txt")));
            assertDenied(() -> anonymous.putObject(r -> r.bucket("shared").key("pub/x"), RequestBody.fromString("x")));
        }
    }

    @Test
    void deleteObjectsDeletesTheAllowedKeysAndReportsTheDeniedOnes() {
        AccessKey cleaner = principals.user(root, "cleaner");
        root.putUserPolicy(r -> r.userName("cleaner").policyName("clean").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:DeleteObject\",\"Resource\":[\"arn:aws:s3:::shared\","
                + "\"arn:aws:s3:::shared/*\"]},{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":"
                + "\"arn:aws:s3:::shared/secret/*\"}]}"));
        try (S3Client s3 = principals.as(TestPrincipals.s3(), cleaner)) {
            DeleteObjectsResponse response = s3.deleteObjects(r -> r.bucket("shared").delete(d -> d.objects(
                    ObjectIdentifier.builder().key("pub/a.txt").build(), ObjectIdentifier.builder().key("secret/b.txt").build())));
            assertThat(response.deleted()).extracting(o -> o.key()).containsExactly("pub/a.txt");
            assertThat(response.errors()).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo("secret/b.txt");
                assertThat(e.code()).isEqualTo("AccessDenied");
                assertThat(e.message()).isEqualTo("Access Denied");
            });
        }
        assertThat(rootS3.listObjectsV2(r -> r.bucket("shared")).contents()).extracting(o -> o.key())
                .containsExactly("secret/b.txt");
    }

    private static void assertDenied(Runnable call) {
        S3Exception denied = catchThrowableOfType(S3Exception.class, call::run);
        assertThat(denied).as("the call should be denied").isNotNull();
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }
}
