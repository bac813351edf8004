package io.cloudjar.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.iam.state.IamState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The evaluator as the server's authorizer (what {@code ENFORCE_IAM=1} installs): a user's calls are decided by
 * its policies; the account root keeps full access.
 */
class IamAuthorizerTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @BeforeAll
    static void enforce() {
        var runtime = cloudjar.server().runtime();
        runtime.setAuthorizer(new IamAuthorizer(IamState.of(runtime), runtime.resourcePolicies()));
    }

    @Test
    void usersNeedAPolicyAndExplicitDenyWins() {
        try (IamClient root = cloudjar.client(IamClient.builder())) {
            root.createUser(r -> r.userName("limited"));
            AccessKey key = root.createAccessKey(r -> r.userName("limited")).accessKey();
            try (IamClient asUser = cloudjar.client(IamClient.builder(), Region.AWS_GLOBAL, key.accessKeyId(), key.secretAccessKey())) {
                IamException denied = catchThrowableOfType(IamException.class, asUser::listUsers);
                assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(denied.statusCode()).isEqualTo(403);
                assertThat(denied.awsErrorDetails().errorMessage()).contains("arn:aws:iam::000000000000:user/limited")
                        .contains("iam:ListUsers");

                root.attachUserPolicy(r -> r.userName("limited").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
                assertThat(asUser.listUsers().users()).isNotEmpty();

                root.putUserPolicy(r -> r.userName("limited").policyName("deny").policyDocument("{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:List*\",\"Resource\":\"*\"}]}"));
                IamException explicit = catchThrowableOfType(IamException.class, asUser::listUsers);
                assertThat(explicit.awsErrorDetails().errorMessage()).contains("explicit deny");
            }
        }
    }

    @Test
    void roleSessionsAreTheRoleForAwsPrincipalArnAndLimitedBySessionPolicies() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
        // aws:PrincipalArn of a role session is the role's ARN, path included, not the assumed-role ARN
        String onlyThisRole = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:ListUsers\","
                + "\"iam:ListRoles\"],\"Resource\":\"*\",\"Condition\":{\"ArnEquals\":{\"aws:PrincipalArn\":"
                + "\"arn:aws:iam::000000000000:role/svc/app\"}}}]}";
        String listRolesOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:ListRoles\","
                + "\"Resource\":\"*\"}]}";
        try (IamClient root = cloudjar.client(IamClient.builder()); StsClient sts = cloudjar.client(StsClient.builder())) {
            root.createRole(r -> r.roleName("app").path("/svc/").assumeRolePolicyDocument(trust));
            root.putRolePolicy(r -> r.roleName("app").policyName("list").policyDocument(onlyThisRole));
            Credentials full = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/svc/app").roleSessionName("full"))
                    .credentials();
            try (IamClient session = sessionClient(full)) {
                assertThat(session.listUsers().users()).isNotNull();
            }
            Credentials limited = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/svc/app").roleSessionName("ltd")
                    .policy(listRolesOnly)).credentials();
            try (IamClient session = sessionClient(limited)) {
                assertThat(session.listRoles().roles()).extracting(Role::roleName).contains("app");
                IamException denied = catchThrowableOfType(IamException.class, session::listUsers);
                assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(denied.awsErrorDetails().errorMessage())
                        .contains("arn:aws:sts::000000000000:assumed-role/app/ltd").contains("iam:ListUsers");
            }
        }
    }

    private static IamClient sessionClient(Credentials c) {
        return IamClient.builder().endpointOverride(cloudjar.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()))).build();
    }
}
