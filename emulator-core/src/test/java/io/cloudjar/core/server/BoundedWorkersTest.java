package io.cloudjar.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.RawHttp;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests run on a bounded pool of workers: with every worker busy, a new request waits for one instead of a new thread. */
class BoundedWorkersTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("CLOUDJAR_WORKER_THREADS", "2");

    private static final int PATIENCE_MILLIS = 20_000;

    private static String formHead(int contentLength) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    @Test
    void aRequestWaitsForAFreeWorkerAndRunsOnceOneIs() throws Exception {
        String body = "Action=DescribeRegions&Version=2016-11-15";
        try (RawHttp first = new RawHttp(cloudjar.port(), PATIENCE_MILLIS);
             RawHttp second = new RawHttp(cloudjar.port(), PATIENCE_MILLIS);
             RawHttp third = new RawHttp(cloudjar.port(), 1_000)) {
            // two uploads in progress hold both workers: each waits for the rest of its body
            first.send(formHead(body.length()) + body.substring(0, 5));
            second.send(formHead(body.length()) + body.substring(0, 5));
            awaitBusyWorkers(2); // both reach the workers before the third arrives (the pool's queue is first come, first served)

            third.send("GET /_cloudjar/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThatThrownBy(third::read).as("no third worker").isInstanceOf(SocketTimeoutException.class);

            first.send(body.substring(5));
            assertThat(first.read().status()).isEqualTo(501);
            assertThat(third.patience(PATIENCE_MILLIS).read().status()).as("the freed worker takes the waiting request").isEqualTo(200);
            second.send(body.substring(5));
            assertThat(second.read().status()).isEqualTo(501);
        }
    }

    /** Waits, up to the test's patience, until this many requests are running or waiting for a worker. */
    private static void awaitBusyWorkers(int count) {
        WorkerPool workers = cloudjar.server().workers();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
        while (workers.pending() < count) {
            assertThat(System.nanoTime()).as("%d requests on workers", count).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }
}
