package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.AlarmState;
import software.amazon.awssdk.services.lightsail.model.ContactMethodStatus;
import software.amazon.awssdk.services.lightsail.model.ContactProtocol;
import software.amazon.awssdk.services.lightsail.model.TreatMissingData;

/**
 * Evaluates Lightsail alarms on the emulator clock as CloudWatch does. At each five-minute boundary the alarm looks at
 * the last {@code evaluationPeriods} whole periods of its metric ({@link MetricSamples}, the metric's statistic), each
 * breaching, not breaching or missing: ALARM when at least {@code datapointsToAlarm} breach, else OK. Missing periods
 * count as breaching or not with {@code breaching}/{@code notBreaching}. With {@code missing} and {@code ignore} only
 * the periods with data count: with fewer of them than datapointsToAlarm, the alarm goes to ALARM when its oldest
 * breaching datapoint is at least datapointsToAlarm periods old and no newer one is within the threshold (CloudWatch's
 * rule), to OK when one is within it, else stays; when every period is missing it goes to INSUFFICIENT_DATA
 * ({@code missing}) or keeps its state ({@code ignore}).
 *
 * <p>Nothing is scheduled: every Lightsail call first catches its region's alarms up to its own time (so a change it
 * makes, as an instance stopped, never rewrites what was evaluated before it). Each change of state is notified to
 * the alarm's contact methods when its notification triggers name the new state.
 */
final class AlarmEvaluation {
    /** At most a month of boundaries is caught up at once: a longer jump of the clock evaluates its last month. */
    private static final int MAX_BOUNDARIES = 30 * 288;

    private enum Point { BREACHING, NOT_BREACHING, MISSING }

    private AlarmEvaluation() {
    }

    static void catchUp(LightsailState state, LightsailTimings timings, Instant now) {
        if (state.alarms.list().isEmpty()) {
            return;
        }
        synchronized (state.lock) {
            for (AlarmRecord alarm : state.alarms.list()) {
                AlarmRecord evaluated = catchUp(state, timings, alarm, now);
                if (evaluated != alarm) {
                    state.alarms.put(evaluated);
                }
            }
        }
    }

