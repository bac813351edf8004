package io.cloudjar.app.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.LightsailException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * With {@code ENFORCE_IAM=1} a user's calls are decided by its policies, and each API refuses in its own words:
 * IAM, STS, RDS and Lightsail name the user, action, resource and why; S3 says Access Denied; EC2 hides the reason in a message
 * only STS decodes, for callers allowed to decode it.
 */
class EnforcedDenialsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("ENFORCE_IAM", "1");

    private final TestPrincipals principals = new TestPrincipals(cloudjar);
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void reset() {
        cloudjar.reset();
    }

    @Test
    void aUserWithNoPolicyIsDeniedEverywhere() throws Exception {
        try (IamClient root = cloudjar.client(IamClient.builder()); StsClient rootSts = cloudjar.client(StsClient.builder())) {
            AccessKey key = principals.user(root, "nobody");
            try (IamClient iam = principals.as(IamClient.builder(), key); S3Client s3 = principals.as(TestPrincipals.s3(), key);
                 Ec2Client ec2 = principals.as(Ec2Client.builder(), key); StsClient sts = principals.as(StsClient.builder(), key);
                 LightsailClient lightsail = principals.as(LightsailClient.builder(), key); RdsClient rds = principals.as(RdsClient.builder(), key)) {
                LightsailException lightsailDenied = catchThrowableOfType(LightsailException.class, () -> lightsail.getRegions(r -> { }));
                assertThat(lightsailDenied.statusCode()).isEqualTo(403);
                assertThat(lightsailDenied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                assertThat(lightsailDenied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:user/nobody "
                        + "is not authorized to perform: lightsail:GetRegions on resource: * because no identity-based policy "
                        + "allows the lightsail:GetRegions action");
                RdsException rdsDenied = catchThrowableOfType(RdsException.class, () -> rds.describeDBEngineVersions(r -> { }));
                assertThat(rdsDenied.statusCode()).isEqualTo(403);
                assertThat(rdsDenied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(rdsDenied.awsErrorDetails().errorMessage()).contains("rds:DescribeDBEngineVersions");

                IamException iamDenied = catchThrowableOfType(IamException.class, iam::listUsers);
                assertThat(iamDenied.statusCode()).isEqualTo(403);
                assertThat(iamDenied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(iamDenied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:user/nobody "
                        + "is not authorized to perform: iam:ListUsers on resource: * because no identity-based policy "
                        + "allows the iam:ListUsers action");

                S3Exception s3Denied = catchThrowableOfType(S3Exception.class, s3::listBuckets);
                assertThat(s3Denied.statusCode()).isEqualTo(403);
                assertThat(s3Denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(s3Denied.awsErrorDetails().errorMessage()).isEqualTo("Access Denied");

                Ec2Exception ec2Denied = catchThrowableOfType(Ec2Exception.class, ec2::describeVpcs);
                assertThat(ec2Denied.statusCode()).isEqualTo(403);
                assertThat(ec2Denied.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
                String message = ec2Denied.awsErrorDetails().errorMessage();
                String prefix = "You are not authorized to perform this operation. Encoded authorization failure message: ";
                assertThat(message).startsWith(prefix);
                String encoded = message.substring(prefix.length());

                // decoding is itself an authorized call: the user may not, the account root may
                StsException notAllowed = catchThrowableOfType(StsException.class,
                        () -> sts.decodeAuthorizationMessage(r -> r.encodedMessage(encoded)));
                assertThat(notAllowed.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                JsonNode decoded = json.readTree(rootSts.decodeAuthorizationMessage(r -> r.encodedMessage(encoded)).decodedMessage());
                assertThat(decoded.path("allowed").asBoolean(true)).isFalse();
                assertThat(decoded.path("explicitDeny").asBoolean(true)).isFalse();
                assertThat(decoded.path("context").path("action").asText()).isEqualTo("ec2:DescribeVpcs");
                assertThat(decoded.path("context").path("principal").path("arn").asText())
                        .isEqualTo("arn:aws:iam::000000000000:user/nobody");
                assertThat(decoded.path("context").path("conditions").path("items").findValuesAsText("key"))
                        .contains("aws:RequestedRegion");

                // GetCallerIdentity needs no permission (AWS: not even an explicit deny stops it)
                assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/nobody");
                root.putUserPolicy(r -> r.userName("nobody").policyName("noIdentity")
                        .policyDocument(TestPrincipals.policy("Deny", "sts:GetCallerIdentity", "*")));
                assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/nobody");
            }
        }
    }

    @Test
    void anExplicitDenyIsNamedAsSuchAndDecodedWithItsStatement() throws Exception {
        try (IamClient root = cloudjar.client(IamClient.builder()); StsClient rootSts = cloudjar.client(StsClient.builder())) {
            AccessKey key = principals.user(root, "denied", "arn:aws:iam::aws:policy/AdministratorAccess");
            root.putUserPolicy(r -> r.userName("denied").policyName("noVpcs")
                    .policyDocument(TestPrincipals.policy("Deny", "ec2:DescribeVpcs", "*")));
            try (Ec2Client ec2 = principals.as(Ec2Client.builder(), key); IamClient iam = principals.as(IamClient.builder(), key)) {
                assertThat(iam.listUsers().users()).isNotEmpty();
                Ec2Exception denied = catchThrowableOfType(Ec2Exception.class, ec2::describeVpcs);
                String encoded = denied.awsErrorDetails().errorMessage().replaceFirst(".*Encoded authorization failure message: ", "");
                JsonNode decoded = json.readTree(rootSts.decodeAuthorizationMessage(r -> r.encodedMessage(encoded)).decodedMessage());
                assertThat(decoded.path("explicitDeny").asBoolean()).isTrue();
                assertThat(decoded.path("matchedStatements").path("items").findValuesAsText("statementId"))
                        .singleElement().asString().contains("noVpcs");
                assertThat(ec2.describeRegions().regions()).isNotEmpty();

                root.putUserPolicy(r -> r.userName("denied").policyName("noUsers")
                        .policyDocument(TestPrincipals.policy("Deny", "iam:ListUsers", "*")));
                IamException explicit = catchThrowableOfType(IamException.class, iam::listUsers);
                assertThat(explicit.awsErrorDetails().errorMessage()).endsWith("on resource: * with an explicit deny in an "
                        + "identity-based policy");
            }
        }
    }

    @Test
    void amazonS3ReadOnlyAccessAllowsReadsAndDeniesWrites() {
        try (IamClient root = cloudjar.client(IamClient.builder()); S3Client rootS3 = cloudjar.client(TestPrincipals.s3())) {
            rootS3.createBucket(r -> r.bucket("reports"));
            rootS3.putObject(r -> r.bucket("reports").key("q1.csv"), RequestBody.fromString("a,b"));
            AccessKey key = principals.user(root, "reader", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
            try (S3Client s3 = principals.as(TestPrincipals.s3(), key)) {
                assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("reports");
                assertThat(s3.listObjectsV2(r -> r.bucket("reports")).contents()).hasSize(1);
                assertThat(s3.getObjectAsBytes(r -> r.bucket("reports").key("q1.csv")).asUtf8String()).isEqualTo("a,b");

                S3Exception put = catchThrowableOfType(S3Exception.class,
                        () -> s3.putObject(r -> r.bucket("reports").key("q2.csv"), RequestBody.fromString("c")));
                assertThat(put.statusCode()).isEqualTo(403);
                assertThat(put.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                S3Exception delete = catchThrowableOfType(S3Exception.class,
                        () -> s3.deleteObject(r -> r.bucket("reports").key("q1.csv")));
                assertThat(delete.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(rootS3.headObject(r -> r.bucket("reports").key("q1.csv")).contentLength()).isEqualTo(3);
            }
        }
    }
}
