package io.cloudjar.core.server;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run requests: at most {@code threads} (a worker may block on a slow upload, and the event loop
 * must never run one); idle ones end after a minute. A task goes to an idle worker when there is one, else to a new
 * thread while fewer than {@code threads} exist (a plain fixed pool would start a thread per task up to its size,
 * 256 threads under a 32-client load), else it waits in the queue, which holds at most one task per connection
 * ({@link SerialExecutor}); a connection whose request will have to wait pauses its socket meanwhile
 * ({@link ReadGate#AWAITING_WORKER}), so a busy server buffers no more than a read per connection.
 */
final class WorkerPool implements Executor {
    private final int threads;
    private final ThreadPoolExecutor pool;
    /** Tasks submitted and not finished, queued or running. */
    private final AtomicInteger pending = new AtomicInteger();

    WorkerPool(int threads) {
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        HandOff queue = new HandOff();
        this.pool = new ThreadPoolExecutor(0, threads, 60, TimeUnit.SECONDS, queue, r -> {
            Thread t = new Thread(r, "cloudjar-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, (task, executor) -> {
            if (executor.isShutdown()) {
                throw new java.util.concurrent.RejectedExecutionException("the server is stopping");
            }
            queue.enqueue(task); // every worker busy and the pool full: wait for the first one free
        });
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

    /** Tasks submitted and not finished: running or waiting for a worker. */
    int pending() {
        return pending.get();
    }

    void shutdown() {
        pool.shutdown();
    }

    void shutdownNow() {
        pool.shutdownNow();
    }

    /**
     * The pool offers a task here first: it is accepted only when an idle worker takes it at once, so the pool
     * otherwise starts a thread (up to its maximum) and, at the maximum, queues it through {@link #enqueue}.
     */
    private static final class HandOff extends LinkedTransferQueue<Runnable> {
        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }
    }
}
