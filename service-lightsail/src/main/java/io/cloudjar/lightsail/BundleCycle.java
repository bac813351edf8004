package io.cloudjar.lightsail;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Lightsail lets a bucket's or distribution's bundle change once per monthly AWS billing cycle (a calendar month
 * here); {@code ableToUpdateBundle} answers whether it can change now.
 */
final class BundleCycle {
    private BundleCycle() {
    }

    /** Whether a bundle last changed at {@code changedAt} (null: never) can change at {@code now}. */
    static boolean canChange(Instant changedAt, Instant now) {
        return changedAt == null || !changedAt.atZone(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                .equals(now.atZone(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate());
    }
}
