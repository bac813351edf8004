package io.cloudjar.app.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * An Aurora PostgreSQL cluster with PERSISTENCE=1: after a restart the cluster's one server (shared by the cluster
 * and its writer) runs again once, on its port, with the rows written before; the reader is a replica again and the
 * reader endpoint answers without a describe first; a cluster snapshot taken before the restart restores its rows.
 */
class AuroraRestartTest {
    private static final Path DATA = DataDirs.fresh();
    private static final String PASSWORD = "Secret-pass1";

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withPersistence(DATA)
            .withEnv("RDS_MARIADB_BIN", "none");

    private static DBCluster cluster(RdsClient rds, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        DBCluster cluster;
        do {
            cluster = rds.describeDBClusters(r -> r.dbClusterIdentifier(id)).dbClusters().get(0);
            if (cluster.status().equals("available")) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(cluster.status()).isEqualTo("available");
        return cluster;
    }

    private static long count(String host, int port) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/shop", "master", PASSWORD);
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery("select count(*) from orders")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Waits (wall clock) until the server at host:port shows {@code expected} rows; the rows it has otherwise. */
    private static long caughtUp(String host, int port, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long rows = -1;
        while (System.nanoTime() < deadline) {
            try {
                rows = count(host, port);
                if (rows == expected) {
                    return rows;
                }
            } catch (SQLException notYet) {
                // not up yet, or the table has not arrived
            }
            Thread.sleep(100);
        }
        return rows;
    }

    @Test
    void aClusterItsReaderAndItsSnapshotServeTheirRowsAgainAfterARestart() throws Exception {
        RdsRestartTest.assumePostgres();
        RdsClient rds = cloudjar.client(RdsClient.builder());
        RdsRestartTest.subnetGroup(cloudjar.client(Ec2Client.builder()), rds, "aurora-private", 30);
        rds.createDBCluster(r -> r.dbClusterIdentifier("shop").engine("aurora-postgresql").engineVersion("16.6")
                .masterUsername("master").masterUserPassword(PASSWORD).databaseName("shop").dbSubnetGroupName("aurora-private")
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(4.0)));
        cloudjar.advanceClock(Duration.ofMinutes(6));
        cluster(rds, "shop");
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-writer").dbClusterIdentifier("shop")
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-reader").dbClusterIdentifier("shop")
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
        RdsRestartTest.available(cloudjar, rds, "shop-writer");
        DBInstance reader = RdsRestartTest.awaitAvailable(rds, "shop-reader");
        DBCluster before = cluster(rds, "shop");
        int port = before.port();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/shop", "master", PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("create table orders (id int primary key, item text)");
            s.execute("insert into orders values (1, 'tea'), (2, 'cake')");
        }
        assertThat(caughtUp(before.readerEndpoint(), port, 2)).isEqualTo(2);
        rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier("shop").dbClusterSnapshotIdentifier("two-rows"));
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/shop", "master", PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("insert into orders values (3, 'scones')");
        }
        assertThat(caughtUp("localhost", reader.endpoint().port(), 3)).isEqualTo(3);
        var members = before.dbClusterMembers();

        cloudjar.restart();
        rds = cloudjar.client(RdsClient.builder());

        // no describe yet: the reader endpoint opens as soon as the cluster's server is back
        assertThat(caughtUp(before.readerEndpoint(), port, 3)).isEqualTo(3);
        DBCluster after = cluster(rds, "shop");
        assertThat(after.port()).isEqualTo(port);
        assertThat(after.dbClusterMembers()).containsExactlyInAnyOrderElementsOf(members);
        assertThat(after.serverlessV2ScalingConfiguration().minCapacity()).isEqualTo(0.5); // an SDK model value, kept
        assertThat(after.serverlessV2ScalingConfiguration().maxCapacity()).isEqualTo(4.0);
        assertThat(count("localhost", port)).isEqualTo(3);
        DBInstance writer = RdsRestartTest.awaitAvailable(rds, "shop-writer");
        assertThat(writer.endpoint().port()).isEqualTo(port); // the writer shares the cluster's one server
        reader = RdsRestartTest.awaitAvailable(rds, "shop-reader");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/shop", "master", PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("insert into orders values (4, 'jam')");
        }
        assertThat(caughtUp("localhost", reader.endpoint().port(), 4)).isEqualTo(4); // replicating again
        int readerPort = reader.endpoint().port();
        assertThatThrownBy(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + readerPort + "/shop", "master",
                    PASSWORD); Statement s = c.createStatement()) {
                s.execute("insert into orders values (5, 'no')");
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("read-only");
        // one server for the cluster and its writer: one postgres data directory besides the reader's
        try (var dirs = Files.list(DATA.resolve("rds/kept/engines/postgres"))) {
            assertThat(dirs.toList()).hasSize(2);
        }

        cloudjar.advanceClock(Duration.ofMinutes(6)); // the snapshot has been taken
        rds.restoreDBClusterFromSnapshot(r -> r.dbClusterIdentifier("shop-copy").snapshotIdentifier("two-rows")
                .engine("aurora-postgresql").dbSubnetGroupName("aurora-private"));
        cloudjar.advanceClock(Duration.ofMinutes(6));
        DBCluster copy = cluster(rds, "shop-copy");
        assertThat(caughtUp("localhost", copy.port(), 2)).isEqualTo(2);

        rds.deleteDBCluster(r -> r.dbClusterIdentifier("shop-copy").skipFinalSnapshot(true));
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-reader"));
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-writer"));
        rds.deleteDBCluster(r -> r.dbClusterIdentifier("shop").skipFinalSnapshot(true));
    }
}
