package io.cloudjar.lightsail;

import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.lightsail.model.MetricName;
import software.amazon.awssdk.services.lightsail.model.MetricStatistic;
import software.amazon.awssdk.services.lightsail.model.MetricUnit;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * Which metrics an alarm can watch on which resource type, and the statistic and unit Lightsail evaluates each with
 * (alarms are evaluated over five-minute periods).
 */
final class AlarmMetrics {
    static final int PERIOD_SECONDS = 300;

    record Spec(ResourceType resourceType, MetricStatistic statistic, MetricUnit unit) {
    }

    private static final Map<MetricName, Spec> INSTANCE = Map.of(
            MetricName.CPU_UTILIZATION, new Spec(ResourceType.INSTANCE, MetricStatistic.AVERAGE, MetricUnit.PERCENT),
            MetricName.NETWORK_IN, new Spec(ResourceType.INSTANCE, MetricStatistic.SUM, MetricUnit.BYTES),
            MetricName.NETWORK_OUT, new Spec(ResourceType.INSTANCE, MetricStatistic.SUM, MetricUnit.BYTES),
            MetricName.STATUS_CHECK_FAILED, new Spec(ResourceType.INSTANCE, MetricStatistic.SUM, MetricUnit.COUNT),
            MetricName.STATUS_CHECK_FAILED_INSTANCE, new Spec(ResourceType.INSTANCE, MetricStatistic.SUM, MetricUnit.COUNT),
            MetricName.STATUS_CHECK_FAILED_SYSTEM, new Spec(ResourceType.INSTANCE, MetricStatistic.SUM, MetricUnit.COUNT),
            MetricName.BURST_CAPACITY_TIME, new Spec(ResourceType.INSTANCE, MetricStatistic.AVERAGE, MetricUnit.SECONDS),
            MetricName.BURST_CAPACITY_PERCENTAGE, new Spec(ResourceType.INSTANCE, MetricStatistic.AVERAGE, MetricUnit.PERCENT));

    private static final Set<MetricName> LOAD_BALANCER_COUNTS = Set.of(MetricName.CLIENT_TLS_NEGOTIATION_ERROR_COUNT,
            MetricName.HTTP_CODE_LB_4_XX_COUNT, MetricName.HTTP_CODE_LB_5_XX_COUNT, MetricName.HTTP_CODE_INSTANCE_2_XX_COUNT,
            MetricName.HTTP_CODE_INSTANCE_3_XX_COUNT, MetricName.HTTP_CODE_INSTANCE_4_XX_COUNT,
            MetricName.HTTP_CODE_INSTANCE_5_XX_COUNT, MetricName.REJECTED_CONNECTION_COUNT, MetricName.REQUEST_COUNT);

    private AlarmMetrics() {
    }

    /** The metric's evaluation on {@code type}, or InvalidInputException when that type has no such metric. */
    static Spec of(MetricName metric, String metricText, ResourceType type) {
        Spec spec = switch (type) {
            case INSTANCE -> INSTANCE.get(metric);
            case LOAD_BALANCER -> LOAD_BALANCER_COUNTS.contains(metric)
                    ? new Spec(type, MetricStatistic.SUM, MetricUnit.COUNT)
                    : metric == MetricName.HEALTHY_HOST_COUNT || metric == MetricName.UNHEALTHY_HOST_COUNT
                    ? new Spec(type, MetricStatistic.AVERAGE, MetricUnit.COUNT)
                    : metric == MetricName.INSTANCE_RESPONSE_TIME ? new Spec(type, MetricStatistic.AVERAGE, MetricUnit.SECONDS)
                    : null;
            default -> null;
        };
        if (spec == null) {
            throw LightsailErrors.invalidInput("The metric %s is not valid for a resource of type %s.", metricText, type);
        }
        return spec;
    }
}
