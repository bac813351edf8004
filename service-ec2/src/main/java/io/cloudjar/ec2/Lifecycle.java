package io.cloudjar.ec2;

import java.time.Duration;
import java.time.Instant;

/**
 * A transition that completes on the emulator's clock: a resource records when it started and how long it
 * takes, and every read derives the current state from the clock. Nothing is scheduled, so moving the
 * clock forward (tests, {@code /_cloudjar/clock}) completes transitions at once and a reset loses nothing.
 */
record Lifecycle(Instant start, Duration duration) {
    static Lifecycle done(Instant at) {
        return new Lifecycle(at, Duration.ZERO);
    }

    boolean isDone(Instant now) {
        return !now.isBefore(end());
    }

    Instant end() {
        return start.plus(duration);
    }

    /** 0 to 100, as EC2 reports snapshot and modification progress. */
    int percent(Instant now) {
        if (isDone(now)) {
            return 100;
        }
        long total = Math.max(1, duration.toMillis());
        long elapsed = Math.max(0, Duration.between(start, now).toMillis());
        return (int) Math.min(99, elapsed * 100 / total);
    }
}
