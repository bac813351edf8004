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

    private final Deque<Notification> recorded = new ArrayDeque<>();

    synchronized void add(Notification notification) {
        recorded.addLast(notification);
        if (recorded.size() > KEPT) {
            recorded.removeFirst();
        }
    }

    synchronized List<Notification> list() {
        return List.copyOf(recorded);
    }

    synchronized void clear() {
        recorded.clear();
    }
}
