package io.cloudjar.rds.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * One MariaDB server (for mysql and mariadb instances): {@code dir/data}, {@code dir/my.cnf} (every setting,
 * the parameter group's values included), {@code dir/mariadbd.log}, and a Unix socket through which setup connects
 * as the data directory's root (no password; the socket is only reachable by Cloudjar's user). The master user
 * is {@code user@'%'} with every privilege, as RDS's master user can do nearly everything.
 */
final class MariaDbServer extends EngineServer {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private final MariaDbBinaries binaries;
    private volatile MariaDbBinaries.Home home;
    private final Object configLock = new Object();
    private Map<String, String> parameters = Map.of();

    MariaDbServer(MariaDbBinaries binaries, Path dir, DatabaseSpec spec, ExecutorService starter) {
        this(binaries, dir, spec, starter, 0);
    }

    MariaDbServer(MariaDbBinaries binaries, Path dir, DatabaseSpec spec, ExecutorService starter, int preferredPort) {
        super(dir, spec, starter, preferredPort);
        this.binaries = binaries;
    }

    @Override
    Path pidFile() {
        return dir.resolve("data/mariadbd.pid");
    }

    /** The programs (downloaded again if the cache went), and the configuration with this run's port. */
    @Override
    void prepareExisting() throws IOException {
        home = binaries.home();
        synchronized (configLock) {
            writeConfig();
        }
    }

    @Override
    public String serverProduct() {
        return "MariaDB";
    }

    @Override
    public Optional<String> serverMajorVersion() {
        try { // mariadb_upgrade_info holds the version that made the data directory, e.g. 11.4.5-MariaDB
            String version = Files.readString(dir.resolve("data/mariadb_upgrade_info")).trim();
            String[] parts = version.split("[.-]");
            return parts.length >= 2 ? Optional.of(parts[0] + "." + parts[1]) : Optional.empty();
        } catch (IOException notYet) {
            return Optional.empty();
        }
    }

