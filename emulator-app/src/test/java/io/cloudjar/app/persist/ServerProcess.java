package io.cloudjar.app.persist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cloudjar in a process of its own (the test's class path, {@code io.cloudjar.app.Main}), so a test can kill it
 * with SIGKILL the way {@code kill -9} does and start another on the same data directory.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final StringBuilder output = new StringBuilder();

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a server with {@code PERSISTENCE=1} on {@code dataDir} and returns once it printed {@code Ready.}. */
    static ServerProcess startPersistent(Path dataDir, Map<String, String> env) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.cloudjar.app.Main").redirectErrorStream(true);
        builder.environment().put("PERSISTENCE", "1");
        builder.environment().put("DATA_DIR", dataDir.toString());
        builder.environment().put("CLOUDJAR_PORT", Integer.toString(port));
        builder.environment().putAll(env);
        ServerProcess server = new ServerProcess(builder.start(), port);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws Exception {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.endsWith("Ready.")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
            ready.complete(false);
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        if (!ready.get(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Cloudjar did not start:\n" + output());
        }
    }

    URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs, nothing is flushed or closed. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill9();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
