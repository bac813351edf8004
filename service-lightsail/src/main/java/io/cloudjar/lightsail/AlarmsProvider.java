package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.Alarm;
import software.amazon.awssdk.services.lightsail.model.AlarmState;
import software.amazon.awssdk.services.lightsail.model.ComparisonOperator;
import software.amazon.awssdk.services.lightsail.model.ContactProtocol;
import software.amazon.awssdk.services.lightsail.model.DeleteAlarmRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteAlarmResponse;
import software.amazon.awssdk.services.lightsail.model.GetAlarmsRequest;
import software.amazon.awssdk.services.lightsail.model.GetAlarmsResponse;
import software.amazon.awssdk.services.lightsail.model.MetricName;
import software.amazon.awssdk.services.lightsail.model.MonitoredResourceInfo;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.PutAlarmRequest;
import software.amazon.awssdk.services.lightsail.model.PutAlarmResponse;
import software.amazon.awssdk.services.lightsail.model.ResourceType;
import software.amazon.awssdk.services.lightsail.model.TestAlarmRequest;
import software.amazon.awssdk.services.lightsail.model.TestAlarmResponse;
import software.amazon.awssdk.services.lightsail.model.TreatMissingData;

/**
 * Lightsail alarms: PutAlarm creates (INSUFFICIENT_DATA) or overwrites (state kept) an alarm on a metric of an
 * instance, load balancer or managed database of the region, at most two alarms per metric of a resource; GetAlarms,
 * DeleteAlarm, and TestAlarm, which sets a state and notifies it until the next evaluation
 * ({@link AlarmEvaluation}, run before every call) sets the state the metric gives.
 */
