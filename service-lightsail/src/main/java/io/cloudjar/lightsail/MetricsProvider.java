package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.GetInstanceMetricDataRequest;
import software.amazon.awssdk.services.lightsail.model.GetInstanceMetricDataResponse;
import software.amazon.awssdk.services.lightsail.model.InstanceMetricName;
import software.amazon.awssdk.services.lightsail.model.MetricDatapoint;
import software.amazon.awssdk.services.lightsail.model.MetricStatistic;
import software.amazon.awssdk.services.lightsail.model.MetricUnit;

/**
 * GetInstanceMetricData shaped as AWS answers it: one datapoint per period the instance was running in the window (up
 * to now), aligned on period boundaries, with the statistics asked for, in the metric's own unit (a different unit is
 * refused). The instances run nothing, so the values are those of an idle server: a little CPU (steady per instance
 * and minute), a little network, full burst capacity, no failed status checks.
 */
public final class MetricsProvider extends LightsailProvider {
    private static final int MAX_DATAPOINTS = 1440;
    private static final Map<InstanceMetricName, MetricUnit> UNITS = Map.of(
            InstanceMetricName.CPU_UTILIZATION, MetricUnit.PERCENT,
            InstanceMetricName.NETWORK_IN, MetricUnit.BYTES,
            InstanceMetricName.NETWORK_OUT, MetricUnit.BYTES,
            InstanceMetricName.STATUS_CHECK_FAILED, MetricUnit.COUNT,
            InstanceMetricName.STATUS_CHECK_FAILED_INSTANCE, MetricUnit.COUNT,
            InstanceMetricName.STATUS_CHECK_FAILED_SYSTEM, MetricUnit.COUNT,
            InstanceMetricName.BURST_CAPACITY_TIME, MetricUnit.SECONDS,
            InstanceMetricName.BURST_CAPACITY_PERCENTAGE, MetricUnit.PERCENT,
            InstanceMetricName.METADATA_NO_TOKEN, MetricUnit.COUNT);

    public GetInstanceMetricDataResponse getInstanceMetricData(CallContext ctx, GetInstanceMetricDataRequest request) {
        InstanceRecord instance = state(ctx).instances.get(request.instanceName());
        MetricUnit unit = UNITS.get(request.metricName());
        if (unit == null) {
            throw LightsailErrors.invalidInput("The metric name is not valid: %s", request.metricNameAsString());
        }
        if (request.unit() != unit) {
            throw LightsailErrors.invalidInput("The unit %s is not valid for metric %s: use %s.", request.unitAsString(),
                    request.metricNameAsString(), unit);
        }
        int period = request.period();
        if (period < 60 || period > 86400 || period % 60 != 0) {
            throw LightsailErrors.invalidInput("The period must be a multiple of 60 between 60 and 86400 seconds: %d", period);
        }
        if (!request.endTime().isAfter(request.startTime())) {
            throw LightsailErrors.invalidInput("The end time must be after the start time.");
        }
        long points = (request.endTime().getEpochSecond() - request.startTime().getEpochSecond()) / period;
        if (points > MAX_DATAPOINTS) {
            throw LightsailErrors.invalidInput("The request would return %d datapoints; at most %d are allowed.", points, MAX_DATAPOINTS);
        }
        Instant from = Instant.ofEpochSecond(Math.floorDiv(request.startTime().getEpochSecond(), period) * (long) period);
        Instant running = instance.meta().createdAt().plus(store.timings().pending());
        Instant until = request.endTime().isBefore(ctx.receivedAt()) ? request.endTime() : ctx.receivedAt();
        List<MetricDatapoint> data = new ArrayList<>();
        for (Instant t = from; t.plusSeconds(period).compareTo(until) <= 0; t = t.plusSeconds(period)) {
            if (t.isBefore(running) || !InstanceRecord.RUNNING.equals(instance.state(t))) {
                continue;
            }
            data.add(datapoint(instance, request, unit, t, period));
        }
        return GetInstanceMetricDataResponse.builder().metricName(request.metricName()).metricData(data).build();
    }

    private static MetricDatapoint datapoint(InstanceRecord instance, GetInstanceMetricDataRequest request, MetricUnit unit,
                                             Instant t, int period) {
        double samples = period / 60.0; // Lightsail's instance metrics are per-minute samples
        double min;
        double max;
        double avg;
        switch (request.metricName()) {
            case CPU_UTILIZATION -> {
                avg = 0.2 + noise(instance, t) * 1.5;
                min = avg * 0.5;
                max = avg * 2;
            }
            case NETWORK_IN, NETWORK_OUT -> {
                avg = 800 + noise(instance, t) * 4000;
                min = avg * 0.25;
                max = avg * 3;
            }
            case BURST_CAPACITY_PERCENTAGE -> {
                avg = 100;
                min = 100;
                max = 100;
            }
            case BURST_CAPACITY_TIME -> {
                avg = 43200; // a full bucket: 12 hours at full speed
                min = avg;
                max = avg;
            }
            default -> {
                avg = 0;
                min = 0;
                max = 0;
            }
        }
        MetricDatapoint.Builder point = MetricDatapoint.builder().timestamp(t).unit(unit);
        for (MetricStatistic s : request.statistics()) {
            switch (s) {
                case AVERAGE -> point.average(round(avg));
                case MINIMUM -> point.minimum(round(min));
                case MAXIMUM -> point.maximum(round(max));
                case SUM -> point.sum(round(avg * samples));
                case SAMPLE_COUNT -> point.sampleCount(samples);
                default -> throw LightsailErrors.invalidInput("The statistic is not valid: %s", s);
            }
        }
        return point.build();
    }

    /** A steady value in [0, 1) per instance and time, so repeated calls answer the same data. */
    private static double noise(InstanceRecord instance, Instant t) {
        long h = instance.meta().arn().hashCode() * 31L + t.getEpochSecond() / 60;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (h >>> 11) / (double) (1L << 53);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
