package io.cloudjar.lightsail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.Session;
import software.amazon.awssdk.services.lightsail.model.Status;

/**
 * The browser-based (Amazon DCV) GUI session of one instance, kept under the instance's ARN (not a name a user can
 * give, so it never shadows a resource). Its status comes from the emulator clock: {@code starting} after
 * StartGUISession, {@code started} for an hour, then {@code startExpired}; {@code stopping}, then {@code stopped}
 * after StopGUISession; {@code notStarted} before any start.
 *
 * @param sessions the URLs CreateGUISessionAccessDetails made last (the primary one opens the application)
 */
record GuiSessionRecord(ResourceMeta meta, String instanceName, List<Url> sessions, Instant startedAt,
                        Instant stoppedAt, Duration transition) implements LightsailResource<GuiSessionRecord> {
    /** AWS: "The session will be active for 1 hour." */
    static final Duration LIFETIME = Duration.ofHours(1);

    GuiSessionRecord {
        sessions = List.copyOf(sessions);
    }

    record Url(String name, String url, boolean primary) {
    }

    @Override
    public GuiSessionRecord withMeta(ResourceMeta newMeta) {
        return new GuiSessionRecord(newMeta, instanceName, sessions, startedAt, stoppedAt, transition);
    }

    Status status(Instant now) {
        if (startedAt == null) {
            return Status.NOT_STARTED;
        }
        if (stoppedAt != null && !stoppedAt.isBefore(startedAt)) {
            return now.isBefore(stoppedAt.plus(transition)) ? Status.STOPPING : Status.STOPPED;
        }
        if (now.isBefore(startedAt.plus(transition))) {
            return Status.STARTING;
        }
        return now.isBefore(startedAt.plus(LIFETIME)) ? Status.STARTED : Status.START_EXPIRED;
    }

    /** How far the current start or stop has come, 0 to 100. */
    int percentageComplete(Instant now) {
        Instant from = stoppedAt != null && startedAt != null && !stoppedAt.isBefore(startedAt) ? stoppedAt : startedAt;
        if (from == null || transition.isZero() || !now.isBefore(from.plus(transition))) {
            return from == null ? 0 : 100;
        }
        return (int) (Duration.between(from, now).toMillis() * 100 / transition.toMillis());
    }

    GuiSessionRecord withSessions(List<Url> newSessions) {
        return new GuiSessionRecord(meta, instanceName, newSessions, startedAt, stoppedAt, transition);
    }

    GuiSessionRecord started(Instant at) {
        return new GuiSessionRecord(meta, instanceName, sessions, at, null, transition);
    }

    GuiSessionRecord stopped(Instant at) {
        return new GuiSessionRecord(meta, instanceName, sessions, startedAt, at, transition);
    }

    List<Session> sdkSessions() {
        return sessions.stream().map(s -> Session.builder().name(s.name()).url(s.url()).isPrimary(s.primary()).build()).toList();
    }
}
