package io.cloudjar.lightsail.lab;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.PytestRunner;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Lightsail site around the server in {@code src/test/lab}, with the real AWS CLI and Terraform against an
 * in-process server: DNS to the static IP, a load balancer with a validated certificate, a bucket; and
 * aws_lightsail_domain, _domain_entry, _lb, _lb_attachment, _lb_certificate, _bucket, _bucket_access_key and
 * _container_service applied, planned again without changes, destroyed.
 */
class LightsailServicesLabScriptsTest {
    // the wall clock, as the other labs: the CLI and Terraform poll on their own time; the scripts move the clock
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withClock(Clock.systemUTC());

    @BeforeEach
    void reset() {
        cloudjar.reset();
    }

    private static PytestRunner lab() {
        return PytestRunner.in("src/test/lab").timeout(Duration.ofMinutes(10)).requirePython("pytest")
                .requireCommand("aws", "--version");
    }

    @Test
    void awsCliWalksTheSiteAroundTheServer() throws Exception {
        lab().run(cloudjar, "test_lightsail_services_cli.py");
    }

    @Test
    void terraformAppliesTheServicesWithoutDriftAndDestroysThem() throws Exception {
        lab().requireTerraform().run(cloudjar, "test_lightsail_services_terraform.py");
    }
}
