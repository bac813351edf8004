package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.sts.StsClient;

/** SERVICES=sts starts only STS; other APIs answer that they are not enabled. */
class ServiceSubsetTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withServices("sts");

    @Test
    void onlyTheChosenServicesRun() {
        try (StsClient sts = cloudjar.client(StsClient.builder()); Ec2Client ec2 = cloudjar.client(Ec2Client.builder())) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
            assertThatThrownBy(ec2::describeRegions).isInstanceOfSatisfying(Ec2Exception.class, e -> {
                assertThat(e.statusCode()).isEqualTo(501);
                assertThat(e.getMessage()).contains("'ec2' is not enabled");
            });
        }
    }
}
