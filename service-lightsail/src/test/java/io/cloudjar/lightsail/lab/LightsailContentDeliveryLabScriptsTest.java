package io.cloudjar.lightsail.lab;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The site behind a Lightsail CDN in {@code src/test/lab}, with the real Terraform and AWS CLI against an in-process
 * server: aws_lightsail_certificate validated through aws_lightsail_domain_entry CNAMEs, an aws_lightsail_bucket
 * origin and an aws_lightsail_distribution with the certificate, applied, planned again without changes, destroyed.
 */
class LightsailContentDeliveryLabScriptsTest {
    // the wall clock, as the other labs: Terraform polls the operations on its own time while distributions deploy
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withClock(Clock.systemUTC());

    @Test
    void terraformAppliesTheSiteBehindTheCdnWithoutDriftAndDestroysIt() throws Exception {
        PytestRunner.in("src/test/lab").timeout(Duration.ofMinutes(10)).requirePython("pytest")
                .requireCommand("aws", "--version").requireTerraform().run(cloudjar, "test_lightsail_cdn_terraform.py");
    }
}
