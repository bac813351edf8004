package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.EstimateByTime;
import software.amazon.awssdk.services.lightsail.model.GetInstanceMetricDataResponse;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.MetricDatapoint;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.PricingUnit;
import software.amazon.awssdk.services.lightsail.model.ResourceBudgetEstimate;

class CostsAndMetricsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension().withClock(Clock.fixed(T0, ZoneOffset.UTC)));
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void theBillSumsBundlePricesAndStorage() throws Exception {
        // made at the same instant (a fixed clock), listed by name
        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0"); // $5
        LightsailTestKit.createInstance(lightsail, "blog", "wordpress", "micro_3_0"); // $7
        cloudjar.advanceClock(Duration.ofSeconds(5));
        lightsail.allocateStaticIp(r -> r.staticIpName("spare")); // unattached: $0.005 x 730
        lightsail.allocateStaticIp(r -> r.staticIpName("used"));
        lightsail.attachStaticIp(r -> r.staticIpName("used").instanceName("web")); // free
        lightsail.createDisk(r -> r.diskName("data").availabilityZone("us-east-1a").sizeInGb(32)); // $3.20
        lightsail.createInstanceSnapshot(r -> r.instanceName("web").instanceSnapshotName("snap")); // 20 GB: $1.00

        JsonNode bill = LightsailTestKit.getJson(cloudjar, "/_cloudjar/lightsail/bill");
        assertThat(bill.path("account").asText()).isEqualTo("000000000000");
        assertThat(bill.path("currency").asText()).isEqualTo("USD");
        JsonNode region = bill.path("regions").get(0);
        assertThat(region.path("region").asText()).isEqualTo("us-east-1");
        assertThat(region.path("items")).extracting(i -> i.path("resourceName").asText() + "=" + i.path("monthlyUsd").asDouble())
                .containsExactly("blog=7.0", "web=5.0", "spare=3.65", "used=0.0", "data=3.2", "snap=1.0");
        assertThat(bill.path("monthlyUsd").asDouble()).isEqualTo(19.85);
        assertThat(LightsailTestKit.getJson(cloudjar, "/_cloudjar/lightsail/bill?region=eu-west-1").path("regions")).isEmpty();
        assertThat(LightsailTestKit.getJson(cloudjar, "/_cloudjar/lightsail/bill?account=111111111111").path("monthlyUsd").asDouble()).isZero();
        assertThat(LightsailTestKit.http(cloudjar, "GET", "/_cloudjar/lightsail/bill?account=abc").statusCode()).isEqualTo(400);
        assertThat(LightsailTestKit.http(cloudjar, "GET", "/_cloudjar/lightsail/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void aCostEstimateProratesByTheHourFromCreation() {
        cloudjar.advanceClock(Duration.between(cloudjar.clock().now(), Instant.parse("2026-03-01T10:00:00Z")).isNegative()
                ? Duration.ZERO : Duration.between(cloudjar.clock().now(), Instant.parse("2026-03-01T10:00:00Z")));
        Instant created = cloudjar.clock().now();
        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0");
        double firstHours = Duration.between(created, Instant.parse("2026-03-02T00:00:00Z")).toSeconds() / 3600.0;
        ResourceBudgetEstimate estimate = lightsail.getCostEstimate(r -> r.resourceName("web")
                .startTime(Instant.parse("2026-02-28T00:00:00Z")).endTime(Instant.parse("2026-03-03T00:00:00Z")))
                .resourcesBudgetEstimate().get(0);
        assertThat(estimate.resourceName()).isEqualTo("web");
        assertThat(estimate.costEstimates()).singleElement().satisfies(c -> assertThat(c.usageType()).isEqualTo("Instance:nano_3_0"));
        List<EstimateByTime> days = estimate.costEstimates().get(0).resultsByTime();
        // nothing before the instance existed (on 1 March, the test clock), then the rest of that day and 2 March
        assertThat(days).hasSize(2);
        assertThat(days.get(0).timePeriod().start()).isEqualTo(created);
        assertThat(days.get(0).unit()).isCloseTo(firstHours, within(1e-5));
        assertThat(days.get(0).pricingUnit()).isEqualTo(PricingUnit.HRS);
        assertThat(days.get(0).usageCost()).isCloseTo(5.0 / 730 * firstHours, within(1e-5));
        assertThat(days.get(1).usageCost()).isCloseTo(5.0 / 730 * 24, within(1e-5));
        assertThat(days.get(1).currencyAsString()).isEqualTo("USD");

        assertThatThrownBy(() -> lightsail.getCostEstimate(r -> r.resourceName("ghost").startTime(T0).endTime(T0.plusSeconds(3600))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.getCostEstimate(r -> r.resourceName("web").startTime(T0).endTime(T0)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void metricDataHasADatapointPerPeriodWhileRunning() {
        // start on a 5-minute boundary so the expected periods are plain
        Instant t0 = LightsailTestKit.atFiveMinuteBoundary(cloudjar);
        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0");
        cloudjar.advanceClock(Duration.ofMinutes(30));
        GetInstanceMetricDataResponse cpu = lightsail.getInstanceMetricData(r -> r.instanceName("web").metricName("CPUUtilization")
                .period(300).startTime(t0.minus(Duration.ofHours(1))).endTime(t0.plus(Duration.ofHours(1)))
                .unit("Percent").statisticsWithStrings("Average", "Maximum"));
        assertThat(cpu.metricNameAsString()).isEqualTo("CPUUtilization");
        // whole periods ending by now (t0 + 30 min) with samples (one a minute) while the instance runs: from t0 + 3 s,
        // so the first period has the samples of t0 + 1 min to t0 + 4 min
        assertThat(cpu.metricData()).extracting(MetricDatapoint::timestamp).containsExactly(t0,
                t0.plusSeconds(300), t0.plusSeconds(600), t0.plusSeconds(900), t0.plusSeconds(1200), t0.plusSeconds(1500));
        assertThat(cpu.metricData()).allSatisfy(p -> {
            assertThat(p.average()).isBetween(0.0, 100.0);
            assertThat(p.maximum()).isGreaterThanOrEqualTo(p.average());
            assertThat(p.sum()).isNull();
            assertThat(p.unitAsString()).isEqualTo("Percent");
        });
        assertThat(lightsail.getInstanceMetricData(r -> r.instanceName("web").metricName("StatusCheckFailed").period(60)
                .startTime(t0).endTime(t0.plus(Duration.ofMinutes(10))).unit("Count").statisticsWithStrings("Sum")).metricData())
                .hasSize(9).allSatisfy(p -> assertThat(p.sum()).isZero());

        assertThatThrownBy(() -> lightsail.getInstanceMetricData(r -> r.instanceName("web").metricName("CPUUtilization")
                .period(300).startTime(t0).endTime(t0.plusSeconds(3600)).unit("Bytes").statisticsWithStrings("Average")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.getInstanceMetricData(r -> r.instanceName("web").metricName("CPUUtilization")
                .period(90).startTime(t0).endTime(t0.plusSeconds(3600)).unit("Percent").statisticsWithStrings("Average")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.getInstanceMetricData(r -> r.instanceName("ghost").metricName("CPUUtilization")
                .period(300).startTime(t0).endTime(t0.plusSeconds(3600)).unit("Percent").statisticsWithStrings("Average")))
                .isInstanceOf(NotFoundException.class);
    }
}
