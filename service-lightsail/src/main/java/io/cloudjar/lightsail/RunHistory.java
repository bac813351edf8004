package io.cloudjar.lightsail;

import io.cloudjar.core.persist.KeptMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The spans in which instances and managed databases ran before their latest stop (or database reboot), by ARN. Their
 * records know only the latest transition, so without these a stop would erase the metric data (and the alarm
 * datapoints) of the time they ran before. Kept across restarts through {@link #spans}.
 */
final class RunHistory {
    record Span(Instant from, Instant until) {
    }

    /** Every span of one resource, oldest first (replaced whole, so the state file sees each change). */
    record Spans(List<Span> spans) {
        Spans {
            spans = List.copyOf(spans);
        }
    }

    final KeptMap<String, Spans> spans;

    RunHistory(KeptMap<String, Spans> spans) {
        this.spans = spans;
    }

    /** The instance ran from {@code from} until {@code until} (its stop). */
    synchronized void ran(String arn, Instant from, Instant until) {
        if (from.isBefore(until)) {
            List<Span> all = new ArrayList<>(spansOf(arn));
            all.add(new Span(from, until));
            spans.put(arn, new Spans(all));
        }
    }

    boolean ranAt(String arn, Instant t) {
        return spansOf(arn).stream().anyMatch(s -> !t.isBefore(s.from()) && t.isBefore(s.until()));
    }

    synchronized void forget(String arn) {
        spans.remove(arn);
    }

    private List<Span> spansOf(String arn) {
        Spans of = spans.get(arn);
        return of == null ? List.of() : of.spans();
    }
}
