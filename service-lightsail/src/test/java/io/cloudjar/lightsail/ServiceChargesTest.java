package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.ContainerServicePowerName;
import software.amazon.awssdk.services.lightsail.model.ResourceBudgetEstimate;

/** The bill and GetCostEstimate price load balancers, container services and buckets. */
class ServiceChargesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension().withClock(Clock.fixed(T0, ZoneOffset.UTC)));
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void servicesAreOnTheBill() throws Exception {
        lightsail.createLoadBalancer(r -> r.loadBalancerName("lb").instancePort(80)); // $18
        lightsail.createContainerService(r -> r.serviceName("api").power(ContainerServicePowerName.MICRO).scale(3)); // 3 x $10
        lightsail.createBucket(r -> r.bucketName("media-bucket").bundleId("medium_1_0")); // $3
        lightsail.createDomain(r -> r.domainName("example.com")); // free

        JsonNode bill = LightsailTestKit.getJson(cloudjar, "/_cloudjar/lightsail/bill");
        assertThat(bill.path("regions").get(0).path("items"))
                .extracting(i -> i.path("resourceName").asText() + " " + i.path("usageType").asText() + "=" + i.path("monthlyUsd").asDouble())
                .containsExactly("lb LoadBalancer=18.0", "api ContainerService:micro=30.0", "media-bucket Bucket:medium_1_0=3.0");
        assertThat(bill.path("monthlyUsd").asDouble()).isEqualTo(51.0);

        ResourceBudgetEstimate estimate = lightsail.getCostEstimate(r -> r.resourceName("lb").startTime(T0)
                .endTime(T0.plusSeconds(24 * 3600))).resourcesBudgetEstimate().get(0);
        assertThat(estimate.costEstimates().get(0).resultsByTime().stream().mapToDouble(t -> t.usageCost()).sum())
                .isCloseTo(18.0 / 730 * 24, org.assertj.core.data.Offset.offset(0.01));
    }
}
