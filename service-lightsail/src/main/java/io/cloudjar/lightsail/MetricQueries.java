package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lightsail.model.MetricDatapoint;
import software.amazon.awssdk.services.lightsail.model.MetricStatistic;
import software.amazon.awssdk.services.lightsail.model.MetricUnit;

/**
 * What every Get*MetricData call shares: the period (a multiple of 60 from 60 to 86400 seconds), the window (at most
 * 1440 datapoints), the statistics, and one datapoint per whole period up to now in which the resource recorded
 * samples, aligned on period boundaries, in the metric's unit.
 */
final class MetricQueries {
    private static final int MAX_DATAPOINTS = 1440;

    private MetricQueries() {
    }

    static List<MetricDatapoint> datapoints(MetricSamples.Source source, String metric, MetricUnit unit, Integer period,
                                            Instant start, Instant end, List<MetricStatistic> statistics, Instant now) {
        if (period == null || period < 60 || period > 86400 || period % 60 != 0) {
            throw LightsailErrors.invalidInput("The period must be a multiple of 60 between 60 and 86400 seconds: %s", period);
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw LightsailErrors.invalidInput("The end time must be after the start time.");
        }
        long points = (end.getEpochSecond() - start.getEpochSecond()) / period;
        if (points > MAX_DATAPOINTS) {
            throw LightsailErrors.invalidInput("The request would return %d datapoints; at most %d are allowed.", points, MAX_DATAPOINTS);
        }
        if (statistics.isEmpty() || statistics.contains(MetricStatistic.UNKNOWN_TO_SDK_VERSION)) {
            throw LightsailErrors.invalidInput("The statistics must be some of Minimum, Maximum, Sum, Average and SampleCount.");
        }
        Instant from = Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), period) * (long) period);
        Instant until = end.isBefore(now) ? end : now;
        List<MetricDatapoint> data = new ArrayList<>();
        for (Instant t = from; t.plusSeconds(period).compareTo(until) <= 0; t = t.plusSeconds(period)) {
            Optional<MetricSamples.Stats> stats = MetricSamples.over(source, metric, t, period);
            if (stats.isPresent()) {
                data.add(datapoint(stats.get(), statistics, unit, t));
            }
        }
        return data;
    }

    private static MetricDatapoint datapoint(MetricSamples.Stats stats, List<MetricStatistic> statistics, MetricUnit unit,
                                             Instant t) {
        MetricDatapoint.Builder point = MetricDatapoint.builder().timestamp(t).unit(unit);
        for (MetricStatistic s : statistics) {
            double value = round(stats.value(s));
            switch (s) {
                case AVERAGE -> point.average(value);
                case MINIMUM -> point.minimum(value);
                case MAXIMUM -> point.maximum(value);
                case SUM -> point.sum(value);
                default -> point.sampleCount(value);
            }
        }
        return point.build();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
