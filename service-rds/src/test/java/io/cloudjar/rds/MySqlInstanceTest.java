package io.cloudjar.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
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
 * A real MariaDB behind a mysql instance's endpoint (MariaDB 11.4.5 from the binaries jar on the tests' class
 * path): JDBC with the master user, a parameter group's value in the server, rows kept by a snapshot and found in
 * the instance restored from it, stop/start, a new password, the port freed on delete.
 */
class MySqlInstanceTest {
    private static final String PASSWORD = "Secret-pass1";
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();
    static RdsClient rds;
    static Ec2Client ec2;

    @BeforeAll
    static void clients() {
        Assumptions.assumeTrue(io.cloudjar.rds.engine.Engines.all(java.nio.file.Path.of("unused"), (String) null).stream()
                .filter(e -> e.engine().equals("mysql")).allMatch(e -> e.unavailableReason().isEmpty()), "no MariaDB for this machine");
        rds = cloudjar.client(RdsClient.builder());
        ec2 = cloudjar.client(Ec2Client.builder());
        TestNetwork net = TestNetwork.create(ec2);
        rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("db-private").dbSubnetGroupDescription("private")
                .subnetIds(net.subnetIds().get(0), net.subnetIds().get(1)));
    }

    @AfterAll
    static void close() {
        if (rds != null) {
            rds.close();
            ec2.close();
        }
    }

    /** Moves the clock past creation, then waits (wall clock) for the real server to accept connections. */
    static DBInstance available(CloudjarServerExtension server, RdsClient rds, String id) throws InterruptedException {
        server.advanceClock(Duration.ofMinutes(6));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        DBInstance instance;
        do {
            instance = rds.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0);
            if (!instance.dbInstanceStatus().equals("backing-up") && !instance.dbInstanceStatus().equals("creating")
                    && !instance.dbInstanceStatus().equals("starting")) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(instance.dbInstanceStatus()).as("%s", instance.statusInfos()).isEqualTo("available");
        return instance;
    }

    static Connection connect(DBInstance instance, String database, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + instance.endpoint().address() + ":"
                + instance.endpoint().port() + "/" + database, instance.masterUsername(), password);
    }

    private static String query(DBInstance instance, String sql) throws SQLException {
        try (Connection c = connect(instance, "shop", PASSWORD); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void dataWrittenBeforeASnapshotIsInTheInstanceRestoredFromIt() throws Exception {
        rds.createDBParameterGroup(r -> r.dbParameterGroupName("shop-params").dbParameterGroupFamily("mysql8.0").description("shop"));
        rds.modifyDBParameterGroup(r -> r.dbParameterGroupName("shop-params").parameters(Parameter.builder()
                .parameterName("max_connections").parameterValue("77").applyMethod(ApplyMethod.IMMEDIATE).build()));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-db").engine("mysql").engineVersion("8.0.41")
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin").masterUserPassword(PASSWORD)
                .dbName("shop").dbSubnetGroupName("db-private").dbParameterGroupName("shop-params"));
        DBInstance db = available(cloudjar, rds, "shop-db");
        assertThat(db.endpoint().port()).isBetween(4510, 4559);
        assertThat(db.statusInfos()).anySatisfy(info -> assertThat(info.message())
                .isEqualTo("A MariaDB 11.4 server (the one this machine runs) serves this mysql 8.0.41 instance."));
        assertThat(query(db, "select version()")).startsWith("11.4.5-MariaDB");
        assertThat(query(db, "select @@global.max_connections")).isEqualTo("77"); // the group's value from the start
        rds.modifyDBParameterGroup(r -> r.dbParameterGroupName("shop-params").parameters(Parameter.builder()
                .parameterName("max_connections").parameterValue("88").applyMethod(ApplyMethod.IMMEDIATE).build()));
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!query(db, "select @@global.max_connections").equals("88") && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(query(db, "select @@global.max_connections")).isEqualTo("88"); // a dynamic change reaches the running server

        try (Connection c = connect(db, "shop", PASSWORD); Statement s = c.createStatement()) {
            s.execute("create table orders (id int primary key, item varchar(20))");
            s.execute("insert into orders values (1, 'tea'), (2, 'cake')");
        }
        assertThatThrownBy(() -> connect(db, "shop", "wrong-password").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mariadb://localhost:" + db.endpoint().port() + "/shop",
                "root", "").close()).isInstanceOf(SQLException.class); // no password-less root over TCP

        rds.createDBSnapshot(r -> r.dbInstanceIdentifier("shop-db").dbSnapshotIdentifier("before-scones"));
        try (Connection c = connect(db, "shop", PASSWORD); Statement s = c.createStatement()) {
            s.execute("insert into orders values (3, 'scones')");
        }
        assertThat(query(db, "select count(*) from orders")).isEqualTo("3");

        cloudjar.advanceClock(Duration.ofMinutes(2));
        rds.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier("shop-copy").dbSnapshotIdentifier("before-scones")
                .dbInstanceClass("db.t3.micro").dbSubnetGroupName("db-private"));
        DBInstance copy = available(cloudjar, rds, "shop-copy");
        assertThat(copy.endpoint().port()).isNotEqualTo(db.endpoint().port());
        assertThat(query(copy, "select count(*) from orders")).isEqualTo("2");

        rds.stopDBInstance(r -> r.dbInstanceIdentifier("shop-copy"));
        assertThatThrownBy(() -> query(copy, "select 1")).isInstanceOf(SQLException.class);
        cloudjar.advanceClock(Duration.ofMinutes(2));
        rds.startDBInstance(r -> r.dbInstanceIdentifier("shop-copy"));
        assertThat(query(available(cloudjar, rds, "shop-copy"), "select count(*) from orders")).isEqualTo("2");

        rds.modifyDBInstance(r -> r.dbInstanceIdentifier("shop-copy").masterUserPassword("Changed-pass2"));
        long passwordDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean changed = false;
        while (!changed && System.nanoTime() < passwordDeadline) {
            try (Connection ignored = connect(copy, "shop", "Changed-pass2")) {
                changed = true;
            } catch (SQLException notYet) {
                Thread.sleep(100);
            }
        }
        assertThat(changed).isTrue();

        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-db").skipFinalSnapshot(true));
        try (ServerSocket freed = new ServerSocket(db.endpoint().port(), 1, InetAddress.getLoopbackAddress())) {
            assertThat(freed.isBound()).isTrue(); // the server stopped and gave its port back
        }
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-copy").skipFinalSnapshot(true));
    }
}
