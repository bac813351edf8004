package io.cloudjar.app.auth;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** boto3 against a server enforcing IAM ({@code test_enforced_iam_boto3.py}): policies, denials, signatures. */
class EnforcedIamScriptsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnforceIam();

    @Test
    void boto3UnderEnforcedIam() throws Exception {
        PytestRunner.in("src/test/python").requirePython("pytest", "boto3").run(cloudjar, "test_enforced_iam_boto3.py");
    }
}
