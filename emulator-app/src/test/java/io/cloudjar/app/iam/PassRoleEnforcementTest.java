package io.cloudjar.app.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Launching an instance with a profile, or associating or replacing one later, passes the profile's role to EC2:
 * the caller needs {@code iam:PassRole} on that role (for {@code ec2.amazonaws.com}), or EC2 answers
 * UnauthorizedOperation.
 */
class PassRoleEnforcementTest {
    static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String ROLE_ARN = "arn:aws:iam::000000000000:role/app/web";

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("ENFORCE_IAM", "1");

    private final TestPrincipals principals = new TestPrincipals(cloudjar);
    private final IamClient root = cloudjar.client(IamClient.builder());

    @AfterEach
    void reset() {
        cloudjar.reset();
        root.close();
    }

    @Test
    void runningOrAssociatingAProfileNeedsPassRoleOnItsRole() throws Exception {
        root.createRole(r -> r.roleName("web").path("/app/").assumeRolePolicyDocument(EC2_TRUST));
        root.createInstanceProfile(r -> r.instanceProfileName("web"));
        root.addRoleToInstanceProfile(r -> r.instanceProfileName("web").roleName("web"));
        AccessKey key = principals.user(root, "launcher", "arn:aws:iam::aws:policy/AmazonEC2FullAccess");
        root.putUserPolicy(r -> r.userName("launcher").policyName("noPass")
                .policyDocument(TestPrincipals.policy("Deny", "iam:PassRole", "*")));
        try (Ec2Client ec2 = principals.as(Ec2Client.builder(), key); StsClient rootSts = cloudjar.client(StsClient.builder())) {
            String image = ec2.describeImages(r -> r.owners("099720109477")
                    .filters(f -> f.name("name").values("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*")))
                    .images().get(0).imageId();
            // without the profile the user may launch
            String plain = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1))
                    .instances().get(0).instanceId();

            Ec2Exception denied = catchThrowableOfType(Ec2Exception.class, () -> ec2.runInstances(r -> r.imageId(image)
                    .instanceType("t2.micro").minCount(1).maxCount(1).iamInstanceProfile(p -> p.name("web"))));
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            String encoded = denied.awsErrorDetails().errorMessage().replaceFirst(".*Encoded authorization failure message: ", "");
            String decoded = rootSts.decodeAuthorizationMessage(r -> r.encodedMessage(encoded)).decodedMessage();
            assertThat(decoded).contains("\"action\":\"iam:PassRole\"").contains("\"resource\":\"" + ROLE_ARN + "\"")
                    .contains("\"explicitDeny\":true").contains("\"key\":\"iam:PassedToService\"");
            assertThat(ec2.describeInstances().reservations()).hasSize(1); // nothing was launched
            // a dry run checks the role too, though the provider never runs
            Ec2Exception dryRun = catchThrowableOfType(Ec2Exception.class, () -> ec2.runInstances(r -> r.imageId(image)
                    .instanceType("t2.micro").minCount(1).maxCount(1).iamInstanceProfile(p -> p.name("web")).dryRun(true)));
            assertThat(dryRun.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");

            Ec2Exception associate = catchThrowableOfType(Ec2Exception.class, () -> ec2.associateIamInstanceProfile(
                    r -> r.instanceId(plain).iamInstanceProfile(p -> p.name("web"))));
            assertThat(associate.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");

            // allowed to pass exactly this role to EC2
            root.deleteUserPolicy(r -> r.userName("launcher").policyName("noPass"));
            root.putUserPolicy(r -> r.userName("launcher").policyName("pass").policyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"" + ROLE_ARN + "\","
                    + "\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"ec2.amazonaws.com\"}}}]}"));
            Ec2Exception wouldSucceed = catchThrowableOfType(Ec2Exception.class, () -> ec2.runInstances(r -> r.imageId(image)
                    .instanceType("t2.micro").minCount(1).maxCount(1).iamInstanceProfile(p -> p.name("web")).dryRun(true)));
            assertThat(wouldSucceed.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation");
            assertThat(ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1)
                    .iamInstanceProfile(p -> p.name("web"))).instances().get(0).iamInstanceProfile().arn())
                    .isEqualTo("arn:aws:iam::000000000000:instance-profile/web");
            String association = ec2.associateIamInstanceProfile(r -> r.instanceId(plain).iamInstanceProfile(p -> p.name("web")))
                    .iamInstanceProfileAssociation().associationId();

            // replacing the profile passes its role again
            root.putUserPolicy(r -> r.userName("launcher").policyName("noPass")
                    .policyDocument(TestPrincipals.policy("Deny", "iam:PassRole", "*")));
            Ec2Exception replace = catchThrowableOfType(Ec2Exception.class, () -> ec2.replaceIamInstanceProfileAssociation(
                    r -> r.associationId(association).iamInstanceProfile(p -> p.name("web"))));
            assertThat(replace.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
        }
    }
}
