package io.cloudjar.app.authz;

import static io.cloudjar.app.authz.EnforcedPolicies.allow;
import static io.cloudjar.app.authz.EnforcedPolicies.deny;
import static io.cloudjar.app.authz.EnforcedPolicies.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** With {@code ENFORCE_IAM=1}, S3 calls are authorized as the actions AWS names, on objects and buckets. */
class S3ResourceAuthorizationTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnforceIam();
    private static final EnforcedPolicies POLICIES = new EnforcedPolicies(cloudjar);

    @BeforeAll
    static void bucketWithASecret() {
        try (S3Client root = s3(null)) {
            root.createBucket(r -> r.bucket("docs"));
            root.putObject(r -> r.bucket("docs").key("secret/plan.txt"), RequestBody.fromString("the plan"));
            root.putObject(r -> r.bucket("docs").key("home/alice/notes.txt"), RequestBody.fromString("notes"));
            root.putObject(r -> r.bucket("docs").key("home/bob/notes.txt"), RequestBody.fromString("notes"));
        }
    }

    @Test
    void copyingFromASourceTheUserMayNotReadIsRefusedWhileWritingTheTargetIsAllowed() {
        AccessKey key = POLICIES.user("copier", "/", policy(allow("s3:*", "*"), deny("s3:GetObject", "arn:aws:s3:::docs/secret/*")));
        try (S3Client user = s3(key)) {
            S3Exception denied = catchThrowableOfType(S3Exception.class, () -> user.copyObject(r -> r
                    .sourceBucket("docs").sourceKey("secret/plan.txt").destinationBucket("docs").destinationKey("pub/plan.txt")));
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(catchThrowableOfType(S3Exception.class, () -> user.headObject(r -> r.bucket("docs").key("pub/plan.txt"))).statusCode())
                    .isEqualTo(404);

            String upload = user.createMultipartUpload(r -> r.bucket("docs").key("pub/parts.txt")).uploadId();
            S3Exception partDenied = catchThrowableOfType(S3Exception.class, () -> user.uploadPartCopy(r -> r.sourceBucket("docs")
                    .sourceKey("secret/plan.txt").destinationBucket("docs").destinationKey("pub/parts.txt").uploadId(upload).partNumber(1)));
            assertThat(partDenied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");

            user.putObject(r -> r.bucket("docs").key("pub/readme.txt"), RequestBody.fromString("public"));
            user.copyObject(r -> r.sourceBucket("docs").sourceKey("pub/readme.txt").destinationBucket("docs").destinationKey("pub/copy.txt"));
            assertThat(user.getObjectAsBytes(r -> r.bucket("docs").key("pub/copy.txt")).asUtf8String()).isEqualTo("public");
        }
    }

    @Test
    void listingIsAllowedOnlyUnderThePrefixThePolicyNames() {
        AccessKey key = POLICIES.user("alice", "/", policy(allow("s3:ListBucket", "arn:aws:s3:::docs",
                "{\"StringLike\":{\"s3:prefix\":\"home/alice/*\"}}")));
        try (S3Client user = s3(key)) {
            assertThat(user.listObjectsV2(r -> r.bucket("docs").prefix("home/alice/")).contents())
                    .extracting(S3Object::key).containsExactly("home/alice/notes.txt");

            S3Exception otherPrefix = catchThrowableOfType(S3Exception.class, () -> user.listObjectsV2(r -> r.bucket("docs").prefix("home/bob/")));
            assertThat(otherPrefix.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            S3Exception noPrefix = catchThrowableOfType(S3Exception.class, () -> user.listObjectsV2(r -> r.bucket("docs")));
            assertThat(noPrefix.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }

    @Test
    void readingAVersionNeedsGetObjectVersion() {
        try (S3Client root = s3(null)) {
            root.createBucket(r -> r.bucket("versioned"));
            root.putBucketVersioning(r -> r.bucket("versioned").versioningConfiguration(v -> v.status("Enabled")));
            String version = root.putObject(r -> r.bucket("versioned").key("k"), RequestBody.fromString("v1")).versionId();
            AccessKey key = POLICIES.user("latest-reader", "/", policy(allow("s3:GetObject", "arn:aws:s3:::versioned/*")));
            try (S3Client user = s3(key)) {
                assertThat(user.getObjectAsBytes(r -> r.bucket("versioned").key("k")).asUtf8String()).isEqualTo("v1");
                S3Exception denied = catchThrowableOfType(S3Exception.class,
                        () -> user.getObjectAsBytes(r -> r.bucket("versioned").key("k").versionId(version)));
                assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            }
        }
    }

    /** The root's client when {@code key} is null. */
    @Test
    void readsAreAllowedByTheObjectsExistingTags() {
        try (S3Client root = s3(null)) {
            root.putObject(r -> r.bucket("docs").key("tagged/open.txt").tagging("classification=public"), RequestBody.fromString("open"));
            root.putObject(r -> r.bucket("docs").key("tagged/closed.txt").tagging("classification=internal"), RequestBody.fromString("closed"));
        }
        AccessKey key = POLICIES.user("tag-reader", "/", policy(allow("s3:GetObject", "arn:aws:s3:::docs/*",
                "{\"StringEquals\":{\"s3:ExistingObjectTag/classification\":\"public\"}}")));
        try (S3Client user = s3(key)) {
            assertThat(user.getObjectAsBytes(r -> r.bucket("docs").key("tagged/open.txt")).asUtf8String()).isEqualTo("open");
            S3Exception denied = catchThrowableOfType(S3Exception.class, () -> user.getObjectAsBytes(r -> r.bucket("docs").key("tagged/closed.txt")));
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }

    private static S3Client s3(AccessKey key) {
        software.amazon.awssdk.services.s3.S3ClientBuilder builder = S3Client.builder().forcePathStyle(true);
        return key == null ? cloudjar.client(builder) : POLICIES.client(builder, key);
    }
}
