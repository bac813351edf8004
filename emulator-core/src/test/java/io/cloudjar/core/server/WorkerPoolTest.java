package io.cloudjar.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Threads are started only when no worker is idle, never beyond the bound; tasks beyond it wait their turn. */
class WorkerPoolTest {

    @Test
    void tasksOneAfterAnotherReuseTheIdleWorker() throws Exception {
        WorkerPool pool = new WorkerPool(256);
        try {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 200; i++) {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(() -> {
                    threads.add(Thread.currentThread().getName());
                    done.countDown();
                });
                assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
                awaitIdle(pool);
            }
            assertThat(threads).as("a fixed pool would have started one thread per task").hasSizeLessThan(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void beyondTheBoundTasksWaitAndRunWhenAWorkerIsFree() throws Exception {
        WorkerPool pool = new WorkerPool(2);
        try {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch finished = new CountDownLatch(5);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            for (int i = 0; i < 5; i++) {
                pool.execute(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    finished.countDown();
                });
            }
            assertThat(pool.saturated()).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (running.get() < 2) { // both workers have started their tasks (a thread may start late on a busy machine)
                assertThat(System.nanoTime()).as("two tasks running").isLessThan(deadline);
                Thread.onSpinWait();
            }
            release.countDown();
            assertThat(finished.await(20, TimeUnit.SECONDS)).as("the waiting tasks ran").isTrue();
            assertThat(mostAtOnce.get()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The task's wrapper counts it finished just after it ran: wait for that before the next one. */
    private static void awaitIdle(WorkerPool pool) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pool.pending() > 0) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
