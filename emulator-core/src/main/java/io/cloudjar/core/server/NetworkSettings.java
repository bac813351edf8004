package io.cloudjar.core.server;

import io.cloudjar.core.config.EmulatorConfig;
import java.util.concurrent.TimeUnit;

/**
 * Timeouts and the worker pool's size, from the environment the server starts with (tests set small timeouts).
 * Why these defaults: docs/architecture.md, "Limits and timeouts".
 *
 * @param idleTimeoutMillis {@code CLOUDJAR_IDLE_TIMEOUT_MS}: a connection with no request in progress is closed
 *                          after this long (default 120 s)
 * @param ioTimeoutMillis   {@code CLOUDJAR_IO_TIMEOUT_MS}: the longest a request head or body may stop arriving, or a
 *                          response stop being read, before the connection is answered {@code RequestTimeout} and
 *                          closed (default 20 s, as S3)
 * @param workerThreads     {@code CLOUDJAR_WORKER_THREADS}: threads running requests (default 256); when all are
 *                          busy, further requests wait with their connections paused
 */
record NetworkSettings(long idleTimeoutMillis, long ioTimeoutMillis, int workerThreads) {
    static final long DEFAULT_IDLE_TIMEOUT_MILLIS = 120_000;
    static final long DEFAULT_IO_TIMEOUT_MILLIS = 20_000;
    static final int DEFAULT_WORKER_THREADS = 256;

    NetworkSettings {
        if (idleTimeoutMillis <= 0 || ioTimeoutMillis <= 0 || workerThreads <= 0) {
            throw new IllegalArgumentException("timeouts and the worker count must be positive");
        }
    }

    static NetworkSettings from(EmulatorConfig config) {
        return new NetworkSettings(
                number(config, "CLOUDJAR_IDLE_TIMEOUT_MS", DEFAULT_IDLE_TIMEOUT_MILLIS),
                number(config, "CLOUDJAR_IO_TIMEOUT_MS", DEFAULT_IO_TIMEOUT_MILLIS),
                (int) number(config, "CLOUDJAR_WORKER_THREADS", DEFAULT_WORKER_THREADS));
    }

    long idleTimeoutNanos() {
        return TimeUnit.MILLISECONDS.toNanos(idleTimeoutMillis);
    }

    long ioTimeoutNanos() {
        return TimeUnit.MILLISECONDS.toNanos(ioTimeoutMillis);
    }

    private static long number(EmulatorConfig config, String name, long fallback) {
        String text = config.env(name, null);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value <= 0 || value > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number: " + text);
        }
    }
}
