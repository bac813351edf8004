package io.cloudjar.app.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;

/**
 * moto's server mode switches IAM on with {@code POST /moto-api/reset-auth N}: after N calls its policies decide,
 * without {@code ENFORCE_IAM}; {@code inf} switches it off again. Suites written for moto rely on that.
 */
class MotoResetAuthEnforcementTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private final TestPrincipals principals = new TestPrincipals(cloudjar);

    @AfterEach
    void reset() {
        resetAuth("inf");
        cloudjar.reset();
    }

    @Test
    void resetAuthSwitchesPolicyEvaluationOnAfterTheCountedCalls() throws Exception {
        try (IamClient root = cloudjar.client(IamClient.builder())) {
            AccessKey key = principals.user(root, "moto-user");
            try (IamClient user = principals.as(IamClient.builder(), key)) {
                assertThat(user.listUsers().users()).hasSize(1); // not enforcing: everything is allowed

                assertThat(resetAuth("1")).contains("\"PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT\":\"inf\"");
                assertThat(user.listUsers().users()).hasSize(1); // the one call that skips authorization
                IamException denied = catchThrowableOfType(IamException.class, user::listUsers);
                assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(denied.awsErrorDetails().errorMessage()).contains("user/moto-user", "iam:ListUsers");
                assertThat(root.listUsers().users()).hasSize(1); // the account root may do everything in its account

                root.putUserPolicy(r -> r.userName("moto-user").policyName("list")
                        .policyDocument(TestPrincipals.policy("Allow", "iam:ListUsers", "*")));
                assertThat(user.listUsers().users()).hasSize(1);

                resetAuth("inf");
                root.deleteUserPolicy(r -> r.userName("moto-user").policyName("list"));
                assertThat(user.listUsers().users()).hasSize(1); // off again
            }
        }
    }

    private static String resetAuth(String count) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(cloudjar.endpoint() + "/moto-api/reset-auth")).POST(HttpRequest.BodyPublishers.ofString(count)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            return answer.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
