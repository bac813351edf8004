package io.cloudjar.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.rds.engine.PostgresEngine;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.ApplyMethod;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Parameter;

/**
 * A real PostgreSQL behind the endpoint: JDBC with the master user, data kept by a snapshot and found again in the
 * instance restored from it. Skipped where no PostgreSQL can run (no binaries on PATH).
 */
class PostgresInstanceTest {
    private static final String PASSWORD = "Secret-pass1";
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();
    static RdsClient rds;
    static Ec2Client ec2;

    @BeforeAll
    static void clients() throws Exception {
        start(cloudjar, null);
    }

    /** The clients and a subnet group, once the machine is known to run PostgreSQL from {@code binaries}. */
    static void start(CloudjarServerExtension server, String binaries) throws Exception {
        Path probe = Files.createTempDirectory("pg-probe");
        Assumptions.assumeTrue(new PostgresEngine(probe, binaries).unavailableReason().isEmpty(), "no PostgreSQL on this machine");
        Files.delete(probe);
        current = server;
        rds = server.client(RdsClient.builder());
        ec2 = server.client(Ec2Client.builder());
        TestNetwork net = TestNetwork.create(ec2);
        rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("db-private").dbSubnetGroupDescription("private")
                .subnetIds(net.subnetIds().get(0), net.subnetIds().get(1)));
    }

    static CloudjarServerExtension current;

    @AfterAll
    static void close() {
        if (rds != null) {
            rds.close();
            ec2.close();
        }
    }

    /** Moves the clock past creation, then waits (wall clock) for the real server to accept connections. */
    private static DBInstance available(String id) throws InterruptedException {
        return MySqlInstanceTest.available(current, rds, id);
    }

    private static Connection connect(DBInstance instance, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + instance.endpoint().address() + ":"
                + instance.endpoint().port() + "/shop", instance.masterUsername(), password);
    }

    private static String setting(DBInstance instance, String name) throws SQLException {
        try (Connection c = connect(instance, PASSWORD); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long count(DBInstance instance) throws SQLException {
        try (Connection c = connect(instance, PASSWORD); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from orders")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void dataWrittenBeforeASnapshotIsInTheInstanceRestoredFromIt() throws Exception {
        roundTrip();
    }

    static void roundTrip() throws Exception {
        rds.createDBParameterGroup(r -> r.dbParameterGroupName("shop-params").dbParameterGroupFamily("postgres16").description("shop"));
        rds.modifyDBParameterGroup(r -> r.dbParameterGroupName("shop-params").parameters(Parameter.builder()
                .parameterName("statement_timeout").parameterValue("1234").applyMethod(ApplyMethod.IMMEDIATE).build()));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-db").engine("postgres").engineVersion("16.8")
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("master").masterUserPassword(PASSWORD)
                .dbName("shop").dbSubnetGroupName("db-private").dbParameterGroupName("shop-params"));
        DBInstance db = available("shop-db");
        assertThat(setting(db, "statement_timeout")).isEqualTo("1234ms"); // the group's value from the start
        rds.modifyDBParameterGroup(r -> r.dbParameterGroupName("shop-params").parameters(Parameter.builder()
                .parameterName("statement_timeout").parameterValue("4321").applyMethod(ApplyMethod.IMMEDIATE).build()));
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!setting(db, "statement_timeout").equals("4321ms") && System.nanoTime() < until) {
            Thread.sleep(50); // the server rereads its configuration on its own time
        }
        assertThat(setting(db, "statement_timeout")).isEqualTo("4321ms"); // a dynamic change reaches the running server
        assertThat(db.endpoint().port()).isBetween(4510, 4559);
        try (Connection c = connect(db, PASSWORD); Statement s = c.createStatement()) {
            s.execute("create table orders (id int primary key, item text)");
            s.execute("insert into orders values (1, 'tea'), (2, 'cake')");
        }
        assertThatThrownBy(() -> connect(db, "wrong-password").close()).isInstanceOf(SQLException.class);

        rds.createDBSnapshot(r -> r.dbInstanceIdentifier("shop-db").dbSnapshotIdentifier("before-scones"));
        try (Connection c = connect(db, PASSWORD); Statement s = c.createStatement()) {
            s.execute("insert into orders values (3, 'scones')");
        }
        assertThat(count(db)).isEqualTo(3);

        current.advanceClock(Duration.ofMinutes(2));
        rds.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier("shop-copy").dbSnapshotIdentifier("before-scones")
                .dbInstanceClass("db.t3.micro").dbSubnetGroupName("db-private"));
        DBInstance copy = available("shop-copy");
        assertThat(copy.endpoint().port()).isNotEqualTo(db.endpoint().port());
        assertThat(count(copy)).isEqualTo(2);

        rds.stopDBInstance(r -> r.dbInstanceIdentifier("shop-copy"));
        assertThatThrownBy(() -> count(copy)).isInstanceOf(SQLException.class);
        current.advanceClock(Duration.ofMinutes(2));
        rds.startDBInstance(r -> r.dbInstanceIdentifier("shop-copy"));
        assertThat(count(available("shop-copy"))).isEqualTo(2);

        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-db").finalDBSnapshotIdentifier("shop-final"));
        try (ServerSocket freed = new ServerSocket(db.endpoint().port(), 1, InetAddress.getLoopbackAddress())) {
            assertThat(freed.isBound()).isTrue(); // the server stopped and gave its port back
        }
        current.advanceClock(Duration.ofMinutes(2));
        rds.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier("shop-last").dbSnapshotIdentifier("shop-final")
                .dbInstanceClass("db.t3.micro").dbSubnetGroupName("db-private"));
        DBInstance last = available("shop-last");
        assertThat(count(last)).isEqualTo(3); // the final snapshot has everything written before the delete
        // a new master password reaches the server (psql, or a restart through single-user mode without it)
        rds.modifyDBInstance(r -> r.dbInstanceIdentifier("shop-last").masterUserPassword("Changed-pass2"));
        long passwordDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean changed = false;
        while (!changed && System.nanoTime() < passwordDeadline) {
            try (Connection ignored = connect(last, "Changed-pass2")) {
                changed = true;
            } catch (SQLException notYet) {
                Thread.sleep(100);
            }
        }
        assertThat(changed).isTrue();
        assertThatThrownBy(() -> connect(last, PASSWORD).close()).isInstanceOf(SQLException.class);
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-last").skipFinalSnapshot(true));
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-copy").skipFinalSnapshot(true));
    }
}
