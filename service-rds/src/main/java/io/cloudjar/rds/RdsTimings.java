package io.cloudjar.rds;

import java.time.Duration;

/** How long RDS's transitions take on the emulator clock: the order of what AWS takes for a small instance. */
final class RdsTimings {
    static final Duration CREATING = Duration.ofMinutes(4);
    static final Duration BACKING_UP = Duration.ofMinutes(1);
    static final Duration MODIFYING = Duration.ofMinutes(1);
    static final Duration REBOOTING = Duration.ofSeconds(30);
    static final Duration STOPPING = Duration.ofMinutes(1);
    static final Duration STARTING = Duration.ofMinutes(2);
    static final Duration DELETING = Duration.ofMinutes(1);
    static final Duration SNAPSHOT = Duration.ofMinutes(1);

    private RdsTimings() {
    }
}
