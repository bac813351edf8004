package io.cloudjar.app.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Credentials;

/** A role session acts with the role's permissions (not the user's who assumed it) until it expires on the emulator clock. */
class AssumedRoleEnforcementTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("ENFORCE_IAM", "1");

    private final TestPrincipals principals = new TestPrincipals(cloudjar);

    @Test
    void aSessionHasTheRolesPermissionsAndExpiresOnTheEmulatorClock() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
        try (IamClient root = cloudjar.client(IamClient.builder()); S3Client rootS3 = cloudjar.client(TestPrincipals.s3())) {
            rootS3.createBucket(r -> r.bucket("data"));
            rootS3.putObject(r -> r.bucket("data").key("k"), RequestBody.fromString("v"));
            root.createRole(r -> r.roleName("reader").assumeRolePolicyDocument(trust));
            root.attachRolePolicy(r -> r.roleName("reader").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
            AccessKey key = principals.user(root, "dev");
            root.putUserPolicy(r -> r.userName("dev").policyName("assume")
                    .policyDocument(TestPrincipals.policy("Allow", "sts:AssumeRole", "*")));
            try (S3Client devS3 = principals.as(TestPrincipals.s3(), key); StsClient devSts = principals.as(StsClient.builder(), key)) {
                assertThat(catchThrowableOfType(S3Exception.class, () -> devS3.getObjectAsBytes(r -> r.bucket("data").key("k"))))
                        .isNotNull();
                Credentials session = devSts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/reader")
                        .roleSessionName("s1").durationSeconds(900)).credentials();
                try (S3Client asRole = principals.asSession(TestPrincipals.s3(), session)) {
                    assertThat(asRole.getObjectAsBytes(r -> r.bucket("data").key("k")).asUtf8String()).isEqualTo("v");
                    S3Exception write = catchThrowableOfType(S3Exception.class,
                            () -> asRole.putObject(r -> r.bucket("data").key("k2"), RequestBody.fromString("x")));
                    assertThat(write.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");

                    cloudjar.advanceClock(Duration.ofSeconds(901));
                    AwsServiceException expired = catchThrowableOfType(AwsServiceException.class,
                            () -> asRole.getObjectAsBytes(r -> r.bucket("data").key("k")));
                    assertThat(expired).as("an expired session is refused").isNotNull();
                    assertThat(expired.statusCode()).isEqualTo(400);
                    assertThat(expired.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
                }
            }
        }
    }

    @Test
    void anotherAccountAssumesARoleWhoseTrustPolicyNamesIt() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::111111111111:root\"},\"Action\":\"sts:AssumeRole\"}]}";
        try (IamClient root = cloudjar.client(IamClient.builder())) {
            root.createRole(r -> r.roleName("partner").assumeRolePolicyDocument(trust));
        }
        String role = "arn:aws:iam::000000000000:role/partner";
        try (StsClient partnerRoot = principals.asRootOf(StsClient.builder(), "111111111111");
             IamClient partnerIam = principals.asRootOf(IamClient.builder(), "111111111111");
             StsClient strangerRoot = principals.asRootOf(StsClient.builder(), "222222222222")) {
            // the trusted account's root: its own side allows everything, the trust policy names its account
            assertThat(partnerRoot.assumeRole(r -> r.roleArn(role).roleSessionName("p1")).assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::000000000000:assumed-role/partner/p1");
            // a user of that account also needs its own policy to allow sts:AssumeRole on the role
            AccessKey key = principals.user(partnerIam, "operator");
            try (StsClient operator = principals.as(StsClient.builder(), key)) {
                assertThat(catchThrowableOfType(StsException.class, () -> operator.assumeRole(r -> r.roleArn(role).roleSessionName("o1")))
                        .awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                partnerIam.putUserPolicy(r -> r.userName("operator").policyName("assume")
                        .policyDocument(TestPrincipals.policy("Allow", "sts:AssumeRole", role)));
                assertThat(operator.assumeRole(r -> r.roleArn(role).roleSessionName("o1")).credentials()).isNotNull();
            }
            // an account the trust policy does not name
            assertThat(catchThrowableOfType(StsException.class, () -> strangerRoot.assumeRole(r -> r.roleArn(role).roleSessionName("s1")))
                    .awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }
}
