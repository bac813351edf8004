package io.cloudjar.app.authz;

import static io.cloudjar.app.authz.EnforcedPolicies.allow;
import static io.cloudjar.app.authz.EnforcedPolicies.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;

/** With {@code ENFORCE_IAM=1}, IAM calls are authorized on the ARNs of the users they name, paths included. */
class IamResourceAuthorizationTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnforceIam();
    private static final EnforcedPolicies POLICIES = new EnforcedPolicies(cloudjar);

    @Test
    void getUserIsAllowedOnTheUserThePolicyNamesWithItsPath() {
        try (IamClient root = cloudjar.client(IamClient.builder())) {
            root.createUser(r -> r.userName("bob").path("/team/"));
            root.createUser(r -> r.userName("carol").path("/team/"));
        }
        AccessKey key = POLICIES.user("lead", "/", policy(allow("iam:GetUser", "arn:aws:iam::000000000000:user/team/bob")));
        try (IamClient user = POLICIES.client(IamClient.builder(), key)) {
            assertThat(user.getUser(r -> r.userName("bob")).user().arn()).isEqualTo("arn:aws:iam::000000000000:user/team/bob");

            IamException denied = catchThrowableOfType(IamException.class, () -> user.getUser(r -> r.userName("carol")));
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(denied.awsErrorDetails().errorMessage()).contains("iam:GetUser")
                    .contains("on resource: arn:aws:iam::000000000000:user/team/carol");
        }
    }

    @Test
    void aUserMayManageItsOwnKeysThroughTheUsernameVariable() {
        AccessKey key = POLICIES.user("self-service", "/", policy(allow("iam:ListAccessKeys",
                "arn:aws:iam::000000000000:user/${aws:username}")));
        try (IamClient user = POLICIES.client(IamClient.builder(), key)) {
            assertThat(user.listAccessKeys().accessKeyMetadata()).singleElement()
                    .satisfies(k -> assertThat(k.accessKeyId()).isEqualTo(key.accessKeyId()));
            IamException denied = catchThrowableOfType(IamException.class, () -> user.listAccessKeys(r -> r.userName("lead")));
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }

    @Test
    void aConditionOnTheUsersTagsDecidesByTheNamedUsersTags() {
        try (IamClient root = cloudjar.client(IamClient.builder())) {
            root.createUser(r -> r.userName("blue-dev").tags(t -> t.key("team").value("blue")));
            root.createUser(r -> r.userName("red-dev").tags(t -> t.key("team").value("red")));
        }
        AccessKey key = POLICIES.user("blue-lead", "/", policy(allow("iam:GetUser", "*",
                "{\"StringEquals\":{\"aws:ResourceTag/team\":\"blue\"}}")));
        try (IamClient user = POLICIES.client(IamClient.builder(), key)) {
            assertThat(user.getUser(r -> r.userName("blue-dev")).user().userName()).isEqualTo("blue-dev");
            IamException denied = catchThrowableOfType(IamException.class, () -> user.getUser(r -> r.userName("red-dev")));
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }
}
