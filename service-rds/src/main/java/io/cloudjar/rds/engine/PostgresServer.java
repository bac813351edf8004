package io.cloudjar.rds.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * One PostgreSQL server: {@code dir/data} (the cluster), {@code dir/socket} (its Unix socket, through which setup
 * and backups connect without a password), {@code dir/postgres.log}. The master user is the cluster's bootstrap
 * user, with the instance's password for TCP connections (scram-sha-256).
 */
final class PostgresServer extends EngineServer {
    private static final String PARAMETERS_FILE = "cloudjar-parameters.conf";
    private static final String REPLICATION_FILE = "cloudjar-replication.conf";
    private final Path bin;
    /** The parameter group's values, written to {@code data/cloudjar-parameters.conf} (included by postgresql.conf). */
    private final Object configLock = new Object();
    private Map<String, String> parameters = Map.of();

    PostgresServer(Path bin, Path dir, DatabaseSpec spec, ExecutorService starter) {
        this(bin, dir, spec, starter, 0);
    }

    PostgresServer(Path bin, Path dir, DatabaseSpec spec, ExecutorService starter, int preferredPort) {
        super(dir, spec, starter, preferredPort);
        this.bin = bin;
    }

    @Override
    Path pidFile() {
        return dir.resolve("data/postmaster.pid");
    }

    /** Fast shutdown: the clients of a killed Cloudjar's server are not waited for. */
    @Override
    String leftoverSignal() {
        return "INT";
    }

