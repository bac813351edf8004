package io.cloudjar.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.rds.engine.Engines;
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
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterMember;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * An aurora-postgresql cluster on real PostgreSQL servers, as the seeds use Aurora: in a subnet group of a custom
 * VPC, a writer and a reader; rows written through the cluster endpoint are read through the reader endpoint (a real
 * streaming replica, read-only); after a failover the cluster endpoint still takes writes and the former writer is
 * read-only; a cluster snapshot restored to a new cluster has the rows written before it and none after.
 */
class AuroraPostgresClusterTest {
    private static final String PASSWORD = "Secret-pass1";
    /** The master password the helpers connect with (changed by ModifyDBCluster below). */
    static String password = PASSWORD;
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();
    static RdsClient rds;
    static Ec2Client ec2;

    @BeforeAll
    static void clients() {
        Assumptions.assumeTrue(Engines.all(Path.of("unused"), (String) null).stream()
                .filter(e -> e.engine().equals("postgres")).allMatch(e -> e.unavailableReason().isEmpty()), "no PostgreSQL here");
        rds = cloudjar.client(RdsClient.builder());
        ec2 = cloudjar.client(Ec2Client.builder());
    }

    @AfterAll
    static void close() {
        if (rds != null) {
            rds.close();
            ec2.close();
        }
    }

    /** Moves the clock past creation, then waits (wall clock) for the real server behind the cluster. */
    static DBCluster available(CloudjarServerExtension server, RdsClient rds, String id) throws InterruptedException {
        server.advanceClock(Duration.ofMinutes(6));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        DBCluster cluster;
        do {
            cluster = rds.describeDBClusters(r -> r.dbClusterIdentifier(id)).dbClusters().get(0);
            if (!cluster.status().equals("creating") && !cluster.status().equals("starting")) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(cluster.status()).isEqualTo("available");
        return cluster;
    }

    static Connection connect(String scheme, String host, int port, String user) throws SQLException {
        return DriverManager.getConnection("jdbc:" + scheme + "://" + host + ":" + port + "/shop", user, password);
    }

    private static long count(String host, int port) throws SQLException {
        try (Connection c = connect("postgresql", host, port, "master"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from orders")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Waits (wall clock) until a replica shows {@code expected} rows; the rows it has otherwise. */
    static long caughtUp(RowCount count, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long rows = -1;
        while (System.nanoTime() < deadline) {
            try {
                rows = count.get();
                if (rows == expected) {
                    return rows;
                }
            } catch (SQLException notYet) {
                // the table may not have arrived yet
            }
            Thread.sleep(100);
        }
        return rows;
    }

    interface RowCount {
        long get() throws SQLException;
    }

    private static void insert(String host, int port, String values) throws SQLException {
        try (Connection c = connect("postgresql", host, port, "master"); Statement s = c.createStatement()) {
            s.execute("insert into orders values " + values);
        }
    }

    private static DBInstance instance(String id) {
        return rds.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0);
    }

    @Test
    void writerAndReaderEndpointsFailoverAndSnapshotRestoreOnRealPostgres() throws Exception {
        password = PASSWORD;
        TestNetwork net = TestNetwork.create(ec2);
        rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("aurora-private").dbSubnetGroupDescription("private subnets")
                .subnetIds(net.subnetIds().get(0), net.subnetIds().get(1)));
        rds.createDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("shop-cluster")
                .dbParameterGroupFamily("aurora-postgresql16").description("shop"));
        rds.modifyDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("shop-cluster").parameters(p -> p
                .parameterName("log_statement").parameterValue("ddl").applyMethod("immediate")));
        rds.createDBCluster(r -> r.dbClusterIdentifier("shop").engine("aurora-postgresql").engineVersion("16.6")
                .masterUsername("master").masterUserPassword(PASSWORD).databaseName("shop")
                .dbSubnetGroupName("aurora-private").vpcSecurityGroupIds(net.securityGroupId())
                .dbClusterParameterGroupName("shop-cluster"));
        available(cloudjar, rds, "shop");
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-writer").dbClusterIdentifier("shop")
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
        MySqlInstanceTest.available(cloudjar, rds, "shop-writer");
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-reader").dbClusterIdentifier("shop")
                .engine("aurora-postgresql").dbInstanceClass("db.t4g.medium"));
        DBInstance reader = MySqlInstanceTest.available(cloudjar, rds, "shop-reader");
        assertThat(reader.statusInfos()).anySatisfy(info -> assertThat(info.message())
                .contains("PostgreSQL").contains("serves this aurora-postgresql 16.6 instance"));
        DBCluster cluster = available(cloudjar, rds, "shop");
        assertThat(cluster.dbSubnetGroup()).isEqualTo("aurora-private");
        int port = cluster.port();

