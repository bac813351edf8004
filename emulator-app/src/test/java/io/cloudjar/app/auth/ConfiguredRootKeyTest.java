package io.cloudjar.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * {@code ENFORCE_IAM=1} with the root key pair set by {@code CLOUDJAR_ROOT_ACCESS_KEY_ID} and
 * {@code CLOUDJAR_ROOT_SECRET_ACCESS_KEY}: that pair is the default account's root, the secret makes any account id
 * its account's root, and {@code test}/{@code test} is an unknown key.
 */
class ConfiguredRootKeyTest {
    static final String KEY = "AKIAROOTEXAMPLE00001";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnforceIam()
            .withEnv("CLOUDJAR_ROOT_ACCESS_KEY_ID", KEY).withEnv("CLOUDJAR_ROOT_SECRET_ACCESS_KEY", SECRET);

    @Test
    void theConfiguredPairIsTheRootAndTestTestIsNot() {
        try (Clients root = Clients.of(cloudjar, KEY, SECRET); Clients test = Clients.of(cloudjar, "test", "test");
                Clients other = Clients.of(cloudjar, "333333333333", SECRET)) {
            assertThat(root.sts().getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
            assertThat(other.sts().getCallerIdentity().account()).isEqualTo("333333333333");
            assertRefused(() -> test.sts().getCallerIdentity(), "InvalidClientTokenId", 403);
            assertRefused(() -> test.s3().listBuckets(), "InvalidAccessKeyId", 403);
        }
    }

    private static void assertRefused(Runnable call, String code, int status) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call::run);
        assertThat(e).as("refused with %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
    }
}
