package io.cloudjar.ec2;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where an instance is in its life: a transitional state ({@code pending}, {@code stopping},
 * {@code shutting-down}) that becomes a settled one ({@code running}, {@code stopped}, {@code terminated})
 * when its {@link Lifecycle} completes on the emulator clock. Every read derives the state from the clock.
 *
 * @param transitionReason what DescribeInstances shows as {@code stateTransitionReason} once settled
 * @param userInitiated    stopped or terminated by a call (state reason {@code Client.UserInitiatedShutdown})
 */
record InstancePhase(String transitional, String settled, Lifecycle lifecycle, String transitionReason,
                     boolean userInitiated) {
    private static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'GMT'")
            .withZone(ZoneOffset.UTC);

    static InstancePhase booting(Instant at, Duration duration) {
        return new InstancePhase("pending", "running", new Lifecycle(at, duration), "", false);
    }

    static InstancePhase stopping(Instant at, Duration duration) {
        return new InstancePhase("stopping", "stopped", new Lifecycle(at, duration), userInitiated(at), true);
    }

    static InstancePhase terminating(Instant at, Duration duration) {
        return new InstancePhase("shutting-down", "terminated", new Lifecycle(at, duration), userInitiated(at), true);
    }

    private static String userInitiated(Instant at) {
        return "User initiated (" + REASON_TIME.format(at) + ")";
    }

    String name(Instant now) {
        return lifecycle.isDone(now) ? settled : transitional;
    }

    /** EC2's state codes: the low byte of {@code instanceState.code}. */
    static int code(String name) {
        return switch (name) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            case "stopped" -> 80;
            default -> throw new IllegalArgumentException(name);
        };
    }

    boolean terminatedOrTerminating() {
        return settled.equals("terminated");
    }

    /** Terminated instances stay visible for an hour, then disappear from every call. */
    boolean gone(Instant now) {
        return terminatedOrTerminating() && now.isAfter(lifecycle.end().plus(Ec2Timings.TERMINATED_VISIBLE));
    }

    /** When the instance last became {@code running} (status checks start from there), or null. */
    Instant runningSince(Instant now) {
        return settled.equals("running") && lifecycle.isDone(now) ? lifecycle.end() : null;
    }
}