        // write through the cluster endpoint, read through the reader endpoint (same port, another loopback address)
        try (Connection c = connect("postgresql", cluster.endpoint(), port, "master"); Statement s = c.createStatement()) {
            s.execute("create table orders (id int primary key, item varchar(20))");
            s.execute("insert into orders values (1, 'tea'), (2, 'cake')");
        }
        assertThat(caughtUp(() -> count(cluster.readerEndpoint(), port), 2)).isEqualTo(2);
        for (String host : new String[] {cluster.endpoint(), cluster.readerEndpoint()}) { // the cluster group's value
            try (Connection c = connect("postgresql", host, port, "master"); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("show log_statement")) {
                rows.next();
                assertThat(rows.getString(1)).as(host).isEqualTo("ddl");
            }
        }
        assertThatThrownBy(() -> insert(cluster.readerEndpoint(), port, "(3, 'no')"))
                .isInstanceOf(SQLException.class).hasMessageContaining("read-only");

        // a failover: the reader becomes the writer, the cluster endpoint keeps taking writes
        DBCluster failing = rds.failoverDBCluster(r -> r.dbClusterIdentifier("shop").targetDBInstanceIdentifier("shop-reader")).dbCluster();
        assertThat(failing.dbClusterMembers()).filteredOn(DBClusterMember::isClusterWriter)
                .extracting(DBClusterMember::dbInstanceIdentifier).containsExactly("shop-reader");
        DBCluster after = available(cloudjar, rds, "shop");
        assertThat(after.port()).isEqualTo(port);
        insert(after.endpoint(), port, "(3, 'scone')");
        insert("localhost", instance("shop-reader").endpoint().port(), "(4, 'jam')"); // the new writer's own endpoint
        assertThatThrownBy(() -> insert("localhost", instance("shop-writer").endpoint().port(), "(5, 'no')"))
                .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
        assertThat(caughtUp(() -> count(after.readerEndpoint(), port), 4)).isEqualTo(4);

        // a new master password: the cluster's server takes it, the reader replicates it and reconnects with it
        DBCluster changing = rds.modifyDBCluster(r -> r.dbClusterIdentifier("shop").masterUserPassword("Changed-pass2")
                .applyImmediately(true)).dbCluster();
        assertThat(changing.pendingModifiedValues()).isNull();
        password = "Changed-pass2";
        assertThat(caughtUp(() -> count(after.endpoint(), port), 4)).isEqualTo(4); // (applied in the background)
        assertThat(caughtUp(() -> count(after.readerEndpoint(), port), 4)).isEqualTo(4);
        available(cloudjar, rds, "shop");

        // stopped and started, the servers come back and the reader follows again
        rds.stopDBCluster(r -> r.dbClusterIdentifier("shop"));
        cloudjar.advanceClock(java.time.Duration.ofMinutes(5));
        assertThat(rds.describeDBClusters(r -> r.dbClusterIdentifier("shop")).dbClusters().get(0).status()).isEqualTo("stopped");
        assertThatThrownBy(() -> count(after.endpoint(), port)).isInstanceOf(SQLException.class);
        rds.startDBCluster(r -> r.dbClusterIdentifier("shop"));
        available(cloudjar, rds, "shop");
        MySqlInstanceTest.available(cloudjar, rds, "shop-writer");
        insert(after.endpoint(), port, "(5, 'bun')");
        assertThat(caughtUp(() -> count(after.readerEndpoint(), port), 5)).isEqualTo(5);

        // a cluster snapshot keeps the data: a restored cluster has the rows written before it, none after
        rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier("shop").dbClusterSnapshotIdentifier("shop-snap"));
        insert(after.endpoint(), port, "(6, 'late')");
        cloudjar.advanceClock(Duration.ofMinutes(5));
        assertThat(rds.describeDBClusterSnapshots(r -> r.dbClusterSnapshotIdentifier("shop-snap")).dbClusterSnapshots().get(0)
                .status()).isEqualTo("available");
        rds.restoreDBClusterFromSnapshot(r -> r.dbClusterIdentifier("shop-copy").snapshotIdentifier("shop-snap")
                .engine("aurora-postgresql").dbSubnetGroupName("aurora-private"));
        DBCluster copy = available(cloudjar, rds, "shop-copy");
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-copy-1").dbClusterIdentifier("shop-copy")
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
        MySqlInstanceTest.available(cloudjar, rds, "shop-copy-1");
        assertThat(copy.port()).isNotEqualTo(port);
        assertThat(count(copy.endpoint(), copy.port())).isEqualTo(5);
        assertThat(count(after.endpoint(), port)).isEqualTo(6);

        // instances first, then the clusters; the servers stop
        for (String id : new String[] {"shop-writer", "shop-reader", "shop-copy-1"}) {
            rds.deleteDBInstance(r -> r.dbInstanceIdentifier(id));
        }
        rds.deleteDBCluster(r -> r.dbClusterIdentifier("shop-copy").skipFinalSnapshot(true));
        rds.deleteDBCluster(r -> r.dbClusterIdentifier("shop").skipFinalSnapshot(true));
        assertThatThrownBy(() -> count("localhost", port)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> count(after.readerEndpoint(), port)).isInstanceOf(SQLException.class);
    }
}
