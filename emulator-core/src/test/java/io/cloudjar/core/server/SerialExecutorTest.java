package io.cloudjar.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A task that throws must not stop the connection's later requests from running. */
class SerialExecutorTest {
    @Test
    void tasksAfterOneThatThrowsStillRun() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            CountDownLatch ran = new CountDownLatch(2);
            serial.execute(() -> {
                throw new IllegalArgumentException("a header Netty refuses");
            });
            serial.execute(ran::countDown);
            serial.execute(() -> {
                throw new StackOverflowError("an Error too");
            });
            serial.execute(ran::countDown);

            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
