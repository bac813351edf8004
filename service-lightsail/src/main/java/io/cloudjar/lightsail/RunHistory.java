package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The spans in which instances and managed databases ran before their latest stop (or database reboot), by ARN. Their
 * records know only the latest transition, so without these a stop would erase the metric data (and the alarm
 * datapoints) of the time they ran before.
 */
final class RunHistory {
    private record Span(Instant from, Instant until) {
    }

    private final Map<String, List<Span>> spans = new ConcurrentHashMap<>();

    /** The instance ran from {@code from} until {@code until} (its stop). */
    void ran(String arn, Instant from, Instant until) {
        if (from.isBefore(until)) {
            spans.computeIfAbsent(arn, a -> new CopyOnWriteArrayList<>()).add(new Span(from, until));
        }
    }

    boolean ranAt(String arn, Instant t) {
        return spans.getOrDefault(arn, List.of()).stream().anyMatch(s -> !t.isBefore(s.from()) && t.isBefore(s.until()));
    }

    void forget(String arn) {
        spans.remove(arn);
    }
}
