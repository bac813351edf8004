package io.cloudjar.app.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code ENFORCE_IAM=1} with {@code SERVICES=s3}: IAM (and STS) start anyway, because the evaluator and the users
 * it decides for live there; enforcing never falls back to allowing every call. Other services stay off.
 */
class EnforceWithServicesSubsetTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withServices("s3")
            .withEnv("ENFORCE_IAM", "1");

    private final TestPrincipals principals = new TestPrincipals(cloudjar);

    @Test
    void iamStartsAndDecides() {
        try (IamClient root = cloudjar.client(IamClient.builder()); S3Client rootS3 = cloudjar.client(TestPrincipals.s3());
             Ec2Client ec2 = cloudjar.client(Ec2Client.builder())) {
            rootS3.createBucket(r -> r.bucket("only-s3"));
            AccessKey key = principals.user(root, "nobody");
            try (S3Client s3 = principals.as(TestPrincipals.s3(), key)) {
                S3Exception denied = catchThrowableOfType(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("only-s3")));
                assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            }
            assertThat(rootS3.listObjectsV2(r -> r.bucket("only-s3")).contents()).isEmpty();
            assertThat(catchThrowableOfType(Ec2Exception.class, ec2::describeRegions).statusCode()).isEqualTo(501);
        }
    }
}
