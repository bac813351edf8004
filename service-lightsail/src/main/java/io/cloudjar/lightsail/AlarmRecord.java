package io.cloudjar.lightsail;

import java.util.List;
import software.amazon.awssdk.services.lightsail.model.Alarm;
import software.amazon.awssdk.services.lightsail.model.AlarmState;
import software.amazon.awssdk.services.lightsail.model.ComparisonOperator;
import software.amazon.awssdk.services.lightsail.model.ContactProtocol;
import software.amazon.awssdk.services.lightsail.model.MetricName;
import software.amazon.awssdk.services.lightsail.model.MonitoredResourceInfo;
import software.amazon.awssdk.services.lightsail.model.TreatMissingData;

/**
 * A Lightsail alarm on one metric of one instance or load balancer. It is stored, not evaluated: its state is
 * INSUFFICIENT_DATA from creation (no metric data reaches it) until TestAlarm sets one.
 */
record AlarmRecord(ResourceMeta meta, MonitoredResourceInfo monitored, MetricName metric, AlarmMetrics.Spec spec,
                   ComparisonOperator comparison, double threshold, int evaluationPeriods, int datapointsToAlarm,
                   TreatMissingData treatMissingData, List<ContactProtocol> contactProtocols,
                   List<AlarmState> notificationTriggers, boolean notificationEnabled, AlarmState state)
        implements LightsailResource<AlarmRecord> {

    AlarmRecord {
        contactProtocols = List.copyOf(contactProtocols);
        notificationTriggers = List.copyOf(notificationTriggers);
    }

    @Override
    public AlarmRecord withMeta(ResourceMeta newMeta) {
        return new AlarmRecord(newMeta, monitored, metric, spec, comparison, threshold, evaluationPeriods, datapointsToAlarm,
                treatMissingData, contactProtocols, notificationTriggers, notificationEnabled, state);
    }

    AlarmRecord withState(AlarmState newState) {
        return new AlarmRecord(meta, monitored, metric, spec, comparison, threshold, evaluationPeriods, datapointsToAlarm,
                treatMissingData, contactProtocols, notificationTriggers, notificationEnabled, newState);
    }

    Alarm toSdk() {
        return Alarm.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type())
                .monitoredResourceInfo(monitored)
                .comparisonOperator(comparison)
                .evaluationPeriods(evaluationPeriods)
                .period(AlarmMetrics.PERIOD_SECONDS)
                .threshold(threshold)
                .datapointsToAlarm(datapointsToAlarm)
                .treatMissingData(treatMissingData)
                .statistic(spec.statistic())
                .metricName(metric)
                .state(state)
                .unit(spec.unit())
                .contactProtocols(contactProtocols)
                .notificationTriggers(notificationTriggers)
                .notificationEnabled(notificationEnabled)
                .build();
    }
}
