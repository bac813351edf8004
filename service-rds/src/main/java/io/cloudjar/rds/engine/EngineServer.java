package io.cloudjar.rds.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * What every engine's server shares: its port, the background start (creating an instance answers at once), the
 * readiness and failure an instance's status shows, stop/start/destroy. Subclasses say how to make the data
 * directory and how to launch the process.
 */
abstract class EngineServer implements RunningDatabase {
    static final Duration SETUP_TIMEOUT = Duration.ofSeconds(120);
    final Path dir;
    final DatabaseSpec spec;
    final ExecutorService starter;
    private volatile int port;
    volatile Process process;
    private volatile CompletableFuture<Void> starting = CompletableFuture.completedFuture(null);
    private volatile boolean ready;
    private volatile String failure;
    private volatile boolean destroyed;
    /** The server this one replicates (a read replica until promoted), or null. */
    volatile RunningDatabase primary;
    /** Whether the backup this server starts from is its own to move in (taken for it), not a snapshot's to copy. */
    private volatile boolean ownsBackup;

    EngineServer(Path dir, DatabaseSpec spec, ExecutorService starter) {
        this(dir, spec, starter, 0);
    }

    /** @param preferredPort the port to listen on when free (a server started again after a restart), or 0 */
    EngineServer(Path dir, DatabaseSpec spec, ExecutorService starter, int preferredPort) {
        this.dir = dir;
        this.spec = spec;
        this.starter = starter;
        this.port = EnginePorts.take(preferredPort);
        this.preferredPort = preferredPort;
    }

    /** The port this server had before a restart (0 for a new server): taken back once a leftover process frees it. */
    private final int preferredPort;

    /** The engine this server runs ("postgres", "mysql", "mariadb"): its data directory's parent's name. */
    private String engineName() {
        return dir.getParent().getFileName().toString();
    }

    @Override
    public Record kept() {
        RunningDatabase source = primary;
        return new DormantDatabase(engineName(), spec, port, source == null ? null : (DormantDatabase) source.kept());
    }

    /** The file in which the running server writes its process id (what a killed Cloudjar leaves behind). */
    abstract Path pidFile();

    /** Moves to the port of before the restart when the leftover that held it is gone and nothing else took it. */
    private void takePreferredPort() {
        if (preferredPort <= 0 || preferredPort == port) {
            return;
        }
        int taken = EnginePorts.take(preferredPort);
        if (taken == preferredPort) {
            int other = port;
            port = preferredPort;
            EnginePorts.release(other);
        } else {
            EnginePorts.release(taken);
        }
    }

    /** The signal that stops a server left running without waiting for its clients. */
    String leftoverSignal() {
        return "TERM";
    }

    /** Gets ready to launch on a data directory made by an earlier Cloudjar (the programs, the configuration). */
    void prepareExisting() throws IOException {
    }

    /**
     * Takes over the data directory a server of an earlier Cloudjar left (after a restart): a server process that
     * Cloudjar's kill left running on it is stopped first, then, when {@code run}, the server starts on it in the
     * background; otherwise it stays stopped until {@link #start}.
     */
    synchronized void reopen(RunningDatabase source, boolean run) {
        primary = source;
        starting = CompletableFuture.runAsync(() -> {
            try {
                EngineProcesses.stopLeftover(pidFile(), dir, leftoverSignal());
                takePreferredPort();
                prepareExisting();
                if (run) {
                    launch();
                    ready = true;
                }
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }, starter);
    }

    /** The product's name in failure messages ("PostgreSQL"). */
    @Override
    public abstract String serverProduct();

    /** Makes the data directory (new, or from {@code backup} when not null) and launches the server. */
    abstract void create(Path backup) throws IOException;

    /** Starts the server process on the existing data directory, listening on {@link #port()}. */
    abstract Process startProcess() throws IOException;

    /** Whether the started process accepts connections yet. */
    abstract boolean acceptsConnections();

    /** The server's log, whose tail explains an exit. */
    abstract Path log();

    /** Where the server writes {@code kind}, or null when it keeps no such log: its own log by default. */
    Path logFile(ServerLog kind) {
        return kind == ServerLog.SERVER ? log() : null;
    }

    @Override
    public java.util.List<LogLine> readLog(ServerLog kind) {
        Path file = logFile(kind);
        return file == null ? java.util.List.of() : LogFiles.read(file);
    }

    /**
     * Starts the process and returns once it accepts connections. When its port was taken meanwhile (another
     * Cloudjar on this machine checked the same free port), it moves to another port and tries again.
     */
    void launch() throws IOException {
        for (int attempt = 1; ; attempt++) {
            Process started = startProcess();
            process = started;
            long deadline = System.nanoTime() + SETUP_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && started.isAlive() && !acceptsConnections()) {
                sleep(50);
            }
            if (started.isAlive()) {
                if (acceptsConnections()) {
                    return;
                }
                throw new IOException(serverProduct() + " did not accept connections within " + SETUP_TIMEOUT);
            }
            String tail = EngineProcesses.tail(log());
            if (attempt < 3 && EngineProcesses.tail(log(), 12).contains("in use")) {
                int taken = port;
                port = EnginePorts.take();
                EnginePorts.release(taken);
                portMoved();
                continue;
            }
            throw new IOException(serverProduct() + " exited (" + started.exitValue() + "): " + tail);
        }
    }

