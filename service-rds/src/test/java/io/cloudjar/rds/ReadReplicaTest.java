package io.cloudjar.rds;

import static io.cloudjar.rds.RdsErrorsAssert.fails;
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
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * Copies of a running server. Read replicas are real: rows written on the source after the replica was made reach it (PostgreSQL streaming
 * replication, MariaDB GTID replication); a promoted replica takes writes of its own. A restore to the latest
 * restorable time copies the source as it is.
 */
class ReadReplicaTest {
    private static final String PASSWORD = "Secret-pass1";
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();
    static RdsClient rds;

    @BeforeAll
    static void client() {
        rds = cloudjar.client(RdsClient.builder());
    }

    @AfterAll
    static void close() {
        rds.close();
    }

    private static void assumeEngine(String engine) {
        Assumptions.assumeTrue(Engines.all(Path.of("unused"), (String) null).stream()
                .filter(e -> e.engine().equals(engine)).allMatch(e -> e.unavailableReason().isEmpty()), "no " + engine + " here");
    }

    private static Connection connect(String engine, DBInstance db) throws SQLException {
        String scheme = engine.equals("postgres") ? "postgresql" : "mariadb";
        return DriverManager.getConnection("jdbc:" + scheme + "://localhost:" + db.endpoint().port() + "/shop",
                db.masterUsername(), PASSWORD);
    }

    private static long count(String engine, DBInstance db) throws SQLException {
        try (Connection c = connect(engine, db); Statement s = c.createStatement(); ResultSet rows = s.executeQuery("select count(*) from orders")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Waits (wall clock) until the replica has caught up with {@code expected} rows. */
    private static long caughtUp(String engine, DBInstance replica, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long rows = -1;
        while (System.nanoTime() < deadline) {
            try {
                rows = count(engine, replica);
                if (rows == expected) {
                    return rows;
                }
            } catch (SQLException notYet) {
                // the table itself may not have arrived yet
            }
            Thread.sleep(100);
        }
        return rows;
    }

    /** What the replica says of its replication, for a failure's message. */
    private static String replicationState(String engine, DBInstance replica) {
        String sql = engine.equals("postgres") ? "select status || ' ' || coalesce(last_msg_receipt_time::text, '') from pg_stat_wal_receiver"
                : "show slave status";
        try (Connection c = connect(engine, replica); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    out.append(rows.getMetaData().getColumnLabel(i)).append('=').append(rows.getString(i)).append(' ');
                }
            }
            return out.toString();
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    @Test
    void aPostgresReplicaFollowsItsSourceUntilPromoted() throws Exception {
        assumeEngine("postgres");
        roundTrip("postgres", "16.8", "pg");
    }

    @Test
    void aMySqlReplicaFollowsItsSourceUntilPromoted() throws Exception {
        assumeEngine("mysql");
        roundTrip("mysql", "8.0.41", "my");
    }

    @Test
    void aRestoreToTheLatestRestorableTimeHasEverythingWrittenBefore() throws Exception {
        assumeEngine("postgres");
        rds.createDBInstance(r -> r.dbInstanceIdentifier("pitr-source").engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("master").masterUserPassword(PASSWORD).dbName("shop").backupRetentionPeriod(1));
        DBInstance db = MySqlInstanceTest.available(cloudjar, rds, "pitr-source");
        try (Connection c = connect("postgres", db); Statement s = c.createStatement()) {
            s.execute("create table orders (id int primary key, item varchar(20))");
            s.execute("insert into orders values (1, 'tea'), (2, 'cake')");
        }
        DBInstance restoring = rds.restoreDBInstanceToPointInTime(r -> r.sourceDBInstanceIdentifier("pitr-source")
                .targetDBInstanceIdentifier("pitr-copy").useLatestRestorableTime(true)).dbInstance();
        assertThat(restoring.statusInfos()).anySatisfy(info -> assertThat(info.message()).startsWith("Restored from a copy of pitr-source"));
        DBInstance copy = MySqlInstanceTest.available(cloudjar, rds, "pitr-copy");
        assertThat(count("postgres", copy)).isEqualTo(2);
        try (Connection c = connect("postgres", copy); Statement s = c.createStatement()) {
            s.execute("insert into orders values (3, 'own')"); // an independent instance, not a replica
        }
        assertThat(count("postgres", db)).isEqualTo(2);
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("pitr-copy").skipFinalSnapshot(true));
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("pitr-source").skipFinalSnapshot(true));
    }