    @Override
    void create(Path backup) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        home = binaries.home(); // the first server may download MariaDB here, in the background
        synchronized (configLock) {
            writeConfig();
        }
        if (backup == null) {
            List<String> install = new ArrayList<>(List.of("sh", home.installDb().toString(), "--defaults-file=" + config()));
            if (home.basedir() != null) {
                install.add("--basedir=" + home.basedir());
            }
            install.addAll(List.of("--auth-root-authentication-method=normal", "--skip-test-db"));
            EngineProcesses.runAsIs(install, null, dir.resolve("setup.log"), SETUP_TIMEOUT);
        } else {
            takeData(backup, dir.resolve("data"));
            Files.deleteIfExists(dir.resolve("data/master.info")); // a replica's copy: its own source comes below
            Files.deleteIfExists(dir.resolve("data/relay-log.info"));
        }
        launch();
        RunningDatabase source = primary;
        if (source != null) { // from where the copy was taken: the copied binary log's GTID state is the source's
            client("SET GLOBAL gtid_slave_pos = @@global.gtid_binlog_pos;\n"
                    + "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + source.port() + ", MASTER_USER="
                    + quoteString(spec.masterUsername()) + ", MASTER_PASSWORD=" + quoteString(spec.masterPassword())
                    // retry every second, not every minute: a source restarting (reboot, a cluster's start) is back soon
                    + ", MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1;\nSTART SLAVE;\n", false);
        }
        if (backup == null) {
            String user = quoteAccount(spec.masterUsername());
            StringBuilder sql = new StringBuilder()
                    // only the socket's root stays (install-db also makes root@127.0.0.1, ::1, <host>: password-less over TCP)
                    .append("DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host <> 'localhost');\n")
                    .append("FLUSH PRIVILEGES;\n")
                    .append("CREATE USER ").append(user).append(" IDENTIFIED BY ").append(quoteString(spec.masterPassword())).append(";\n")
                    .append("GRANT ALL PRIVILEGES ON *.* TO ").append(user).append(" WITH GRANT OPTION;\n")
                    // as RDS's master user (no SUPER), it cannot write on a read-only replica (ALL includes this one)
                    .append("REVOKE READ_ONLY ADMIN ON *.* FROM ").append(user).append(";\n");
            if (spec.database() != null) {
                sql.append("CREATE DATABASE ").append(quoteIdentifier(spec.database())).append(";\n");
            }
            client(sql.toString(), false);
        }
    }

    @Override
    Process startProcess() throws IOException {
        Files.deleteIfExists(dir.resolve("data/mariadbd.pid"));
        Files.deleteIfExists(socket());
        return EngineProcesses.startServerAsIs(List.of(home.server().toString(), "--defaults-file=" + config()), log(), "TERM");
    }

    @Override
    Path log() {
        return dir.resolve("mariadbd.log");
    }

    /** The general and slow query logs go beside the error log, written while general_log / slow_query_log are on. */
    @Override
    Path logFile(ServerLog kind) {
        return switch (kind) {
            case SERVER -> log();
            case GENERAL -> dir.resolve("general.log");
            case SLOW_QUERY -> dir.resolve("slow-query.log");
        };
    }

    @Override
    void portMoved() throws IOException {
        synchronized (configLock) {
            writeConfig();
        }
    }

    /** The server opens its TCP port only once InnoDB is up and it accepts connections. */
    @Override
    boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 200);
            return Files.exists(socket());
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A copy of the stopped data directory: consistent, and the copy starts as a server of its own. */
    @Override
    public void backupTo(Path target) throws IOException {
        copyWhileStopped(dir.resolve("data"), target);
    }

    @Override
    public void changePassword(String user, String password) {
        starter.execute(() -> {
            if (!awaitReady(SETUP_TIMEOUT)) {
                return;
            }
            try {
                if (primary != null) { // a replica gets the new password from its source; its connection to it must follow
                    client("STOP SLAVE;\nCHANGE MASTER TO MASTER_PASSWORD=" + quoteString(password) + ";\nSTART SLAVE;\n", false);
                    return;
                }
                client("ALTER USER " + quoteAccount(user) + " IDENTIFIED BY " + quoteString(password) + ";\n", false);
            } catch (IOException e) {
                fail(e);
            }
        });
    }

    /**
     * Written to my.cnf for the next start (as {@code loose-}: a MySQL-only name never stops MariaDB from starting),
     * and set at once with SET GLOBAL where the variable is dynamic (the others fail quietly, as RDS applies static
     * parameters at the next reboot).
     */
    @Override
    public void applyParameters(Map<String, String> values) {
        synchronized (configLock) {
            parameters = Map.copyOf(values);
            if (home == null) {
                return; // not created yet: the start writes them
            }
            try {
                writeConfig();
            } catch (IOException e) {
                fail(e);
                return;
            }
        }
        if (values.isEmpty()) {
            return;
        }
        starter.execute(() -> {
            if (!awaitReady(SETUP_TIMEOUT)) {
                return;
            }
            StringBuilder sql = new StringBuilder();
            values.forEach((name, value) -> {
                if (NAME.matcher(name).matches()) {
                    sql.append("SET GLOBAL ").append(name.replace('-', '_')).append(" = ")
                            .append(NUMBER.matcher(value).matches() ? value : quoteString(value)).append(";\n");
                }
            });
            try {
                client(sql.toString(), true);
            } catch (IOException notAllDynamic) {
                // --force ran every statement; the static ones wait for the next start
            }
        });
    }

    /** Stops following the source (before answering) and takes writes; the configuration loses read_only. */
    @Override
    public void promote() {
        if (primary == null) {
            throw new UnsupportedOperationException("not a read replica");
        }
        primary = null;
        if (!awaitReady(SETUP_TIMEOUT)) { // at once: nothing from the source arrives after the call
            return;
        }
        try {
            synchronized (configLock) {
                writeConfig();
            }
            client("STOP SLAVE;\nRESET SLAVE ALL;\nSET GLOBAL read_only = 0;\n", false);
        } catch (IOException e) {
            fail(e);
        }
    }

    private void writeConfig() throws IOException {
        StringBuilder conf = new StringBuilder("# Written by Cloudjar: this instance's MariaDB settings\n[mysqld]\n")
                .append("datadir=").append(dir.resolve("data")).append('\n')
                .append("port=").append(port()).append('\n')
                // both loopbacks, as PostgreSQL's "localhost": a client resolving localhost to ::1 must not reach another server
                .append("bind-address=").append(EnginePorts.IPV6_LOOPBACK ? "127.0.0.1,::1" : "127.0.0.1").append('\n')
                .append("socket=").append(socket()).append('\n')
                .append("pid-file=").append(dir.resolve("data/mariadbd.pid")).append('\n')
                .append("skip-name-resolve\n")
                .append("general_log_file=").append(logFile(ServerLog.GENERAL)).append('\n')
                .append("slow_query_log_file=").append(logFile(ServerLog.SLOW_QUERY)).append('\n')
                // every server keeps a binary log, so that a read replica can follow it (ids unique: one port each)
                .append("server-id=").append(port()).append("\nlog-bin=mariadb-bin\nrelay-log=relay-bin\n")
                .append(primary != null ? "read_only=1\n" : "")
                // small files: a new data directory of 80 MB instead of 150, quicker snapshots
                .append("innodb_log_file_size=8M\ninnodb_undo_tablespaces=0\ninnodb_data_file_path=ibdata1:4M:autoextend\n")
                .append("innodb_buffer_pool_size=64M\n");
        if (home.basedir() != null) {
            conf.append("basedir=").append(home.basedir()).append('\n');
        }
        if (EngineProcesses.runsAsRoot()) {
            conf.append("user=root\n"); // mariadbd refuses root unless told so
        }
        conf.append("# the DB parameter group's values\n");
        parameters.forEach((name, value) -> {
            if (NAME.matcher(name).matches() && !value.contains("\n")) {
                conf.append("loose-").append(name).append('=').append(value).append('\n');
            }
        });
        Files.writeString(config(), conf, StandardCharsets.UTF_8);
    }

    private void client(String sql, boolean force) throws IOException {
        Path input = dir.resolve("statement-" + Thread.currentThread().getId() + ".sql");
        Files.writeString(input, sql, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("rw-------"));
        List<String> command = new ArrayList<>(List.of(home.client().toString(), "--no-defaults", "--socket=" + socket(), "-uroot"));
        if (force) {
            command.add("--force");
        }
        try {
            EngineProcesses.runAsIs(command, input, dir.resolve("setup.log"), SETUP_TIMEOUT);
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private Path config() {
        return dir.resolve("my.cnf");
    }

    /** In the server's directory, unless that path is too long for a Unix socket (108 bytes). */
    private Path socket() {
        Path inDir = dir.resolve("mariadbd.sock");
        return inDir.toString().length() < 100 ? inDir
                : Path.of(System.getProperty("java.io.tmpdir"), "cloudjar-mariadb-" + spec.name() + ".sock");
    }

    private static String quoteAccount(String user) {
        return quoteString(user) + "@'%'";
    }

    private static String quoteString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
