package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.auth.Decision;
import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

/** moto's reset-auth: the first N calls after it skip authorization, then the authorizer decides again. */
class MotoResetAuthTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void theFirstCallsSkipAuthorizationThenTheAuthorizerDecides() throws Exception {
        cloudjar.server().runtime().setAuthorizer(request -> Decision.implicitDeny("test: nothing is allowed"));
        try (IamClient iam = cloudjar.client(IamClient.builder())) {
            assertThat(catchThrowableOfType(IamException.class, iam::listUsers).statusCode()).isEqualTo(403);
            RawHttp.Answer answer = RawHttp.send(cloudjar.port(), "POST", "/moto-api/reset-auth", "localhost", null, "2");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("\"PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT\":\"inf\"");
            assertThat(iam.listUsers().users()).isEmpty();
            assertThat(iam.listUsers().users()).isEmpty();
            assertThat(catchThrowableOfType(IamException.class, iam::listUsers).statusCode()).isEqualTo(403);

            RawHttp.send(cloudjar.port(), "POST", "/moto-api/reset-auth", "localhost", null, "1");
            assertThat(iam.listUsers().users()).isEmpty(); // counting restarted
            assertThat(catchThrowableOfType(IamException.class, iam::listUsers).statusCode()).isEqualTo(403);
        } finally {
            cloudjar.server().runtime().noAuthActions().reset(Double.POSITIVE_INFINITY);
            cloudjar.server().runtime().setAuthorizer(io.cloudjar.core.auth.Authorizer.ALLOW_ALL);
        }
    }
}
