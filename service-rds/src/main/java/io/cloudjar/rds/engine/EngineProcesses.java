package io.cloudjar.rds.engine;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Running engine commands: as an unprivileged user when Cloudjar runs as root (PostgreSQL refuses root, and many
 * CI containers run as root), with timeouts, and every server process tracked so that a JVM exit, SIGTERM
 * included, stops them all (no orphans).
 */
final class EngineProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(EngineProcesses.class);
    /** nobody:nogroup, which every Linux has. */
    static final String UNPRIVILEGED = "65534";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    /** Every running server and the signal that shuts it down quickly. */
    private static final Map<Process, String> SERVERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SERVERS.keySet().forEach(EngineProcesses::stop), "cloudjar-rds-engines"));
    }

    private EngineProcesses() {
    }

    /** CAP_DAC_READ_SEARCH's number (linux/capability.h). */
    private static final int CAP_DAC_READ_SEARCH = 2;
    /**
     * Whether the unprivileged user is given CAP_DAC_READ_SEARCH: DATA_DIR lies under a directory it cannot pass
     * (root's default {@code /root/.cloudjar/data}, /root being rwx------), and only that capability lets it reach its
     * own directories without opening /root to everyone.
     */
    private static volatile boolean searchAnywhere;

    static boolean runsAsRoot() {
        return ROOT;
    }

    /** The command, prefixed with setpriv when running as root. */
    static List<String> command(List<String> command) {
        if (!ROOT) {
            return command;
        }
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=" + UNPRIVILEGED, "--clear-groups"));
        if (searchAnywhere) {
            full.addAll(List.of("--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"));
        }
        full.addAll(command);
        return full;
    }

    /**
     * Makes sure the unprivileged user can reach {@code dir} when Cloudjar runs as root: when a directory above it is
     * closed to others, its commands get CAP_DAC_READ_SEARCH where the process may hand it on (not in containers that
     * drop it: a warning then says to choose another DATA_DIR).
     */
    static void mustReach(Path dir) {
        if (!ROOT || searchAnywhere) {
            return;
        }
        Path closed = firstClosedAncestor(dir.toAbsolutePath());
        if (closed == null) {
            return;
        }
        if (boundingCapability(CAP_DAC_READ_SEARCH)) {
            LOG.info("{} is closed to other users: the database engines run as uid {} with CAP_DAC_READ_SEARCH to reach {}",
                    closed, UNPRIVILEGED, dir);
            searchAnywhere = true;
        } else {
            LOG.warn("{} is closed to other users and this process cannot give CAP_DAC_READ_SEARCH: PostgreSQL, which runs"
                    + " as uid {}, cannot reach {}. Choose a DATA_DIR every user can pass through (e.g. /var/lib/cloudjar).",
                    closed, UNPRIVILEGED, dir);
        }
    }

    private static Path firstClosedAncestor(Path dir) {
        Path closed = null;
        for (Path d = dir.getParent(); d != null; d = d.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(d).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    closed = d; // the one nearest the root is the one to name
                }
            } catch (IOException | UnsupportedOperationException unknown) {
                return null;
            }
        }
        return closed;
    }

    /** Whether the capability is in this process's bounding set (/proc/self/status CapBnd), so a child may have it. */
    private static boolean boundingCapability(int number) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapBnd:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << number)) != 0;
                }
            }
        } catch (IOException | NumberFormatException unknown) {
            // not Linux's /proc: no capabilities to give
        }
        return false;
    }

    /** Runs a command to its end; its output goes to {@code log}. Throws with the log's tail when it fails. */
    static void run(List<String> command, Path log, Duration timeout, Map<String, String> env) throws IOException {
        run(command, null, log, timeout, env);
    }

    /** As {@link #run(List, Path, Duration, Map)}, with standard input read from {@code input} (null: none). */
    static void run(List<String> command, Path input, Path log, Duration timeout, Map<String, String> env) throws IOException {
        execute(command(command), command, input, log, timeout, env);
    }

    /** As {@link #run(List, Path, Path, Duration, Map)}, as Cloudjar's own user even when that is root (MariaDB). */
    static void runAsIs(List<String> command, Path input, Path log, Duration timeout) throws IOException {
        execute(command, command, input, log, timeout, Map.of());
    }

    private static void execute(List<String> full, List<String> command, Path input, Path log, Duration timeout,
                                Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(new File(command.get(0)).getName() + " failed (" + process.exitValue() + "): " + tail(log));
        }
    }

    /** Starts a long-running server process, tracked until {@link #stop}; SIGINT stops it (PostgreSQL's fast shutdown). */
    static Process startServer(List<String> command, Path log) throws IOException {
        return track(command(command), log, "INT");
    }

    /**
     * As {@link #startServer(List, Path)}, as Cloudjar's own user even when that is root (MariaDB, told --user=root),
     * {@code stopSignal} shutting it down without waiting for clients.
     */
    static Process startServerAsIs(List<String> command, Path log, String stopSignal) throws IOException {
        return track(command, log, stopSignal);
    }

    private static Process track(List<String> command, Path log, String stopSignal) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        SERVERS.put(process, stopSignal);
        return process;
    }

    /** The server's stop signal first (no waiting for clients), then kills after 10 s. */
    static void stop(Process process) {
        if (process == null) {
            return;
        }
        String signal = SERVERS.remove(process);
        if (process.isAlive()) {
            try {
                new ProcessBuilder("kill", "-" + (signal == null ? "INT" : signal), Long.toString(process.pid())).start()
                        .waitFor(5, TimeUnit.SECONDS);
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Stops the server process a killed Cloudjar left running on {@code dir} ({@code pidFile} names it; only a live
     * process whose command line names {@code dir} is touched, never another that reused the number): its stop signal,
     * then a kill after 15 s. Its pid file goes too, so the next start does not mistake it for the new server's.
     */
    static void stopLeftover(Path pidFile, Path dir, String signal) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(dir.toString()));
        if (leftover.isPresent()) {
            LOG.info("Stopping database server process {} left running on {} by an earlier Cloudjar", pid, dir);
            try {
                new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (leftover.get().isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                if (leftover.get().isAlive()) {
                    new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
                    while (leftover.get().isAlive() && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(5)) {
                        Thread.sleep(50);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping process " + pid, e);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /** A process's command line (its arguments joined by spaces), from /proc where there is one. */
    private static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.exists(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException gone) {
            return "";
        }
        return process.info().commandLine().orElse("");
    }

    /** Hands a directory (and what is in it) to the unprivileged user the engine runs as. */
    static void own(Path dir) throws IOException {
        if (ROOT) {
            run0(List.of("chown", "-R", UNPRIVILEGED + ":" + UNPRIVILEGED, dir.toString()));
        }
    }

    /** Copies a directory tree keeping owners and modes (as root: cp -a). */
    static void copyTree(Path from, Path to) throws IOException {
        run0(List.of("cp", "-a", from.toString(), to.toString()));
    }

    /** Deletes a directory tree (a backup a replica has taken over). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String tail(Path log) {
        return tail(log, 3);
    }

    /** The log's last {@code count} lines, joined. */
    static String tail(Path log, int count) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void run0(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
