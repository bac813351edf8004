package io.cloudjar.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.rds.engine.Engines;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * An aurora-mysql cluster on MariaDB (the server Cloudjar runs for MySQL): a writer and a reader that is a real GTID
 * replica, rows written through the cluster endpoint read through the reader endpoint, which refuses writes.
 */
class AuroraMySqlClusterTest {
    private static final String PASSWORD = "Secret-pass1";
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();
    static RdsClient rds;

    @BeforeAll
    static void client() {
        Assumptions.assumeTrue(Engines.all(Path.of("unused"), (String) null).stream()
                .filter(e -> e.engine().equals("mysql")).allMatch(e -> e.unavailableReason().isEmpty()), "no MariaDB here");
        rds = cloudjar.client(RdsClient.builder());
    }

    @AfterAll
    static void close() {
        if (rds != null) {
            rds.close();
        }
    }

    private static long count(String host, int port) throws SQLException {
        try (Connection c = AuroraPostgresClusterTest.connect("mariadb", host, port, "admin"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from orders")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aReaderFollowsTheWriterThroughTheReaderEndpoint() throws Exception {
        AuroraPostgresClusterTest.password = PASSWORD; // the helpers' password
        rds.createDBCluster(r -> r.dbClusterIdentifier("my-shop").engine("aurora-mysql").masterUsername("admin")
                .masterUserPassword(PASSWORD).databaseName("shop"));
        AuroraPostgresClusterTest.available(cloudjar, rds, "my-shop");
        rds.createDBInstance(r -> r.dbInstanceIdentifier("my-shop-1").dbClusterIdentifier("my-shop")
                .engine("aurora-mysql").dbInstanceClass("db.r6g.large"));
        DBInstance writer = MySqlInstanceTest.available(cloudjar, rds, "my-shop-1");
        assertThat(writer.statusInfos()).anySatisfy(info -> assertThat(info.message())
                .contains("MariaDB").contains("serves this aurora-mysql 8.0.mysql_aurora.3.08.2 instance"));
        DBCluster cluster = AuroraPostgresClusterTest.available(cloudjar, rds, "my-shop");
        int port = cluster.port();
        try (Connection c = AuroraPostgresClusterTest.connect("mariadb", cluster.endpoint(), port, "admin");
             Statement s = c.createStatement()) {
            s.execute("create table orders (id int primary key, item varchar(20))");
            s.execute("insert into orders values (1, 'tea'), (2, 'cake')");
        }
        rds.createDBInstance(r -> r.dbInstanceIdentifier("my-shop-2").dbClusterIdentifier("my-shop")
                .engine("aurora-mysql").dbInstanceClass("db.t4g.medium"));
        MySqlInstanceTest.available(cloudjar, rds, "my-shop-2");
        try (Connection c = AuroraPostgresClusterTest.connect("mariadb", cluster.endpoint(), port, "admin");
             Statement s = c.createStatement()) {
            s.execute("insert into orders values (3, 'scone')"); // after the reader was made: replicated, not copied
        }
        assertThat(AuroraPostgresClusterTest.caughtUp(() -> count(cluster.readerEndpoint(), port), 3)).isEqualTo(3);
        assertThatThrownBy(() -> {
            try (Connection c = AuroraPostgresClusterTest.connect("mariadb", cluster.readerEndpoint(), port, "admin");
                 Statement s = c.createStatement()) {
                s.execute("insert into orders values (4, 'no')");
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("read-only");

        // a new master password: the writer takes it, the reader replicates it and reconnects to the writer with it
        cloudjar.advanceClock(java.time.Duration.ofMinutes(1));
        rds.modifyDBCluster(r -> r.dbClusterIdentifier("my-shop").masterUserPassword("Changed-pass2").applyImmediately(true));
        AuroraPostgresClusterTest.password = "Changed-pass2";
        assertThat(AuroraPostgresClusterTest.caughtUp(() -> count(cluster.endpoint(), port), 3)).isEqualTo(3);
        try (Connection c = AuroraPostgresClusterTest.connect("mariadb", cluster.endpoint(), port, "admin");
             Statement s = c.createStatement()) {
            s.execute("insert into orders values (5, 'bun')");
        }
        assertThat(AuroraPostgresClusterTest.caughtUp(() -> count(cluster.readerEndpoint(), port), 4)).isEqualTo(4);

        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("my-shop-2"));
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("my-shop-1"));
        rds.deleteDBCluster(r -> r.dbClusterIdentifier("my-shop").skipFinalSnapshot(true));
        assertThatThrownBy(() -> count("localhost", port)).isInstanceOf(SQLException.class);
    }
}
