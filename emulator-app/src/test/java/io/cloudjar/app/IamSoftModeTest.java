package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.auth.Decision;
import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;

/** LocalStack's IAM_SOFT_MODE: the authorizer's denial is logged and the call goes on. */
class IamSoftModeTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("IAM_SOFT_MODE", "1");

    @Test
    void aDenialIsLoggedAndTheCallGoesOn() {
        cloudjar.server().runtime().setAuthorizer(request -> Decision.implicitDeny("test: nothing is allowed"));
        try (IamClient iam = cloudjar.client(IamClient.builder())) {
            assertThat(iam.listUsers().users()).isEmpty();
        }
    }
}