    @Override
    void prepareExisting() throws IOException {
        Files.createDirectories(socket());
        EngineProcesses.own(dir);
        EngineProcesses.own(socket());
        if (Files.isDirectory(dir.resolve("data"))) { // copied back from a state snapshot: PostgreSQL wants 0700
            Files.setPosixFilePermissions(dir.resolve("data"), PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Override
    public String serverProduct() {
        return "PostgreSQL";
    }

    @Override
    public Optional<String> serverMajorVersion() {
        try {
            return Optional.of(Files.readString(dir.resolve("data/PG_VERSION")).trim());
        } catch (IOException notYet) {
            return Optional.empty();
        }
    }

    /** A new cluster (initdb, the master user, the database) or one from a backup, then the server. */
    @Override
    void create(Path backup) throws IOException {
        Files.createDirectories(dir);
        Files.createDirectories(socket());
        if (backup == null) {
            initdb();
        } else {
            takeData(backup, dir.resolve("data"));
            Files.deleteIfExists(dir.resolve("data/postmaster.pid"));
            Files.deleteIfExists(dir.resolve("data/standby.signal"));
            if (primary != null) {
                follow(primary);
            }
        }
        EngineProcesses.own(dir);
        EngineProcesses.own(socket());
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
     * A hot standby of {@code source}: standby.signal, and the source's address with the master user's credentials
     * (initdb's pg_hba.conf lets them replicate over 127.0.0.1). It streams the source's WAL from where the backup was taken.
     */
    private void follow(RunningDatabase source) throws IOException {
        Path data = dir.resolve("data");
        Files.writeString(data.resolve("standby.signal"), "");
        writeConninfo(source, spec.masterPassword());
    }

    /** Where and as whom this replica connects to its source (reloadable: SIGHUP makes it reconnect with it). */
    private void writeConninfo(RunningDatabase source, String password) throws IOException {
        Path data = dir.resolve("data");
        String conninfo = "host=127.0.0.1 port=" + source.port() + " user=" + libpqQuote(spec.masterUsername())
                + " password=" + libpqQuote(password) + " application_name=" + spec.name();
        Files.writeString(data.resolve(REPLICATION_FILE), "# Written by Cloudjar: this read replica's source\n"
                + "primary_conninfo = '" + conninfo.replace("'", "''") + "'\nhot_standby = on\n", StandardCharsets.UTF_8);
        Path conf = data.resolve("postgresql.conf");
        if (!Files.readString(conf).contains(REPLICATION_FILE)) {
            Files.writeString(conf, "\ninclude_if_exists = '" + REPLICATION_FILE + "'\n", java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** pg_ctl promote's way, without pg_ctl: the promote signal file, then SIGUSR1 to the postmaster. */
    @Override
    public void promote() {
        if (primary == null) {
            throw new UnsupportedOperationException("not a read replica");
        }
        primary = null;
        try {
            Files.deleteIfExists(dir.resolve("data").resolve(REPLICATION_FILE));
            Files.writeString(dir.resolve("data/promote"), "");
        } catch (IOException e) {
            fail(e);
            return;
        }
        signal("USR1");
    }

    private static String libpqQuote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Starts the postmaster and waits until it accepts connections. */
    @Override
    Process startProcess() throws IOException {
        return EngineProcesses.startServer(List.of(bin.resolve("postgres").toString(), "-D", dir.resolve("data").toString(),
                "-p", Integer.toString(port()), "-k", socket().toString(),
                "-c", "listen_addresses=localhost", "-c", "unix_socket_permissions=0700"), log());
    }

    @Override
    Path log() {
        return dir.resolve("postgres.log");
    }

    /**
     * The postmaster writes "ready" as the 8th line of postmaster.pid once it accepts connections (PostgreSQL 10+):
     * no client program needed, which the bundled binaries lack.
     */
    @Override
    boolean acceptsConnections() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("data/postmaster.pid"), StandardCharsets.UTF_8);
            return lines.size() >= 8 && (lines.get(7).trim().equals("ready") || lines.get(7).trim().equals("standby"));
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
                "-h", socket().toString(), "-p", Integer.toString(port()), "-U", spec.masterUsername(),
                "-d", database, "-c", sql), dir.resolve("setup.log"), SETUP_TIMEOUT, Map.of());
    }

    /**
     * pg_basebackup through the socket: a consistent copy of the running cluster, WAL included. Without it (the
     * bundled binaries), a copy of the data directory while the server is stopped for a moment.
     */
    @Override
    public void backupTo(Path target) throws IOException {
        if (!has("pg_basebackup")) {
            copyWhileStopped(dir.resolve("data"), target);
            return;
        }
        if (!awaitReady(SETUP_TIMEOUT)) {
            throw new IOException("the server is not running");
        }
        Files.createDirectories(target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        EngineProcesses.own(target);
        EngineProcesses.run(List.of(bin.resolve("pg_basebackup").toString(), "-D", target.toString(),
                "-h", socket().toString(), "-p", Integer.toString(port()), "-U", spec.masterUsername(),
                "-X", "stream", "-c", "fast", "--no-sync"), dir.resolve("setup.log"), SETUP_TIMEOUT, Map.of());
    }

    @Override
    public void changePassword(String user, String password) {
        RunningDatabase source = primary;
        if (source != null) { // a replica gets the new password from its source; its own connection to it must follow
            starter.execute(() -> {
                try {
                    writeConninfo(source, password);
                    signal("HUP");
                } catch (IOException e) {
                    fail(e);
                }
            });
            return;
        }
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
        signal("HUP"); // the postmaster rereads its configuration (dynamic parameters now, static ones at restart)
    }

    private void writeParameters() throws IOException {
        StringBuilder conf = new StringBuilder("# Written by Cloudjar from the instance's DB parameter group\n");
        parameters.forEach((name, value) -> conf.append(name).append(" = '").append(value.replace("'", "''")).append("'\n"));
        Path file = dir.resolve("data").resolve(PARAMETERS_FILE);
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /**
     * The directory of the server's Unix socket: in its own directory, unless the socket's path would be too long for
     * one (107 bytes; a deep DATA_DIR), then in the temporary directory.
     */
    private Path socket() {
        Path inDir = dir.resolve("socket");
        return inDir.resolve(".s.PGSQL.65535").toString().length() < 100 ? inDir
                : Path.of(System.getProperty("java.io.tmpdir"), "cloudjar-pg-" + spec.name());
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