public final class AlarmsProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;
    private static final int ALARMS_PER_METRIC = 2;
    private static final int MAX_EVALUATION_PERIODS = 288; // 24 hours of five-minute periods

    public PutAlarmResponse putAlarm(CallContext ctx, PutAlarmRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        MetricName metric = known(request.metricName(), request.metricNameAsString(), "metric name");
        ComparisonOperator comparison = known(request.comparisonOperator(), request.comparisonOperatorAsString(),
                "comparison operator");
        TreatMissingData missing = request.treatMissingData() == null ? TreatMissingData.MISSING
                : known(request.treatMissingData(), request.treatMissingDataAsString(), "treatMissingData");
        int periods = request.evaluationPeriods();
        if (periods < 1 || periods > MAX_EVALUATION_PERIODS) {
            throw LightsailErrors.invalidInput("The evaluation periods %d are not valid: from 1 to %d.", periods, MAX_EVALUATION_PERIODS);
        }
        int datapoints = request.datapointsToAlarm() == null ? periods : request.datapointsToAlarm();
        if (datapoints < 1 || datapoints > periods) {
            throw LightsailErrors.invalidInput("The datapoints to alarm %d must be from 1 to the evaluation periods (%d).",
                    datapoints, periods);
        }
        List<ContactProtocol> protocols = request.contactProtocols().stream()
                .map(p -> known(p, p.toString(), "contact protocol")).distinct().toList();
        List<AlarmState> triggers = request.hasNotificationTriggers()
                ? request.notificationTriggers().stream().map(t -> known(t, t.toString(), "notification trigger")).distinct().toList()
                : List.of(AlarmState.ALARM);
        synchronized (state.lock) {
            LightsailResource<?> resource = monitored(state, request.monitoredResourceName());
            LightsailMetrics.Spec spec = LightsailMetrics.ofAlarm(metric, request.metricNameAsString(), resource.meta().type());
            MonitoredResourceInfo info = MonitoredResourceInfo.builder().name(resource.name()).arn(resource.meta().arn())
                    .resourceType(resource.meta().type()).build();
            AlarmRecord existing = state.alarms.find(request.alarmName()).orElse(null);
            long sameMetric = state.alarms.list().stream().filter(a -> a != existing && a.metric() == metric
                    && a.monitored().arn().equals(info.arn())).count();
            if (sameMetric >= ALARMS_PER_METRIC) {
                throw LightsailErrors.invalidInput("The resource %s already has %d alarms on %s, the most it can have.",
                        resource.name(), ALARMS_PER_METRIC, metric);
            }
            // (the SDK's PutAlarm has no tags member, so an alarm starts untagged; TagResource can add them)
            ResourceMeta meta = existing != null ? existing.meta()
                    : ResourceMeta.create(scope, ResourceType.ALARM, request.alarmName(), resource.meta().availabilityZone(),
                            "Alarm/" + request.alarmName(), Map.of());
            AlarmRecord alarm = new AlarmRecord(meta, info, metric, spec, comparison, request.threshold(), periods, datapoints,
                    missing, protocols, triggers, request.notificationEnabled() == null || request.notificationEnabled(),
                    existing == null ? AlarmState.INSUFFICIENT_DATA : existing.state(),
                    existing == null ? AlarmEvaluation.lastBoundary(scope.now()) : existing.evaluatedAt());
            state.alarms.put(alarm);
            return PutAlarmResponse.builder()
                    .operations(state.operations.record(scope, alarm.meta(), OperationType.PUT_ALARM, resource.name())).build();
        }
    }

    public GetAlarmsResponse getAlarms(CallContext ctx, GetAlarmsRequest request) {
        LightsailState state = state(ctx);
        List<AlarmRecord> alarms = request.alarmName() != null ? List.of(state.alarms.get(request.alarmName()))
                : state.alarms.list();
        List<Alarm> matching = alarms.stream()
                .filter(a -> request.monitoredResourceName() == null || a.monitored().name().equals(request.monitoredResourceName()))
                .map(AlarmRecord::toSdk).toList();
        Pages<Alarm> page = Pages.of(matching, request.pageToken(), PAGE_SIZE);
        return GetAlarmsResponse.builder().alarms(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public DeleteAlarmResponse deleteAlarm(CallContext ctx, DeleteAlarmRequest request) {
        LightsailState state = state(ctx);
        synchronized (state.lock) {
            AlarmRecord alarm = state.alarms.get(request.alarmName());
            state.alarms.remove(alarm.name());
            return DeleteAlarmResponse.builder().operations(state.operations.record(LightsailScope.of(ctx), alarm.meta(),
                    OperationType.DELETE_ALARM, null)).build();
        }
    }

    public TestAlarmResponse testAlarm(CallContext ctx, TestAlarmRequest request) {
        LightsailState state = state(ctx);
        AlarmState newState = known(request.state(), request.stateAsString(), "alarm state");
        synchronized (state.lock) {
            AlarmRecord alarm = state.alarms.get(request.alarmName());
            state.alarms.put(alarm.withState(newState));
            AlarmEvaluation.notifyChange(state, alarm, alarm.state(), newState,
                    "Test alarm: TestAlarm set the state until the next evaluation.", ctx.receivedAt());
            return TestAlarmResponse.builder().operations(state.operations.record(LightsailScope.of(ctx), alarm.meta(),
                    OperationType.TEST_ALARM, newState.toString())).build();
        }
    }

    /** The instance, load balancer or managed database the alarm watches. */
    private static LightsailResource<?> monitored(LightsailState state, String name) {
        return state.instances.find(name).<LightsailResource<?>>map(r -> r)
                .or(() -> state.loadBalancers.find(name))
                .or(() -> state.databases.find(name))
                .orElseThrow(() -> LightsailErrors.notFound("The resource does not exist: %s", name));
    }

    private static <E extends Enum<E>> E known(E value, String text, String what) {
        if (value == null || value.name().equals("UNKNOWN_TO_SDK_VERSION")) {
            throw LightsailErrors.invalidInput("The %s %s is not valid.", what, text);
        }
        return value;
    }
}
