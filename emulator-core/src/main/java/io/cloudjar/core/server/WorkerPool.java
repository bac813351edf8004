package io.cloudjar.core.server;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run requests: at most {@code threads} (a worker may block on a slow upload, and the event loop
 * must never run one); idle ones end after a minute. Tasks beyond them wait in the queue, which holds at most one
 * task per connection ({@link SerialExecutor}); a connection whose request will have to wait pauses its socket
 * meanwhile ({@link ReadGate#AWAITING_WORKER}), so a busy server buffers no more than a read per connection.
 */
final class WorkerPool implements Executor {
    private final int threads;
    private final ThreadPoolExecutor pool;
    /** Tasks submitted and not finished, queued or running. */
    private final AtomicInteger pending = new AtomicInteger();

    WorkerPool(int threads) {
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "cloudjar-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        pending.incrementAndGet();
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RuntimeException rejected) {
            pending.decrementAndGet();
            throw rejected;
        }
    }

    /** Whether a task submitted now would wait for a worker (approximately: the count moves while it is read). */
    boolean saturated() {
        return pending.get() >= threads;
    }

    void shutdown() {
        pool.shutdown();
    }

    void shutdownNow() {
        pool.shutdownNow();
    }
}
