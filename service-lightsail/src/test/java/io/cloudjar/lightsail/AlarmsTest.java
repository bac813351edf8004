package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.Alarm;
import software.amazon.awssdk.services.lightsail.model.AlarmState;
import software.amazon.awssdk.services.lightsail.model.ComparisonOperator;
import software.amazon.awssdk.services.lightsail.model.ContactMethod;
import software.amazon.awssdk.services.lightsail.model.ContactMethodStatus;
import software.amazon.awssdk.services.lightsail.model.ContactProtocol;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.MetricName;
import software.amazon.awssdk.services.lightsail.model.MetricStatistic;
import software.amazon.awssdk.services.lightsail.model.MetricUnit;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;
import software.amazon.awssdk.services.lightsail.model.TreatMissingData;

class AlarmsTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void alarmOnAnInstanceMetricIsStoredTestedAndDeleted() {
        lightsail.createInstances(r -> r.instanceNames("web").availabilityZone("us-east-1a")
                .blueprintId("ubuntu_22_04").bundleId("nano_3_0"));
        var op = lightsail.putAlarm(r -> r.alarmName("web-cpu").monitoredResourceName("web").metricName(MetricName.CPU_UTILIZATION)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).threshold(80.0).evaluationPeriods(3)
                .contactProtocols(ContactProtocol.EMAIL)).operations().get(0);
        assertThat(op.operationType()).isEqualTo(OperationType.PUT_ALARM);
        assertThat(op.resourceType()).isEqualTo(ResourceType.ALARM);

        Alarm alarm = alarm("web-cpu");
        assertThat(alarm.arn()).matches("arn:aws:lightsail:us-east-1:000000000000:Alarm/[0-9a-f-]{36}");
        assertThat(alarm.monitoredResourceInfo().name()).isEqualTo("web");
        assertThat(alarm.monitoredResourceInfo().resourceType()).isEqualTo(ResourceType.INSTANCE);
        assertThat(alarm.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(alarm.statistic()).isEqualTo(MetricStatistic.AVERAGE);
        assertThat(alarm.unit()).isEqualTo(MetricUnit.PERCENT);
        assertThat(alarm.period()).isEqualTo(300);
        assertThat(alarm.datapointsToAlarm()).isEqualTo(3);
        assertThat(alarm.treatMissingData()).isEqualTo(TreatMissingData.MISSING);
        assertThat(alarm.notificationTriggers()).containsExactly(AlarmState.ALARM);
        assertThat(alarm.notificationEnabled()).isTrue();
        assertThat(alarm.location().availabilityZone()).isEqualTo("us-east-1a");

        assertThat(lightsail.testAlarm(r -> r.alarmName("web-cpu").state(AlarmState.ALARM)).operations().get(0).operationType())
                .isEqualTo(OperationType.TEST_ALARM);
        assertThat(alarm("web-cpu").state()).isEqualTo(AlarmState.ALARM);

        // an update overwrites the configuration and keeps the state
        lightsail.putAlarm(r -> r.alarmName("web-cpu").monitoredResourceName("web").metricName(MetricName.CPU_UTILIZATION)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD).threshold(5.0).evaluationPeriods(2).datapointsToAlarm(1));
        Alarm updated = alarm("web-cpu");
        assertThat(updated.comparisonOperator()).isEqualTo(ComparisonOperator.LESS_THAN_THRESHOLD);
        assertThat(updated.threshold()).isEqualTo(5.0);
        assertThat(updated.state()).isEqualTo(AlarmState.ALARM);
        assertThat(updated.contactProtocols()).isEmpty();
        assertThat(lightsail.getAlarms(r -> r.monitoredResourceName("web")).alarms()).hasSize(1);
        assertThat(lightsail.getAlarms(r -> r.monitoredResourceName("other")).alarms()).isEmpty();

        lightsail.deleteAlarm(r -> r.alarmName("web-cpu"));
        assertThatThrownBy(() -> alarm("web-cpu")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Alarm does not exist: web-cpu"));
    }

    @Test
    void alarmsAreCheckedAgainstTheirResource() {
        lightsail.createInstances(r -> r.instanceNames("web").availabilityZone("us-east-1a")
                .blueprintId("ubuntu_22_04").bundleId("nano_3_0"));
        lightsail.createLoadBalancer(r -> r.loadBalancerName("lb").instancePort(80));
        put("lb-unhealthy", "lb", MetricName.UNHEALTHY_HOST_COUNT, 1);
        assertThat(alarm("lb-unhealthy").monitoredResourceInfo().resourceType()).isEqualTo(ResourceType.LOAD_BALANCER);

        assertThatThrownBy(() -> put("bad", "web", MetricName.REQUEST_COUNT, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> put("bad", "lb", MetricName.CPU_UTILIZATION, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> put("bad", "ghost", MetricName.CPU_UTILIZATION, 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> put("bad", "web", MetricName.CPU_UTILIZATION, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.putAlarm(r -> r.alarmName("bad").monitoredResourceName("web")
                .metricName(MetricName.CPU_UTILIZATION).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .threshold(1.0).evaluationPeriods(2).datapointsToAlarm(3))).isInstanceOf(InvalidInputException.class);
        put("cpu-1", "web", MetricName.CPU_UTILIZATION, 1);
        put("cpu-2", "web", MetricName.CPU_UTILIZATION, 1);
        assertThatThrownBy(() -> put("cpu-3", "web", MetricName.CPU_UTILIZATION, 1)).isInstanceOf(InvalidInputException.class);
        put("cpu-2", "web", MetricName.CPU_UTILIZATION, 2);
        assertThatThrownBy(() -> lightsail.testAlarm(r -> r.alarmName("ghost").state(AlarmState.OK))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void contactMethodsArePendingVerificationOnePerProtocol() {
        lightsail.createContactMethod(r -> r.protocol(ContactProtocol.EMAIL).contactEndpoint("ops@example.com"));
        var sms = lightsail.createContactMethod(r -> r.protocol(ContactProtocol.SMS).contactEndpoint("+14155550100")).operations().get(0);
        assertThat(sms.operationType()).isEqualTo(OperationType.CREATE_CONTACT_METHOD);
        assertThat(lightsail.getContactMethods(r -> { }).contactMethods()).extracting(ContactMethod::protocol)
                .containsExactlyInAnyOrder(ContactProtocol.EMAIL, ContactProtocol.SMS);
        ContactMethod email = lightsail.getContactMethods(r -> r.protocols(ContactProtocol.EMAIL)).contactMethods().get(0);
        assertThat(email.status()).isEqualTo(ContactMethodStatus.PENDING_VERIFICATION);
        assertThat(email.contactEndpoint()).isEqualTo("ops@example.com");
        assertThat(email.arn()).matches("arn:aws:lightsail:us-east-1:000000000000:ContactMethod/[0-9a-f-]{36}");
        assertThat(email.resourceType()).isEqualTo(ResourceType.CONTACT_METHOD);

        assertThat(lightsail.sendContactMethodVerification(r -> r.protocol("Email")).operations().get(0).operationType())
                .isEqualTo(OperationType.SEND_CONTACT_METHOD_VERIFICATION);
        assertThatThrownBy(() -> lightsail.createContactMethod(r -> r.protocol(ContactProtocol.EMAIL).contactEndpoint("other@example.com")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.createContactMethod(r -> r.protocol(ContactProtocol.SMS).contactEndpoint("555-0100")))
                .isInstanceOf(InvalidInputException.class);

        lightsail.deleteContactMethod(r -> r.protocol(ContactProtocol.EMAIL));
        assertThatThrownBy(() -> lightsail.deleteContactMethod(r -> r.protocol(ContactProtocol.EMAIL))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.sendContactMethodVerification(r -> r.protocol("Email"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.createContactMethod(r -> r.protocol(ContactProtocol.EMAIL).contactEndpoint("not-an-address")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(lightsail.getContactMethods(r -> { }).contactMethods()).extracting(ContactMethod::protocol)
                .containsExactly(ContactProtocol.SMS);
    }

    private static void put(String name, String resource, MetricName metric, int periods) {
        lightsail.putAlarm(r -> r.alarmName(name).monitoredResourceName(resource).metricName(metric)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).threshold(1.0).evaluationPeriods(periods));
    }

    private static Alarm alarm(String name) {
        return lightsail.getAlarms(r -> r.alarmName(name)).alarms().get(0);
    }
}
