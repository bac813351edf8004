package io.cloudjar.core.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * moto's {@code INITIAL_NO_AUTH_ACTION_COUNT}, set with {@code POST /moto-api/reset-auth}: the number of calls
 * that skip authorization before the authorizer decides again. Unset (moto's {@code inf}) it changes nothing:
 * the authorizer decides every call, and it allows all unless IAM enforcement ({@code ENFORCE_IAM=1}) installed
 * IAM's.
 */
public final class NoAuthActions {
    private volatile double initialCount = Double.POSITIVE_INFINITY;
    private final AtomicLong calls = new AtomicLong();

    /** Sets the count, restarts counting, and returns the previous count as moto prints it ({@code inf}, {@code 4.0}). */
    public synchronized String reset(double count) {
        String previous = format(initialCount);
        initialCount = count;
        calls.set(0);
        return previous;
    }

    /** Counts one call; true while it is among the first calls that skip authorization. */
    public boolean skipAuthorization() {
        double count = initialCount;
        return !Double.isInfinite(count) && calls.incrementAndGet() <= count;
    }

    public double initialCount() {
        return initialCount;
    }

    private static String format(double value) {
        return Double.isInfinite(value) ? "inf" : Double.toString(value);
    }
}
