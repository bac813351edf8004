package io.cloudjar.app;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code src/test/python/test_imds_clients.py}: botocore's instance profile credential provider and the AWS CLI
 * (via {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}) read an instance's role credentials from its metadata service.
 * Skipped, not failed, where a tool is missing.
 */
class ImdsScriptedClientsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void boto3AndTheCliReadInstanceProfileCredentials() throws Exception {
        PytestRunner.in("src/test/python").requirePython("pytest", "boto3").requireCommand("aws", "--version")
                .run(cloudjar, "test_imds_clients.py");
    }
}
