package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.ContactProtocol;

/**
 * What Lightsail would have sent to the contact methods of one account and region — alarm notifications and email
 * verification requests — recorded instead of sent (the newest 1000), for {@code /_cloudjar/lightsail/notifications}.
 * Each is numbered in the order recorded, the number its record in the state file has.
 */
final class Notifications {
    private static final int KEPT = 1000;

    /**
     * @param delivered false when the message could not go out (no such contact method, or an email address not
     *                  verified yet: Lightsail sends alarm notifications to verified addresses only); {@code note} says why
     */
    record Notification(Instant at, String account, String region, String kind, ContactProtocol protocol,
                        String contactEndpoint, boolean delivered, String note, Map<String, Object> message) {
    }

    /** Where the recorded notifications are kept across restarts (nothing without persistence). */
    interface Sink {
        void added(long number, Notification notification);

        void dropped(long number);
    }

    private record Numbered(long number, Notification notification) {
    }

    private final Deque<Numbered> recorded = new ArrayDeque<>();
    private final Sink kept;
    private long last;

    Notifications(Sink kept) {
        this.kept = kept;
    }

    synchronized void add(Notification notification) {
        recorded.addLast(new Numbered(++last, notification));
        kept.added(last, notification);
        if (recorded.size() > KEPT) {
            kept.dropped(recorded.removeFirst().number());
        }
    }

    /** A notification read back from the state file, in the order kept. */
    synchronized void restore(long number, Notification notification) {
        recorded.addLast(new Numbered(number, notification));
        last = Math.max(last, number);
    }

    synchronized List<Notification> list() {
        return recorded.stream().map(Numbered::notification).toList();
    }

    synchronized void clear() {
        recorded.forEach(n -> kept.dropped(n.number()));
        recorded.clear();
    }
}
