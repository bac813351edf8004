package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.AlarmState;
import software.amazon.awssdk.services.lightsail.model.ComparisonOperator;
import software.amazon.awssdk.services.lightsail.model.ContactMethodStatus;
import software.amazon.awssdk.services.lightsail.model.ContactProtocol;
import software.amazon.awssdk.services.lightsail.model.MetricDatapoint;
import software.amazon.awssdk.services.lightsail.model.MetricName;
import software.amazon.awssdk.services.lightsail.model.TreatMissingData;

/**
 * Alarms evaluated against the metric data Get*MetricData answers, at five-minute boundaries of the emulator clock,
 * and what they notify (read at /_cloudjar/lightsail/notifications).
 */
class AlarmEvaluationTest {
    /** A five-minute boundary, so the evaluated periods are plain (every test moves the clock by whole periods). */
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension()
            .withClock(Clock.fixed(T0, ZoneOffset.UTC))
            .withEnv("RDS_MARIADB_BIN", "none")); // the mysql database follows its states with no process behind it
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void instanceAlarmsFollowTheMetricDataOnTheEmulatorClock() throws Exception {
        Instant start = cloudjar.clock().now();
        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0");
        lightsail.createContactMethod(r -> r.protocol(ContactProtocol.SMS).contactEndpoint("+14155550100"));
        // an idle instance's CPU is between 0.2 and 1.7 percent: 0.1 is always crossed, 50 never
        lightsail.putAlarm(r -> r.alarmName("cpu-any").monitoredResourceName("web").metricName(MetricName.CPU_UTILIZATION)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).threshold(0.1).evaluationPeriods(2)
                .contactProtocols(ContactProtocol.SMS).notificationTriggers(AlarmState.ALARM, AlarmState.INSUFFICIENT_DATA));
        lightsail.putAlarm(r -> r.alarmName("cpu-busy").monitoredResourceName("web").metricName(MetricName.CPU_UTILIZATION)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).threshold(50.0).evaluationPeriods(1)
                .treatMissingData(TreatMissingData.BREACHING));
        assertThat(state("cpu-any")).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(state("cpu-busy")).isEqualTo(AlarmState.INSUFFICIENT_DATA);

        // 10:05: one period with data, one before the instance existed (missing): one breaching datapoint only five
        // minutes old decides nothing yet (CloudWatch's rule for fewer datapoints than datapointsToAlarm)
        cloudjar.advanceClock(Duration.ofMinutes(5));
        assertThat(state("cpu-any")).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(state("cpu-busy")).isEqualTo(AlarmState.OK);
        // 10:10: both periods breach
        cloudjar.advanceClock(Duration.ofMinutes(5));
        assertThat(state("cpu-any")).isEqualTo(AlarmState.ALARM);
        assertThat(state("cpu-busy")).isEqualTo(AlarmState.OK);
        List<MetricDatapoint> cpu = lightsail.getInstanceMetricData(r -> r.instanceName("web").metricName("CPUUtilization")
                .period(300).startTime(start).endTime(cloudjar.clock().now()).unit("Percent").statisticsWithStrings("Average"))
                .metricData();
        assertThat(cpu).hasSize(2).allSatisfy(p -> assertThat(p.average()).isGreaterThan(0.1).isLessThan(50.0));

        // a stopped instance records nothing: at 10:15 the breaching datapoint of 10:05 still holds the alarm; once
        // every period is missing it is INSUFFICIENT_DATA, or ALARM when missing data counts as breaching
        lightsail.stopInstance(r -> r.instanceName("web"));
        cloudjar.advanceClock(Duration.ofMinutes(5));
        assertThat(state("cpu-any")).isEqualTo(AlarmState.ALARM);
        assertThat(state("cpu-busy")).isEqualTo(AlarmState.ALARM);
        cloudjar.advanceClock(Duration.ofMinutes(10));
        assertThat(state("cpu-any")).isEqualTo(AlarmState.INSUFFICIENT_DATA);

        // the SMS number was told of each state among the alarm's triggers; cpu-busy names no contact protocol
        List<JsonNode> sent = notifications("AlarmNotification");
        assertThat(sent).extracting(n -> n.at("/message/alarmName").asText() + ":" + n.at("/message/state").asText())
                .containsExactly("cpu-any:ALARM", "cpu-any:INSUFFICIENT_DATA");
        assertThat(sent).allSatisfy(n -> {
            assertThat(n.get("protocol").asText()).isEqualTo("SMS");
            assertThat(n.get("contactEndpoint").asText()).isEqualTo("+14155550100");
            assertThat(n.get("delivered").asBoolean()).isTrue();
        });
        assertThat(sent.get(0).get("at").asText()).isEqualTo(start.plusSeconds(600).toString());
        assertThat(sent.get(0).at("/message/previousState").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(sent.get(0).at("/message/reason").asText())
                .isEqualTo("Threshold Crossed: 2 out of the last 2 datapoints were greater than the threshold (0.1).");
        assertThat(sent.get(1).get("at").asText()).isEqualTo(start.plusSeconds(1200).toString());
        assertThat(sent.get(1).at("/message/reason").asText()).isEqualTo("Insufficient Data: the last 2 datapoints were missing.");
    }

    @Test
    void emailNotificationsWaitForTheAddressToBeVerified() throws Exception {
        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0");
        lightsail.createContactMethod(r -> r.protocol(ContactProtocol.EMAIL).contactEndpoint("ops@example.com"));
        lightsail.createContactMethod(r -> r.protocol(ContactProtocol.SMS).contactEndpoint("+14155550100"));
        assertThat(lightsail.getContactMethods(r -> { }).contactMethods()).extracting(m -> m.protocol() + "=" + m.status())
                .containsExactlyInAnyOrder("Email=PendingVerification", "SMS=Valid"); // SMS needs no verification
        lightsail.putAlarm(r -> r.alarmName("cpu").monitoredResourceName("web").metricName(MetricName.CPU_UTILIZATION)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).threshold(0.1).evaluationPeriods(1)
                .contactProtocols(ContactProtocol.EMAIL));

        // TestAlarm notifies at once; the address is not verified, so nothing goes out
        lightsail.testAlarm(r -> r.alarmName("cpu").state(AlarmState.ALARM));
        JsonNode undelivered = notifications("AlarmNotification").get(0);
        assertThat(undelivered.get("delivered").asBoolean()).isFalse();
        assertThat(undelivered.get("note").asText()).isEqualTo("The Email contact method is not verified.");

        // the verification message's link verifies the address, as following AWS's mail does
        List<JsonNode> verifications = notifications("ContactMethodVerification");
        assertThat(verifications).hasSize(1);
        assertThat(verifications.get(0).get("contactEndpoint").asText()).isEqualTo("ops@example.com");
        String link = verifications.get(0).at("/message/verificationLink").asText();
        assertThat(link).startsWith("/_cloudjar/lightsail/contact-methods/verify?token=");
        lightsail.sendContactMethodVerification(r -> r.protocol("Email")); // a new message replaces the link
        assertThat(LightsailTestKit.http(cloudjar, "POST", link).statusCode()).isEqualTo(404);
        String newLink = notifications("ContactMethodVerification").get(1).at("/message/verificationLink").asText();
        assertThat(LightsailTestKit.http(cloudjar, "POST", newLink).statusCode()).isEqualTo(200);
        assertThat(lightsail.getContactMethods(r -> r.protocolsWithStrings("Email")).contactMethods().get(0).status())
                .isEqualTo(ContactMethodStatus.VALID);

        // the next evaluations set the state the data gives: ALARM, the instance's CPU is over 0.1
        cloudjar.advanceClock(Duration.ofMinutes(10));
        assertThat(state("cpu")).isEqualTo(AlarmState.ALARM);
        lightsail.testAlarm(r -> r.alarmName("cpu").state(AlarmState.OK)); // OK is not among its triggers: no message
        lightsail.testAlarm(r -> r.alarmName("cpu").state(AlarmState.ALARM));
        List<JsonNode> sent = notifications("AlarmNotification");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).get("delivered").asBoolean()).isTrue();
        assertThat(sent.get(1).get("contactEndpoint").asText()).isEqualTo("ops@example.com");
    }

    @Test
    void databaseAndLoadBalancerAlarmsEvaluateTheirMetrics() throws Exception {
        Instant start = cloudjar.clock().now();
        lightsail.createRelationalDatabase(r -> r.relationalDatabaseName("shop-db").availabilityZone("us-east-1a")
                .relationalDatabaseBlueprintId("mysql_8_0").relationalDatabaseBundleId("micro_2_0")
                .masterDatabaseName("shop").masterUsername("shopadmin").masterUserPassword("Secret-pass1"));
        // a micro database has 40 GB, of which about 38.5 GiB is free
        lightsail.putAlarm(r -> r.alarmName("db-space").monitoredResourceName("shop-db").metricName(MetricName.FREE_STORAGE_SPACE)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD).threshold(50.0 * (1L << 30)).evaluationPeriods(1));
        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0");
        lightsail.createLoadBalancer(r -> r.loadBalancerName("web-lb").instancePort(80));
        lightsail.attachInstancesToLoadBalancer(r -> r.loadBalancerName("web-lb").instanceNames("web"));
        lightsail.putAlarm(r -> r.alarmName("lb-hosts").monitoredResourceName("web-lb").metricName(MetricName.HEALTHY_HOST_COUNT)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD).threshold(1.0).evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING));
        assertThat(lightsail.getAlarms(r -> r.alarmName("db-space")).alarms().get(0).monitoredResourceInfo().resourceTypeAsString())
                .isEqualTo("RelationalDatabase");

        cloudjar.advanceClock(Duration.ofMinutes(10));
        assertThat(state("db-space")).isEqualTo(AlarmState.ALARM);
        assertThat(state("lb-hosts")).isEqualTo(AlarmState.OK);
        List<MetricDatapoint> free = lightsail.getRelationalDatabaseMetricData(r -> r.relationalDatabaseName("shop-db")
                .metricName("FreeStorageSpace").period(300).startTime(start).endTime(cloudjar.clock().now()).unit("Bytes")
                .statisticsWithStrings("Average")).metricData();
        assertThat(free).isNotEmpty().allSatisfy(p -> assertThat(p.average()).isBetween(38.4 * (1L << 30), 38.5 * (1L << 30)));
        // a stopped database reports nothing from then on, and keeps what it reported before
        lightsail.stopRelationalDatabase(r -> r.relationalDatabaseName("shop-db"));
        cloudjar.advanceClock(Duration.ofMinutes(10));
        assertThat(lightsail.getRelationalDatabaseMetricData(r -> r.relationalDatabaseName("shop-db")
                .metricName("FreeStorageSpace").period(300).startTime(start).endTime(cloudjar.clock().now()).unit("Bytes")
                .statisticsWithStrings("SampleCount")).metricData()).extracting(MetricDatapoint::timestamp)
                .containsExactlyElementsOf(free.stream().map(MetricDatapoint::timestamp).toList());

        // the only instance behind the balancer stops: no healthy host
        lightsail.stopInstance(r -> r.instanceName("web"));
        cloudjar.advanceClock(Duration.ofMinutes(10));
        assertThat(state("lb-hosts")).isEqualTo(AlarmState.ALARM);
        assertThat(lightsail.getLoadBalancerMetricData(r -> r.loadBalancerName("web-lb").metricName("HealthyHostCount")
                .period(300).startTime(start).endTime(cloudjar.clock().now()).unit("Count").statisticsWithStrings("Minimum"))
                .metricData()).extracting(MetricDatapoint::minimum).endsWith(0.0).contains(1.0);
    }

    private static AlarmState state(String alarm) {
        return lightsail.getAlarms(r -> r.alarmName(alarm)).alarms().get(0).state();
    }

    private static List<JsonNode> notifications(String kind) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        LightsailTestKit.getJson(cloudjar, "/_cloudjar/lightsail/notifications").get("notifications").forEach(n -> {
            if (n.get("kind").asText().equals(kind)) {
                out.add(n);
            }
        });
        return out;
    }
}
