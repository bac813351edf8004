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
    private static final int PORT_ATTEMPTS = 5;
    private static final String PARAMETERS_FILE = "cloudjar-parameters.conf";
    private final Path bin;
    private final Path dir;
    private final DatabaseSpec spec;
    private final ExecutorService starter;
    /** Taken at creation; another one only when the postmaster finds it taken (another program got it first). */
    private volatile int port;
    private volatile Process process;
    private volatile CompletableFuture<Void> starting = CompletableFuture.completedFuture(null);
    private volatile boolean ready;
    private volatile String failure;
    private volatile boolean destroyed;
    /** The parameter group's values, written to {@code data/cloudjar-parameters.conf} (included by postgresql.conf). */
    private final Object configLock = new Object();
    private Map<String, String> parameters = Map.of();

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
    public Optional<String> serverMajorVersion() {
        try {
            return Optional.of(Files.readString(dir.resolve("data/PG_VERSION")).trim());
        } catch (IOException notYet) {
            return Optional.empty();
        }
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
                synchronized (configLock) {
                    Path conf = dir.resolve("data/postgresql.conf");
                    if (!Files.readString(conf).contains(PARAMETERS_FILE)) {
                        Files.writeString(conf, "\ninclude_if_exists = '" + PARAMETERS_FILE + "'\n", java.nio.file.StandardOpenOption.APPEND);
                    }
                    writeParameters();
                }
                if (backup == null && spec.database() != null) {
                    singleUser("CREATE DATABASE " + quoteIdentifier(spec.database()));
                }
                launch();
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

    /**
     * Starts the postmaster and waits until it accepts connections. The port was free when taken, but another program
     * (a database of another Cloudjar on this machine) may bind it first: then it starts again on another port.
     */
    private void launch() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                launchOnce();
                return;
            } catch (IOException e) {
                if (attempt >= PORT_ATTEMPTS || !String.valueOf(e.getMessage()).contains("could not create any TCP/IP sockets")) {
                    throw e;
                }
                int taken = port;
                port = EnginePorts.take();
                EnginePorts.release(taken);
            }
        }
    }

    private void launchOnce() throws IOException {
        process = EngineProcesses.startServer(List.of(bin.resolve("postgres").toString(), "-D", dir.resolve("data").toString(),
                "-p", Integer.toString(port), "-k", dir.resolve("socket").toString(),
                "-c", "listen_addresses=localhost", "-c", "unix_socket_permissions=0700"), dir.resolve("postgres.log"));
        long deadline = System.nanoTime() + SETUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("postgres exited (" + process.exitValue() + "): " + EngineProcesses.tail(dir.resolve("postgres.log")));
            }
            if (acceptsConnections()) {
                return;
            }
            sleep(50);
        }
        throw new IOException("postgres did not accept connections within " + SETUP_TIMEOUT);
    }

    /**
     * The postmaster writes "ready" as the 8th line of postmaster.pid once it accepts connections (PostgreSQL 10+):
     * no client program needed, which the bundled binaries lack.
     */
    private boolean acceptsConnections() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("data/postmaster.pid"), StandardCharsets.UTF_8);
            return lines.size() >= 8 && lines.get(7).trim().equals("ready");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** One statement in single-user mode, the server not running (the bundled binaries have no psql). */
    private void singleUser(String sql) throws IOException {
        Path input = dir.resolve("statement.sql");
        Files.writeString(input, sql + ";\n", StandardCharsets.UTF_8);
        try {
            EngineProcesses.run(List.of(bin.resolve("postgres").toString(), "--single", "-F", "-D",
                    dir.resolve("data").toString(), "postgres"), input, dir.resolve("setup.log"), SETUP_TIMEOUT, Map.of());
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private boolean has(String program) {
        return Files.isExecutable(bin.resolve(program));
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

    /**
     * pg_basebackup through the socket: a consistent copy of the running cluster, WAL included. Without it (the
     * bundled binaries), a copy of the data directory while the server is stopped for a moment.
     */
    @Override
    public void backupTo(Path target) throws IOException {
        if (!awaitReady(SETUP_TIMEOUT)) {
            throw new IOException("the server is not running");
        }
        if (!has("pg_basebackup")) {
            synchronized (this) {
                stop();
                try {
                    EngineProcesses.copyTree(dir.resolve("data"), target);
                } finally {
                    start();
                }
            }
            awaitReady(SETUP_TIMEOUT); // the snapshot call answers once the instance serves again
            return;
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
        String sql = "ALTER USER " + quoteIdentifier(user) + " PASSWORD '" + password.replace("'", "''") + "'";
        starter.execute(() -> {
            if (!awaitReady(SETUP_TIMEOUT)) {
                return;
            }
            try {
                if (has("psql")) {
                    psql("postgres", sql);
                } else {
                    synchronized (this) { // without psql: a restart through single-user mode
                        stop();
                        singleUser(sql);
                        start();
                    }
                }
            } catch (IOException e) {
                fail(e);
            }
        });
    }

    @Override
    public void applyParameters(Map<String, String> values) {
        synchronized (configLock) {
            parameters = Map.copyOf(values);
            if (!Files.exists(dir.resolve("data/postgresql.conf"))) {
                return; // initdb has not run yet: the start writes them
            }
            try {
                writeParameters();
            } catch (IOException e) {
                fail(e);
                return;
            }
        }
        Process running = process;
        if (running != null && running.isAlive()) {
            try { // SIGHUP: the postmaster rereads its configuration (dynamic parameters now, static ones at restart)
                new ProcessBuilder("kill", "-HUP", Long.toString(running.pid())).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                fail(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeParameters() throws IOException {
        StringBuilder conf = new StringBuilder("# Written by Cloudjar from the instance's DB parameter group\n");
        parameters.forEach((name, value) -> conf.append(name).append(" = '").append(value.replace("'", "''")).append("'\n"));
        Path file = dir.resolve("data").resolve(PARAMETERS_FILE);
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
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
