package io.cloudjar.app;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Terraform's aws_s3_bucket family against the whole server: a public website bucket and a private versioned,
 * encrypted bucket with lifecycle; apply, no drift on a second plan, destroy (src/test/terraform).
 */
class S3TerraformTest {
    // the wall clock: the AWS provider signs and waits on its own clock
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withClock(Clock.systemUTC());

    @Test
    void websiteAndPrivateBucketsApplyWithoutDriftAndDestroy() throws Exception {
        PytestRunner.in("src/test/terraform").timeout(Duration.ofMinutes(10)).requirePython("pytest").requireTerraform()
                .run(cloudjar, "test_s3_terraform.py");
    }
}
