package io.cloudjar.lightsail;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.MetricName;
import software.amazon.awssdk.services.lightsail.model.MetricStatistic;
import software.amazon.awssdk.services.lightsail.model.MetricUnit;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * The metrics Lightsail records per resource type, each with its unit (the one Get*MetricData accepts) and the
 * statistic an alarm on it evaluates over five-minute periods. Metric names are text because the per-type enums
 * (InstanceMetricName's MetadataNoToken, ContainerServiceMetricName, BucketMetricName) are not all in MetricName,
 * the alarms' enum.
 */
final class LightsailMetrics {
    static final int PERIOD_SECONDS = 300;

    record Spec(ResourceType resourceType, MetricStatistic statistic, MetricUnit unit) {
    }

    private static final Map<ResourceType, Map<String, Spec>> BY_TYPE = new LinkedHashMap<>();

    static {
        Map<String, Spec> instance = metrics(ResourceType.INSTANCE);
        instance.put("CPUUtilization", new Spec(ResourceType.INSTANCE, MetricStatistic.AVERAGE, MetricUnit.PERCENT));
        instance.put("NetworkIn", new Spec(ResourceType.INSTANCE, MetricStatistic.SUM, MetricUnit.BYTES));
        instance.put("NetworkOut", new Spec(ResourceType.INSTANCE, MetricStatistic.SUM, MetricUnit.BYTES));
        for (String check : new String[] {"StatusCheckFailed", "StatusCheckFailed_Instance", "StatusCheckFailed_System",
                "MetadataNoToken"}) {
            instance.put(check, new Spec(ResourceType.INSTANCE, MetricStatistic.SUM, MetricUnit.COUNT));
        }
        instance.put("BurstCapacityTime", new Spec(ResourceType.INSTANCE, MetricStatistic.AVERAGE, MetricUnit.SECONDS));
        instance.put("BurstCapacityPercentage", new Spec(ResourceType.INSTANCE, MetricStatistic.AVERAGE, MetricUnit.PERCENT));

        Map<String, Spec> balancer = metrics(ResourceType.LOAD_BALANCER);
        for (String count : new String[] {"ClientTLSNegotiationErrorCount", "HTTPCode_LB_4XX_Count", "HTTPCode_LB_5XX_Count",
                "HTTPCode_Instance_2XX_Count", "HTTPCode_Instance_3XX_Count", "HTTPCode_Instance_4XX_Count",
                "HTTPCode_Instance_5XX_Count", "RejectedConnectionCount", "RequestCount"}) {
            balancer.put(count, new Spec(ResourceType.LOAD_BALANCER, MetricStatistic.SUM, MetricUnit.COUNT));
        }
        balancer.put("HealthyHostCount", new Spec(ResourceType.LOAD_BALANCER, MetricStatistic.AVERAGE, MetricUnit.COUNT));
        balancer.put("UnhealthyHostCount", new Spec(ResourceType.LOAD_BALANCER, MetricStatistic.AVERAGE, MetricUnit.COUNT));
        balancer.put("InstanceResponseTime", new Spec(ResourceType.LOAD_BALANCER, MetricStatistic.AVERAGE, MetricUnit.SECONDS));

        Map<String, Spec> database = metrics(ResourceType.RELATIONAL_DATABASE);
        database.put("CPUUtilization", new Spec(ResourceType.RELATIONAL_DATABASE, MetricStatistic.AVERAGE, MetricUnit.PERCENT));
        database.put("DatabaseConnections", new Spec(ResourceType.RELATIONAL_DATABASE, MetricStatistic.AVERAGE, MetricUnit.COUNT));
        database.put("DiskQueueDepth", new Spec(ResourceType.RELATIONAL_DATABASE, MetricStatistic.AVERAGE, MetricUnit.COUNT));
        database.put("FreeStorageSpace", new Spec(ResourceType.RELATIONAL_DATABASE, MetricStatistic.AVERAGE, MetricUnit.BYTES));
        database.put("NetworkReceiveThroughput",
                new Spec(ResourceType.RELATIONAL_DATABASE, MetricStatistic.AVERAGE, MetricUnit.BYTES_SECOND));
        database.put("NetworkTransmitThroughput",
                new Spec(ResourceType.RELATIONAL_DATABASE, MetricStatistic.AVERAGE, MetricUnit.BYTES_SECOND));

        Map<String, Spec> containers = metrics(ResourceType.CONTAINER_SERVICE);
        containers.put("CPUUtilization", new Spec(ResourceType.CONTAINER_SERVICE, MetricStatistic.AVERAGE, MetricUnit.PERCENT));
        containers.put("MemoryUtilization", new Spec(ResourceType.CONTAINER_SERVICE, MetricStatistic.AVERAGE, MetricUnit.PERCENT));

        Map<String, Spec> bucket = metrics(ResourceType.BUCKET);
        bucket.put("BucketSizeBytes", new Spec(ResourceType.BUCKET, MetricStatistic.AVERAGE, MetricUnit.BYTES));
        bucket.put("NumberOfObjects", new Spec(ResourceType.BUCKET, MetricStatistic.AVERAGE, MetricUnit.COUNT));

        Map<String, Spec> distribution = metrics(ResourceType.DISTRIBUTION); // CloudFront publishes counts as None
        for (String sum : new String[] {"Requests", "BytesDownloaded", "BytesUploaded"}) {
            distribution.put(sum, new Spec(ResourceType.DISTRIBUTION, MetricStatistic.SUM, MetricUnit.NONE));
        }
        for (String rate : new String[] {"TotalErrorRate", "Http4xxErrorRate", "Http5xxErrorRate"}) {
            distribution.put(rate, new Spec(ResourceType.DISTRIBUTION, MetricStatistic.AVERAGE, MetricUnit.PERCENT));
        }
    }

    private LightsailMetrics() {
    }

    private static Map<String, Spec> metrics(ResourceType type) {
        return BY_TYPE.computeIfAbsent(type, t -> new LinkedHashMap<>());
    }

    /** The metric on {@code type}, or InvalidInputException when that type records no such metric. */
    static Spec of(ResourceType type, String metricName) {
        Spec spec = BY_TYPE.getOrDefault(type, Map.of()).get(metricName);
        if (spec == null) {
            throw LightsailErrors.invalidInput("The metric %s is not valid for a resource of type %s.", metricName, type);
        }
        return spec;
    }

    /**
     * The metric an alarm watches on {@code type}: alarms exist for instances, load balancers and managed databases
     * (MetricName lists their metrics; container services, buckets and distributions have none).
     */
    static Spec ofAlarm(MetricName metric, String metricText, ResourceType type) {
        if (type == ResourceType.CONTAINER_SERVICE || type == ResourceType.BUCKET || type == ResourceType.DISTRIBUTION) {
            throw LightsailErrors.invalidInput("The metric %s is not valid for a resource of type %s.", metricText, type);
        }
        return of(type, metric.toString());
    }

    /** The unit a Get*MetricData call names must be the metric's own. */
    static Spec checkUnit(ResourceType type, String metricName, MetricUnit unit, String unitText) {
        Spec spec = of(type, metricName);
        if (unit != spec.unit()) {
            throw LightsailErrors.invalidInput("The unit %s is not valid for metric %s: use %s.", unitText, metricName, spec.unit());
        }
        return spec;
    }
}