    private static void roundTrip(String engine, String version, String prefix) throws Exception {
        String source = prefix + "-source";
        String replicaId = prefix + "-replica";
        rds.createDBInstance(r -> r.dbInstanceIdentifier(source).engine(engine).engineVersion(version)
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("master").masterUserPassword(PASSWORD)
                .dbName("shop").backupRetentionPeriod(0));
        MySqlInstanceTest.available(cloudjar, rds, source);
        fails(() -> rds.createDBInstanceReadReplica(r -> r.dbInstanceIdentifier(replicaId).sourceDBInstanceIdentifier(source)),
                "InvalidDBInstanceState", 400); // no automated backups: no replica
        rds.modifyDBInstance(r -> r.dbInstanceIdentifier(source).backupRetentionPeriod(1).applyImmediately(true));
        DBInstance db = MySqlInstanceTest.available(cloudjar, rds, source);
        try (Connection c = connect(engine, db); Statement s = c.createStatement()) {
            s.execute("create table orders (id int primary key, item varchar(20))");
            s.execute("insert into orders values (1, 'tea'), (2, 'cake')");
        }

        fails(() -> rds.createDBInstanceReadReplica(r -> r.dbInstanceIdentifier(replicaId).sourceDBInstanceIdentifier("nowhere")),
                "DBInstanceNotFound", 404);
        DBInstance created = rds.createDBInstanceReadReplica(r -> r.dbInstanceIdentifier(replicaId)
                .sourceDBInstanceIdentifier(db.dbInstanceArn())).dbInstance();
        assertThat(created.readReplicaSourceDBInstanceIdentifier()).isEqualTo(source);
        assertThat(created.dbInstanceStatus()).isEqualTo("creating");
        assertThat(created.backupRetentionPeriod()).isZero();
        DBInstance replica = MySqlInstanceTest.available(cloudjar, rds, replicaId);
        assertThat(replica.statusInfos()).anySatisfy(info -> {
            assertThat(info.statusType()).isEqualTo("read replication");
            assertThat(info.status()).isEqualTo("replicating");
            assertThat(info.normal()).isTrue();
        });
        assertThat(rds.describeDBInstances(r -> r.dbInstanceIdentifier(source)).dbInstances().get(0)
                .readReplicaDBInstanceIdentifiers()).containsExactly(replicaId);
        assertThat(caughtUp(engine, replica, 2)).isEqualTo(2);

        try (Connection c = connect(engine, db); Statement s = c.createStatement()) {
            s.execute("insert into orders values (3, 'scones')");
        }
        assertThat(caughtUp(engine, replica, 3)).as(() -> replicationState(engine, replica))
                .isEqualTo(3); // written on the source after the replica was made
        assertThatThrownBy(() -> { // the master user cannot write on a replica (MariaDB: read_only, no READ_ONLY ADMIN)
            try (Connection c = connect(engine, replica); Statement s = c.createStatement()) {
                s.execute("insert into orders values (4, 'jam')");
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("read-only");
        fails(() -> rds.stopDBInstance(r -> r.dbInstanceIdentifier(replicaId)), "InvalidDBInstanceState", 400);
        fails(() -> rds.stopDBInstance(r -> r.dbInstanceIdentifier(source)), "InvalidDBInstanceState", 400);
        fails(() -> rds.promoteReadReplica(r -> r.dbInstanceIdentifier(source)), "InvalidDBInstanceState", 400);

        DBInstance promoting = rds.promoteReadReplica(r -> r.dbInstanceIdentifier(replicaId).backupRetentionPeriod(3)).dbInstance();
        assertThat(promoting.dbInstanceStatus()).isEqualTo("modifying");
        DBInstance promoted = MySqlInstanceTest.available(cloudjar, rds, replicaId);
        assertThat(promoted.readReplicaSourceDBInstanceIdentifier()).isNull();
        assertThat(promoted.backupRetentionPeriod()).isEqualTo(3);
        assertThat(rds.describeDBInstances(r -> r.dbInstanceIdentifier(source)).dbInstances().get(0)
                .readReplicaDBInstanceIdentifiers()).isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean writable = false;
        while (!writable && System.nanoTime() < deadline) {
            try (Connection c = connect(engine, promoted); Statement s = c.createStatement()) {
                s.execute("insert into orders values (10, 'own row')");
                writable = true;
            } catch (SQLException stillStandby) {
                Thread.sleep(100);
            }
        }
        assertThat(writable).isTrue();
        try (Connection c = connect(engine, db); Statement s = c.createStatement()) {
            s.execute("insert into orders values (4, 'jam')");
        }
        Thread.sleep(500);
        assertThat(count(engine, promoted)).isEqualTo(4); // 3 replicated + its own: the source's 4th never arrives
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier(replicaId).skipFinalSnapshot(true));
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier(source).skipFinalSnapshot(true));
    }
}