    /** The boundary an alarm made at {@code now} was last evaluated at: its first evaluation is the next one. */
    static Instant lastBoundary(Instant now) {
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), LightsailMetrics.PERIOD_SECONDS) * LightsailMetrics.PERIOD_SECONDS);
    }

    private static AlarmRecord catchUp(LightsailState state, LightsailTimings timings, AlarmRecord alarm, Instant now) {
        long period = LightsailMetrics.PERIOD_SECONDS;
        long last = lastBoundary(now).getEpochSecond();
        long first = Math.max(alarm.evaluatedAt().getEpochSecond() + period, last - (MAX_BOUNDARIES - 1) * period);
        if (first > last) {
            return alarm;
        }
        MetricSamples.Source source = state.byArn(alarm.monitored().arn())
                .map(resource -> MetricSamples.of(state, timings, resource))
                .orElse((metric, t) -> null); // the resource is gone: its metric has no data
        Map<Long, Point> points = new HashMap<>();
        AlarmState current = alarm.state();
        for (long boundary = first; boundary <= last; boundary += period) {
            Point[] newestFirst = new Point[alarm.evaluationPeriods()];
            for (int k = 1; k <= newestFirst.length; k++) {
                newestFirst[k - 1] = points.computeIfAbsent(boundary - k * period, s -> point(alarm, source, s));
            }
            AlarmState next = decide(alarm, current, newestFirst);
            if (next != current) {
                Instant at = Instant.ofEpochSecond(boundary);
                notifyChange(state, alarm, current, next, reason(alarm, next, newestFirst), at);
                current = next;
            }
        }
        return alarm.evaluated(current, Instant.ofEpochSecond(last));
    }

    private static Point point(AlarmRecord alarm, MetricSamples.Source source, long start) {
        return MetricSamples.over(source, alarm.metric().toString(), Instant.ofEpochSecond(start), LightsailMetrics.PERIOD_SECONDS)
                .map(stats -> breaches(alarm, stats.value(alarm.spec().statistic())) ? Point.BREACHING : Point.NOT_BREACHING)
                .orElse(Point.MISSING);
    }

    private static boolean breaches(AlarmRecord alarm, double value) {
        return switch (alarm.comparison()) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> value >= alarm.threshold();
            case GREATER_THAN_THRESHOLD -> value > alarm.threshold();
            case LESS_THAN_THRESHOLD -> value < alarm.threshold();
            case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> value <= alarm.threshold();
            default -> false;
        };
    }

    private static AlarmState decide(AlarmRecord alarm, AlarmState current, Point[] newestFirst) {
        int wanted = alarm.datapointsToAlarm();
        int breaching = count(newestFirst, Point.BREACHING);
        int missing = count(newestFirst, Point.MISSING);
        switch (alarm.treatMissingData()) {
            case BREACHING:
                return breaching + missing >= wanted ? AlarmState.ALARM : AlarmState.OK;
            case NOT_BREACHING:
                return breaching >= wanted ? AlarmState.ALARM : AlarmState.OK;
            default:
                break;
        }
        if (missing == newestFirst.length) {
            return alarm.treatMissingData() == TreatMissingData.IGNORE ? current : AlarmState.INSUFFICIENT_DATA;
        }
        if (newestFirst.length - missing >= wanted) {
            return breaching >= wanted ? AlarmState.ALARM : AlarmState.OK;
        }
        // fewer datapoints than datapointsToAlarm: CloudWatch alarms when the oldest breaching one is at least that many
        // periods old and nothing newer is within the threshold; any point within it is OK; else nothing is decided
        for (int k = newestFirst.length; k >= 1; k--) {
            if (newestFirst[k - 1] == Point.BREACHING) {
                boolean newerWithin = false;
                for (int j = 1; j < k; j++) {
                    newerWithin |= newestFirst[j - 1] == Point.NOT_BREACHING;
                }
                if (k >= wanted && !newerWithin) {
                    return AlarmState.ALARM;
                }
                break;
            }
        }
        return count(newestFirst, Point.NOT_BREACHING) > 0 ? AlarmState.OK : current;
    }

    private static int count(Point[] points, Point kind) {
        int n = 0;
        for (Point p : points) {
            n += p == kind ? 1 : 0;
        }
        return n;
    }

    private static String reason(AlarmRecord alarm, AlarmState next, Point[] newestFirst) {
        int breaching = count(newestFirst, Point.BREACHING);
        int missing = count(newestFirst, Point.MISSING);
        if (next == AlarmState.INSUFFICIENT_DATA) {
            return String.format(Locale.ROOT, "Insufficient Data: the last %d datapoints were missing.", missing);
        }
        String comparison = switch (alarm.comparison()) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> "greater than or equal to";
            case GREATER_THAN_THRESHOLD -> "greater than";
            case LESS_THAN_THRESHOLD -> "less than";
            default -> "less than or equal to";
        };
        return String.format(Locale.ROOT, "Threshold Crossed: %d out of the last %d datapoints were %s the threshold (%s)%s.",
                breaching, alarm.evaluationPeriods(), comparison, alarm.threshold(),
                missing == 0 ? "" : String.format(Locale.ROOT, "; %d were missing (treated as %s)", missing, alarm.treatMissingData()));
    }

    /**
     * Records what the alarm's contact methods receive when it enters {@code next} (if notifications are on and its
     * triggers name that state): an email address not verified yet receives nothing, as on AWS.
     */
    static void notifyChange(LightsailState state, AlarmRecord alarm, AlarmState previous, AlarmState next, String reason,
                             Instant at) {
        if (!alarm.notificationEnabled() || !alarm.notificationTriggers().contains(next)) {
            return;
        }
        String region = alarm.meta().region();
        String account = alarm.meta().arn().split(":")[4];
        for (ContactProtocol protocol : alarm.contactProtocols()) {
            ContactMethodRecord method = state.contactMethods.find(protocol + "-" + region).orElse(null);
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("alarmName", alarm.name());
            message.put("alarmArn", alarm.meta().arn());
            message.put("resourceName", alarm.monitored().name());
            message.put("resourceType", alarm.monitored().resourceTypeAsString());
            message.put("metricName", alarm.metric().toString());
            message.put("previousState", previous.toString());
            message.put("state", next.toString());
            message.put("reason", reason);
            boolean delivered = method != null && method.status() == ContactMethodStatus.VALID;
            String note = method == null ? "No " + protocol + " contact method exists in " + region + "."
                    : delivered ? null : "The " + protocol + " contact method is not verified.";
            state.notifications.add(new Notifications.Notification(at, account, region, "AlarmNotification", protocol,
                    method == null ? null : method.endpoint(), delivered, note, message));
        }
    }
}
