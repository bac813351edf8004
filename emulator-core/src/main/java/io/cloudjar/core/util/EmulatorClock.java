package io.cloudjar.core.util;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's time: the wall clock plus an offset that tests (and {@code /_cloudjar/clock}) may move
 * forward, so state machines that wait (instances booting, restores, expirations) can be hurried.
 */
public final class EmulatorClock {
    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();

    public EmulatorClock() {
        this(Clock.systemUTC());
    }

    public EmulatorClock(Clock base) {
        this.base = base;
    }

    public Instant now() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    public void advance(Duration duration) {
        offsetMillis.addAndGet(duration.toMillis());
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }
}
