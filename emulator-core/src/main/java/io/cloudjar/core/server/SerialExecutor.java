package io.cloudjar.core.server;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's requests one after another on a shared pool, so pipelined HTTP/1.1 requests are
 * answered in the order they came. A task that throws (even an {@link Error}) is logged and the next one runs:
 * a stuck executor would leave the connection waiting forever.
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
        if (!running) {
            running = true;
            try {
                pool.execute(this::drain);
            } catch (RuntimeException rejected) { // the pool is shutting down: nothing will run these
                running = false;
                tasks.clear();
                throw rejected;
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (Throwable t) {
                LOG.error("A request task failed", t);
            }
        }
    }
}
