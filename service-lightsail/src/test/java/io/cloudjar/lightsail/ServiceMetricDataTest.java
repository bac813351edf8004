package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.Container;
import software.amazon.awssdk.services.lightsail.model.ContainerServicePowerName;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.MetricDatapoint;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;

/** Get{ContainerService,Bucket,LoadBalancer}MetricData: datapoints while the resource reports, AWS's units. */
class ServiceMetricDataTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension().withClock(Clock.fixed(T0, ZoneOffset.UTC)));
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void containerServicesReportCpuAndMemoryWhileADeploymentRuns() {
        Instant start = cloudjar.clock().now();
        lightsail.createContainerService(r -> r.serviceName("api").power(ContainerServicePowerName.NANO).scale(1));
        cloudjar.advanceClock(Duration.ofMinutes(10));
        lightsail.createContainerServiceDeployment(r -> r.serviceName("api")
                .containers(Map.of("site", Container.builder().image("nginx:1.25").portsWithStrings(Map.of("80", "HTTP")).build()))
                .publicEndpoint(e -> e.containerName("site").containerPort(80)));
        cloudjar.advanceClock(Duration.ofMinutes(20));
        List<MetricDatapoint> memory = lightsail.getContainerServiceMetricData(r -> r.serviceName("api")
                .metricName("MemoryUtilization").period(300).startTime(start).endTime(cloudjar.clock().now())
                .statisticsWithStrings("Average", "SampleCount")).metricData();
        // nothing ran during the first ten minutes; the deployment activates within the third period
        assertThat(memory).extracting(MetricDatapoint::timestamp).startsWith(start.plusSeconds(600)).hasSize(4);
        assertThat(memory).allSatisfy(p -> {
            assertThat(p.unitAsString()).isEqualTo("Percent");
            assertThat(p.average()).isBetween(8.0, 12.0);
        });
        assertThat(memory.get(3).sampleCount()).isEqualTo(5.0);
        assertThatThrownBy(() -> lightsail.getContainerServiceMetricData(r -> r.serviceName("ghost").metricName("CPUUtilization")
                .period(300).startTime(start).endTime(start.plusSeconds(600)).statisticsWithStrings("Average")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void bucketsReportTheirStorageOnceADay() {
        // created at 01:00 on some day D: the samples are taken at midnight, from D+1
        Instant day = cloudjar.clock().now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        cloudjar.advanceClock(Duration.between(cloudjar.clock().now(), day.plus(Duration.ofHours(1))));
        Instant start = cloudjar.clock().now();
        lightsail.createBucket(r -> r.bucketName("daily-metrics").bundleId("small_1_0"));
        cloudjar.advanceClock(Duration.ofDays(3));
        List<MetricDatapoint> size = lightsail.getBucketMetricData(r -> r.bucketName("daily-metrics").metricName("BucketSizeBytes")
                .period(86400).startTime(start).endTime(cloudjar.clock().now()).unit("Bytes").statisticsWithStrings("Average"))
                .metricData();
        // whole days ended by now (D+3 01:00) with a sample; the objects are not stored here, so the size is 0
        assertThat(size).extracting(MetricDatapoint::timestamp).containsExactly(day.plus(Duration.ofDays(1)),
                day.plus(Duration.ofDays(2)));
        assertThat(size).allSatisfy(p -> assertThat(p.average()).isZero());
        assertThatThrownBy(() -> lightsail.getBucketMetricData(r -> r.bucketName("daily-metrics").metricName("NumberOfObjects")
                .period(86400).startTime(start).endTime(cloudjar.clock().now()).unit("Bytes").statisticsWithStrings("Average")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("use Count");
    }

    @Test
    void loadBalancersCountHealthyHostsAndNoTraffic() {
        Instant start = cloudjar.clock().now();
        lightsail.createLoadBalancer(r -> r.loadBalancerName("lb").instancePort(80));
        cloudjar.advanceClock(Duration.ofMinutes(10));
        assertThat(lightsail.getLoadBalancerMetricData(r -> r.loadBalancerName("lb").metricName("HealthyHostCount").period(300)
                .startTime(start).endTime(cloudjar.clock().now()).unit("Count").statisticsWithStrings("Maximum")).metricData())
                .hasSize(2).allSatisfy(p -> assertThat(p.maximum()).isZero());
        // no request passes through an emulated balancer: the traffic metrics have no datapoints, as on an idle one
        assertThat(lightsail.getLoadBalancerMetricData(r -> r.loadBalancerName("lb").metricName("RequestCount").period(300)
                .startTime(start).endTime(cloudjar.clock().now()).unit("Count").statisticsWithStrings("Sum")).metricData())
                .isEmpty();
        assertThatThrownBy(() -> lightsail.getLoadBalancerMetricData(r -> r.loadBalancerName("lb").metricName("InstanceResponseTime")
                .period(300).startTime(start).endTime(cloudjar.clock().now()).unit("Count").statisticsWithStrings("Average")))
                .isInstanceOf(InvalidInputException.class);
    }
}
