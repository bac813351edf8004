package io.cloudjar.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.iam.state.IamState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;

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
        runtime.setAuthorizer(new IamAuthorizer(IamState.of(runtime)));
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
}
