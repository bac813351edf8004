package io.cloudjar.app.iam;

import static io.cloudjar.app.iam.TestPrincipals.bucketPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * PutBucketPolicy, GetBucketPolicy, DeleteBucketPolicy and GetBucketPolicyStatus as S3 answers them: a policy is
 * checked with IAM's grammar and refused with S3's MalformedPolicy words, returned as given, and public when it
 * grants everyone without a condition.
 */
class BucketPolicyApiTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private final S3Client s3 = cloudjar.client(TestPrincipals.s3());

    @BeforeEach
    void bucket() {
        s3.createBucket(r -> r.bucket("site"));
    }

    @AfterEach
    void reset() {
        cloudjar.reset();
        s3.close();
    }

    @Test
    void aPolicyIsStoredAsGivenReportedPublicAndDeleted() {
        S3Exception none = catchThrowableOfType(S3Exception.class, () -> s3.getBucketPolicy(r -> r.bucket("site")));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
        assertThat(none.awsErrorDetails().errorMessage()).isEqualTo("The bucket policy does not exist");
        assertThat(catchThrowableOfType(S3Exception.class, () -> s3.getBucketPolicyStatus(r -> r.bucket("site")))
                .awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");

        String account = bucketPolicy("Allow", "{\"AWS\":\"111111111111\"}", "s3:GetObject", "arn:aws:s3:::site/*");
        s3.putBucketPolicy(r -> r.bucket("site").policy(account));
        assertThat(s3.getBucketPolicy(r -> r.bucket("site")).policy()).isEqualTo(account);
        assertThat(s3.getBucketPolicyStatus(r -> r.bucket("site")).policyStatus().isPublic()).isFalse();

        String everyone = bucketPolicy("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::site/*");
        // a new bucket blocks public policies (BlockPublicPolicy), as S3's buckets do since April 2023
        assertThat(catchThrowableOfType(S3Exception.class, () -> s3.putBucketPolicy(r -> r.bucket("site").policy(everyone)))
                .awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        s3.deletePublicAccessBlock(r -> r.bucket("site"));
        s3.putBucketPolicy(r -> r.bucket("site").policy(everyone));
        assertThat(s3.getBucketPolicyStatus(r -> r.bucket("site")).policyStatus().isPublic()).isTrue();

        // a condition fixing who may call keeps it private; one that narrows nothing does not
        s3.putBucketPolicy(r -> r.bucket("site").policy(withSourceIp(everyone, "10.0.0.0/8")));
        assertThat(s3.getBucketPolicyStatus(r -> r.bucket("site")).policyStatus().isPublic()).isFalse();
        s3.putBucketPolicy(r -> r.bucket("site").policy(withSourceIp(everyone, "0.0.0.0/0")));
        assertThat(s3.getBucketPolicyStatus(r -> r.bucket("site")).policyStatus().isPublic()).isTrue();

        s3.deleteBucketPolicy(r -> r.bucket("site"));
        assertThat(catchThrowableOfType(S3Exception.class, () -> s3.getBucketPolicy(r -> r.bucket("site")))
                .awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
        s3.deleteBucketPolicy(r -> r.bucket("site")); // deleting none succeeds, as on S3
    }

    @Test
    void malformedPoliciesAreRefusedInS3Words() {
        assertMalformed("not json", "Policies must be valid JSON and the first byte must be '{'");
        assertMalformed("{\"Version\":\"2012-10-17\",\"Statement\":[", "This policy contains invalid Json");
        assertMalformed("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::site/*\"}]}", "Missing required field Principal");
        assertMalformed(bucketPolicy("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::other-bucket/*"),
                "Policy has invalid resource");
        assertMalformed(bucketPolicy("Allow", "\"*\"", "s3:GetObject", "*"), "Policy has invalid resource");
        assertMalformed(bucketPolicy("Allow", "{\"AWS\":\"alice\"}", "s3:GetObject", "arn:aws:s3:::site/*"),
                "Invalid principal in policy");
        assertMalformed(bucketPolicy("Allow", "\"*\"", "ec2:RunInstances", "arn:aws:s3:::site/*"), "Policy has invalid action");
        assertThat(catchThrowableOfType(S3Exception.class, () -> s3.getBucketPolicy(r -> r.bucket("site")))
                .awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
    }

    private static String withSourceIp(String policy, String cidr) {
        return policy.replace("\"Resource\"", "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"" + cidr + "\"}},\"Resource\"");
    }

    private void assertMalformed(String policy, String message) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> s3.putBucketPolicy(r -> r.bucket("site").policy(policy)));
        assertThat(e).as(policy).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
}