    /** Called when the server moves to another port before it starts again (a configuration file to rewrite). */
    void portMoved() throws IOException {
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
    public java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /** Creates the server in the background. */
    synchronized void startNew(Path backup) {
        starting = CompletableFuture.runAsync(() -> {
            try {
                create(backup);
                ready = true;
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }, starter);
    }

    /** Creates a read replica of {@code source} in the background, from a backup of it taken here (then moved in). */
    synchronized void startReplica(RunningDatabase source) {
        primary = source;
        startFrom(source);
    }

    /** Creates an independent server from a backup of {@code source} taken here, in the background. */
    synchronized void startCopy(RunningDatabase source) {
        ownsBackup = true;
        startFrom(source);
    }

    private void startFrom(RunningDatabase source) {
        starting = CompletableFuture.runAsync(() -> {
            Path copy = dir.resolveSibling(dir.getFileName() + "-source-copy");
            try {
                Files.createDirectories(dir.getParent());
                source.backupTo(copy);
                create(copy);
                ready = true;
            } catch (IOException | RuntimeException e) {
                fail(e);
                try {
                    EngineProcesses.deleteTree(copy);
                } catch (IOException ignored) {
                    // the directory goes with Cloudjar's data directory
                }
            }
        }, starter);
    }

    /** The backup's data as this server's data directory: moved for a replica (it owns the backup), else copied. */
    void takeData(Path backup, Path data) throws IOException {
        if (primary != null || ownsBackup) {
            try {
                Files.move(backup, data, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (IOException otherFileSystem) {
                EngineProcesses.copyTree(backup, data);
                EngineProcesses.deleteTree(backup);
                return;
            }
        }
        EngineProcesses.copyTree(backup, data);
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

    /** A copy of the data directory while the server is stopped for a moment: consistent without the engine's tools. */
    void copyWhileStopped(Path data, Path target) throws IOException {
        if (!awaitReady(SETUP_TIMEOUT)) {
            throw new IOException("the server is not running");
        }
        synchronized (this) {
            stop();
            try {
                EngineProcesses.copyTree(data, target);
            } finally {
                start();
            }
        }
        awaitReady(SETUP_TIMEOUT); // the snapshot call answers once the instance serves again
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
        } catch (java.nio.file.NoSuchFileException gone) {
            // never created
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fail(Exception e) {
        failure = serverProduct() + " could not start: " + e.getMessage();
        org.slf4j.LoggerFactory.getLogger(EngineServer.class).warn("{} in {}", failure, dir); // clusters have no status info
        EngineProcesses.stop(process);
    }

    /** Sends a signal to the running server (SIGHUP: reread configuration). */
    void signal(String signal) {
        Process running = process;
        if (running != null && running.isAlive()) {
            try {
                new ProcessBuilder("kill", "-" + signal, Long.toString(running.pid())).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                fail(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
