package io.cloudjar.core.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the provider calls running, so that what a reset discards (S3 bodies on disk) is removed only once no
 * call that may still read or write it is running. Calls are counted per epoch; {@link #whenDrained} starts a
 * new epoch and runs its action once the calls of the old one and of every older one have finished: at once when
 * none runs, otherwise on the thread of the last of them. Nothing waits, so a slow upload never holds up a reset.
 */
public final class CallsInFlight {
    private static final Logger LOG = LoggerFactory.getLogger(CallsInFlight.class);

    private final AtomicReference<Epoch> current = new AtomicReference<>(new Epoch(null));

    /** Counts a call until {@link Call#close()}. */
    public Call enter() {
        while (true) {
            Epoch epoch = current.get();
            epoch.active.incrementAndGet();
            if (current.get() == epoch) {
                return epoch::exit;
            }
            epoch.exit(); // a new epoch started meanwhile: count this call in that one
        }
    }

    /** Runs {@code action} once every call entered before now has finished. */
    public void whenDrained(Runnable action) {
        Epoch old;
        Epoch fresh;
        do {
            old = current.get();
            fresh = new Epoch(old);
        } while (!current.compareAndSet(old, fresh));
        old.next = fresh; // before the action is set, so the old epoch cannot finish without seeing it
        old.onDrained = action;
        old.tryFinish();
    }

    /** One counted call. */
    @FunctionalInterface
    public interface Call extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Calls entered while this epoch was current. It finishes, running its action exactly once, when it is
     * retired, none of its calls runs and the epoch before it has finished: a call of an older epoch may have
     * looked up state that a later reset discards too.
     */
    private static final class Epoch {
        final AtomicInteger active = new AtomicInteger();
        final AtomicBoolean finished = new AtomicBoolean();
        volatile Epoch previous;
        volatile Epoch next;
        volatile Runnable onDrained;

        Epoch(Epoch previous) {
            this.previous = previous;
        }

        void exit() {
            if (active.decrementAndGet() == 0) {
                tryFinish();
            }
        }

        void tryFinish() {
            Runnable action = onDrained;
            Epoch before = previous;
            if (action == null || active.get() != 0 || (before != null && !before.finished.get())
                    || !finished.compareAndSet(false, true)) {
                return;
            }
            previous = null; // finished epochs are not kept alive by the chain
            onDrained = null;
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("Clean-up after a reset failed", e); // never the failure of the call that happened to run it
            }
            Epoch after = next;
            if (after != null) {
                after.tryFinish();
            }
        }
    }
}
