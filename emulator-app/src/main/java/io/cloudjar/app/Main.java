package io.cloudjar.app;

import io.cloudjar.core.config.EmulatorConfig;
import io.cloudjar.core.runtime.InitStatus;
import io.cloudjar.core.server.CloudjarServer;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Cloudjar: {@code java -jar cloudjar.jar [--port N] [--host H]}. Runs LocalStack's init hooks (boot before
 * the port opens, start and ready after), prints one {@code Ready.} line once the port accepts calls and the ready
 * hooks have run, and on SIGTERM / Ctrl-C runs the shutdown hooks and stops cleanly.
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
        InitStatus initStatus = new InitStatus();
        InitHooks hooks;
        try {
            hooks = new InitHooks(InitScripts.from(config.env()), initStatus).announce();
        } catch (IllegalStateException unreadable) { // an init directory that cannot be listed
            System.err.println("cloudjar: cannot start: " + unreadable.getMessage());
            System.exit(1);
            return;
        }
        // boot hooks run before the port opens, as LocalStack's run before its services: they cannot call AWS yet
        hooks.run(InitStatus.Stage.BOOT, new InitScriptRunner(InitScriptRunner.awsEnvironment(config.port(), config.defaultRegion())));
        CloudjarServer server;
        try {
            server = CloudjarServer.start(config);
        } catch (IllegalStateException misconfigured) { // e.g. a provider method that names no operation
            System.err.println("cloudjar: cannot start: " + misconfigured.getMessage());
            System.exit(1);
            return;
        }
        server.runtime().useInitStatus(initStatus);
        InitScriptRunner runner = new InitScriptRunner(InitScriptRunner.awsEnvironment(server.port(), config.defaultRegion()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hooks.run(InitStatus.Stage.SHUTDOWN, runner);
            server.close();
            stopped.countDown();
        }, "cloudjar-shutdown"));
        LOG.info("Listening on {} (port {}) in {} ms", server.endpoint(), server.port(), (System.nanoTime() - started) / 1_000_000);
        hooks.run(InitStatus.Stage.START, runner);
        hooks.run(InitStatus.Stage.READY, runner);
        LOG.info("Ready.");
        IdleFootprint.trimInBackground(); // start-up's garbage and spare heap given back: idle RSS
        stopped.await();
    }
}
