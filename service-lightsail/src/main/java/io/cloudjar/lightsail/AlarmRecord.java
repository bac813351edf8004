package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.Alarm;
import software.amazon.awssdk.services.lightsail.model.AlarmState;
import software.amazon.awssdk.services.lightsail.model.ComparisonOperator;
import software.amazon.awssdk.services.lightsail.model.ContactProtocol;
import software.amazon.awssdk.services.lightsail.model.MetricName;
import software.amazon.awssdk.services.lightsail.model.MonitoredResourceInfo;
import software.amazon.awssdk.services.lightsail.model.TreatMissingData;

/**
 * A Lightsail alarm on one metric of one instance, load balancer or managed database. {@link AlarmEvaluation} moves
 * its state at each five-minute boundary of the emulator clock; {@code evaluatedAt} is the last boundary evaluated.
 */
record AlarmRecord(ResourceMeta meta, MonitoredResourceInfo monitored, MetricName metric, LightsailMetrics.Spec spec,
                   ComparisonOperator comparison, double threshold, int evaluationPeriods, int datapointsToAlarm,
                   TreatMissingData treatMissingData, List<ContactProtocol> contactProtocols,
                   List<AlarmState> notificationTriggers, boolean notificationEnabled, AlarmState state,
                   Instant evaluatedAt)
        implements LightsailResource<AlarmRecord> {

    AlarmRecord {
        contactProtocols = List.copyOf(contactProtocols);
        notificationTriggers = List.copyOf(notificationTriggers);
    }

    @Override
    public AlarmRecord withMeta(ResourceMeta newMeta) {
        return new AlarmRecord(newMeta, monitored, metric, spec, comparison, threshold, evaluationPeriods, datapointsToAlarm,
                treatMissingData, contactProtocols, notificationTriggers, notificationEnabled, state, evaluatedAt);
    }

    AlarmRecord withState(AlarmState newState) {
        return new AlarmRecord(meta, monitored, metric, spec, comparison, threshold, evaluationPeriods, datapointsToAlarm,
                treatMissingData, contactProtocols, notificationTriggers, notificationEnabled, newState, evaluatedAt);
    }

    AlarmRecord evaluated(AlarmState newState, Instant at) {
        return new AlarmRecord(meta, monitored, metric, spec, comparison, threshold, evaluationPeriods, datapointsToAlarm,
                treatMissingData, contactProtocols, notificationTriggers, notificationEnabled, newState, at);
    }

    Alarm toSdk() {
        return Alarm.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type())
                .monitoredResourceInfo(monitored)
                .comparisonOperator(comparison)
                .evaluationPeriods(evaluationPeriods)
                .period(LightsailMetrics.PERIOD_SECONDS)
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
