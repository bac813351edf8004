package io.cloudjar.app;

import io.cloudjar.core.config.EmulatorConfig;
import io.cloudjar.core.server.CloudjarServer;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Cloudjar: {@code java -jar cloudjar.jar [--port N] [--host H]}. Prints one {@code Ready.} line
 * once the port accepts calls and stops cleanly on SIGTERM / Ctrl-C.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger("cloudjar");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime(); // start-up time for the log: technical, so not the emulator clock
        EmulatorConfig config;
        try {
            config = Settings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("cloudjar: " + e.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.println(Settings.USAGE);
            return;
        }
        CloudjarServer server;
        try {
            server = CloudjarServer.start(config);
        } catch (IllegalStateException misconfigured) { // e.g. a provider method that names no operation
            System.err.println("cloudjar: cannot start: " + misconfigured.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "cloudjar-shutdown"));
        LOG.info("Listening on {} (port {}) in {} ms", server.endpoint(), server.port(), (System.nanoTime() - started) / 1_000_000);
        LOG.info("Ready.");
        stopped.await();
    }
}
