package io.cloudjar.rds.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One PostgreSQL server: {@code dir/data} (the cluster), {@code dir/socket} (its Unix socket, through which setup
 * and backups connect without a password), {@code dir/postgres.log}. The master user is the cluster's bootstrap
 * user, with the instance's password for TCP connections (scram-sha-256).
 */
final class PostgresServer implements RunningDatabase {
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(120);
    private final Path bin;
    private final Path dir;
    private final DatabaseSpec spec;
    private final ExecutorService starter;
    private final int port;
    private volatile Process process;
    private volatile CompletableFuture<Void> starting = CompletableFuture.completedFuture(null);
    private volatile boolean ready;
    private volatile String failure;
    private volatile boolean destroyed;

    PostgresServer(Path bin, Path dir, DatabaseSpec spec, ExecutorService starter) {
        this.bin = bin;
        this.dir = dir;
        this.spec = spec;
        this.starter = starter;
        this.port = EnginePorts.take();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** A new cluster (initdb, the master user, the database) or one from a backup, then the server. */
    synchronized void startNew(Path backup) {
        starting = CompletableFuture.runAsync(() -> {
            try {
                Files.createDirectories(dir.resolve("socket"));
                if (backup == null) {
                    initdb();
                } else {
                    EngineProcesses.copyTree(backup, dir.resolve("data"));
                    Files.deleteIfExists(dir.resolve("data/postmaster.pid"));
                }
                EngineProcesses.own(dir);
                Files.setPosixFilePermissions(dir.resolve("data"), PosixFilePermissions.fromString("rwx------"));
                launch();
                if (backup == null && spec.database() != null) {
                    psql("postgres", "CREATE DATABASE " + quoteIdentifier(spec.database()));
                }
                ready = true;
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }, starter);
    }

    private void initdb() throws IOException {
        Path passwordFile = dir.resolve("pwfile");
        Files.writeString(passwordFile, spec.masterPassword() + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        EngineProcesses.own(dir);
        try {
            EngineProcesses.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                    "-U", spec.masterUsername(), "--pwfile=" + passwordFile, "--auth-local=trust",
                    "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"),
                    dir.resolve("setup.log"), SETUP_TIMEOUT, Map.of());
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    /** Starts the postmaster and waits until it accepts connections. */
    private void launch() throws IOException {
        process = EngineProcesses.startServer(List.of(bin.resolve("postgres").toString(), "-D", dir.resolve("data").toString(),
                "-p", Integer.toString(port), "-k", dir.resolve("socket").toString(),
                "-c", "listen_addresses=localhost", "-c", "unix_socket_permissions=0700"), dir.resolve("postgres.log"));
        long deadline = System.nanoTime() + SETUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("postgres exited (" + process.exitValue() + "): " + EngineProcesses.tail(dir.resolve("postgres.log")));
            }
            try {
                EngineProcesses.run(List.of(bin.resolve("pg_isready").toString(), "-q", "-h", dir.resolve("socket").toString(),
                        "-p", Integer.toString(port)), dir.resolve("setup.log"), Duration.ofSeconds(10), Map.of());
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IOException("postgres did not accept connections within " + SETUP_TIMEOUT);
    }

    private void psql(String database, String sql) throws IOException {
        EngineProcesses.run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", dir.resolve("socket").toString(), "-p", Integer.toString(port), "-U", spec.masterUsername(),
                "-d", database, "-c", sql), dir.resolve("setup.log"), SETUP_TIMEOUT, Map.of());
    }

    @Override
    public boolean awaitReady(Duration timeout) {
        try {
            starting.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (Exception e) {
            return false;
        }
        return ready;
    }

    /** pg_basebackup through the socket: a consistent copy of the running cluster, WAL included. */
    @Override
    public void backupTo(Path target) throws IOException {
        if (!awaitReady(SETUP_TIMEOUT)) {
            throw new IOException("the server is not running");
        }
        Files.createDirectories(target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        EngineProcesses.own(target);
        EngineProcesses.run(List.of(bin.resolve("pg_basebackup").toString(), "-D", target.toString(),
                "-h", dir.resolve("socket").toString(), "-p", Integer.toString(port), "-U", spec.masterUsername(),
                "-X", "stream", "-c", "fast", "--no-sync"), dir.resolve("setup.log"), SETUP_TIMEOUT, Map.of());
    }

    @Override
    public void changePassword(String user, String password) {
        starter.execute(() -> {
            if (awaitReady(SETUP_TIMEOUT)) {
                try {
                    psql("postgres", "ALTER USER " + quoteIdentifier(user) + " PASSWORD '" + password.replace("'", "''") + "'");
                } catch (IOException e) {
                    fail(e);
                }
            }
        });
    }

    @Override
    public synchronized void stop() {
        awaitReady(SETUP_TIMEOUT);
        ready = false;
        EngineProcesses.stop(process);
        process = null;
    }

    @Override
    public synchronized void start() {
        if (destroyed || failure != null) {
            return;
        }
        starting = CompletableFuture.runAsync(() -> {
            try {
                launch();
                ready = true;
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }, starter);
    }

    @Override
    public void destroy() {
        synchronized (this) {
            destroyed = true;
        }
        stop();
        EnginePorts.release(port);
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fail(Exception e) {
        failure = "PostgreSQL could not start: " + e.getMessage();
        EngineProcesses.stop(process);
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
