package io.cloudjar.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.ModeledErrorCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The codes IAM and STS raise with {@code AwsErrors.modeled} exist in the model that gives them their status. */
class ModeledErrorsTest {
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyModeledCodeIsDeclaredByTheApiThatAnswersIt() {
        Path sts = SOURCES.resolve("io/cloudjar/iam/sts");
        assertThat(ModeledErrorCodes.assertDeclared(SOURCES, file -> file.startsWith(sts) ? "sts" : "iam"))
                .extracting(call -> call.key()).contains("NoSuchEntity", "InvalidIdentityToken");
    }

    @Test
    void policyDocumentErrorsAreDeclaredByStsToo() {
        // AssumeRole and AssumeRoleWithWebIdentity parse trust policies through IdentityPolicies, with IamErrors.
        assertThat(ModeledErrorCodes.declares("sts", "MalformedPolicyDocument")).isTrue();
    }
}
