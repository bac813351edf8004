package io.cloudjar.core.util;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's time: a base clock (the wall clock when serving, a fixed instant in tests) plus an offset
 * that tests and {@code /_cloudjar/clock} move forward, so state machines that wait (instances booting,
 * restores, expirations) can be hurried. Timed states are computed from this clock when read, so a
 * transition that is due after a jump has happened at the next call.
 *
 * <p>The offset is one atomic value, so the clock may be moved while calls run: each call reads the time
 * once when it arrives ({@code CallContext.receivedAt}), and a move takes effect from the next read.
 */
public final class EmulatorClock {
    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();

    /** The time and offset read together, so one answer never mixes two moves. */
    public record Reading(Instant now, Duration offset) {
    }

    public EmulatorClock() {
        this(Clock.systemUTC());
    }

    public EmulatorClock(Clock base) {
        this.base = base;
    }

    public Instant now() {
        return read().now();
    }

    public Reading read() {
        return readingAt(offsetMillis.get());
    }

    /**
     * Moves the clock forward (never back: what has happened stays done).
     *
     * @throws IllegalArgumentException for a negative duration
     * @throws ArithmeticException when the offset would overflow, leaving the clock where it was
     */
    public Reading advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The emulator clock only moves forward: " + duration);
        }
        return readingAt(offsetMillis.accumulateAndGet(duration.toMillis(), Math::addExact));
    }

    /**
     * Back to the base clock (offset zero). State created while the clock was ahead keeps its times, so
     * its transitions look not yet due until the base clock catches up.
     */
    public Reading reset() {
        offsetMillis.set(0);
        return readingAt(0);
    }

    public Duration offset() {
        return read().offset();
    }

    private Reading readingAt(long offset) {
        return new Reading(base.instant().plusMillis(offset), Duration.ofMillis(offset));
    }
}
