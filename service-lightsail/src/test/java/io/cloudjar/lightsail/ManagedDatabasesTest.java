package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.rds.engine.PostgresEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabase;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBlueprint;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBundle;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseSnapshot;

/** Managed databases on a real PostgreSQL (RDS's engines): reached with JDBC, snapshotted, restored, re-passworded. */
class ManagedDatabasesTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension()
            .withEnv("RDS_MARIADB_BIN", "none"); // the mysql case checks the states alone: no MariaDB process for it
    static LightsailClient lightsail;

    @BeforeAll
    static void client() throws Exception {
        lightsail = cloudjar.client(LightsailClient.builder());
    }

    @AfterAll
    static void close() {
        lightsail.close();
    }

    @Test
    void catalogueAndBadInput() {
        assertThat(lightsail.getRelationalDatabaseBlueprints().blueprints()).extracting(RelationalDatabaseBlueprint::blueprintId)
                .contains("mysql_8_0", "postgres_16");
        assertThat(lightsail.getRelationalDatabaseBundles().bundles()).extracting(RelationalDatabaseBundle::bundleId,
                RelationalDatabaseBundle::price).contains(org.assertj.core.groups.Tuple.tuple("micro_2_0", 15.0f));
        assertThatThrownBy(() -> create("x", "oracle_19", "micro_2_0", "shop", "shopadmin", null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> create("x", "postgres_16", "huge_2_0", "shop", "shopadmin", null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> create("x", "postgres_16", "micro_2_0", "shop", "postgres", null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> create("x", "postgres_16", "micro_2_0", "1shop", "shopadmin", null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> create("x", "postgres_16", "micro_2_0", "shop", "shopadmin", "has@at-sign"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.getRelationalDatabase(r -> r.relationalDatabaseName("ghost")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The RelationalDatabase does not exist: ghost"));
    }

    @Test
    void aMysqlDatabaseFollowsItsStatesWithoutAServer() {
        Operation op = create("blog-db", "mysql_8_0", "micro_2_0", "blog", "blogadmin", "Secret-pass1");
        assertThat(op.operationTypeAsString()).isEqualTo("CreateRelationalDatabase");
        assertThat(lightsail.getRelationalDatabase(r -> r.relationalDatabaseName("blog-db")).relationalDatabase().state())
                .isEqualTo("creating");
        cloudjar.advanceClock(Duration.ofSeconds(5));
        RelationalDatabase db = lightsail.getRelationalDatabase(r -> r.relationalDatabaseName("blog-db")).relationalDatabase();
        assertThat(db.state()).isEqualTo("available");
        assertThat(db.engine()).isEqualTo("mysql");
        assertThat(db.masterEndpoint().address()).isEqualTo("localhost");
        assertThat(db.masterEndpoint().port()).isEqualTo(3306);
        assertThat(db.arn()).contains(":RelationalDatabase/");
        assertThat(db.hardware().ramSizeInGb()).isEqualTo(1.0f);

        assertThatThrownBy(() -> lightsail.startRelationalDatabase(r -> r.relationalDatabaseName("blog-db")))
                .isInstanceOf(software.amazon.awssdk.services.lightsail.model.OperationFailureException.class);
        lightsail.stopRelationalDatabase(r -> r.relationalDatabaseName("blog-db"));
        assertThat(state("blog-db")).isEqualTo("stopping");
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(state("blog-db")).isEqualTo("stopped");
        lightsail.startRelationalDatabase(r -> r.relationalDatabaseName("blog-db"));
        assertThat(state("blog-db")).isEqualTo("starting");
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(state("blog-db")).isEqualTo("available");
        lightsail.rebootRelationalDatabase(r -> r.relationalDatabaseName("blog-db"));
        assertThat(state("blog-db")).isEqualTo("rebooting");
        lightsail.deleteRelationalDatabase(r -> r.relationalDatabaseName("blog-db").skipFinalSnapshot(true));
    }

    @Test
    void aPostgresDatabaseIsRealSnapshottedAndRestored() throws Exception {
        Path probe = Files.createTempDirectory("pg-probe");
        Assumptions.assumeTrue(new PostgresEngine(probe, null).unavailableReason().isEmpty(), "no PostgreSQL on this machine");
        Files.delete(probe);

        create("shop-db", "postgres_16", "micro_2_0", "shop", "shopadmin", null);
        RelationalDatabase db = available("shop-db");
        assertThat(db.engine()).isEqualTo("postgres");
        String password = lightsail.getRelationalDatabaseMasterUserPassword(r -> r.relationalDatabaseName("shop-db"))
                .masterUserPassword();
        assertThat(password).hasSizeGreaterThanOrEqualTo(8);
        sql(db, password, "CREATE TABLE orders (id int); INSERT INTO orders VALUES (1)");

        assertThat(lightsail.createRelationalDatabaseSnapshot(r -> r.relationalDatabaseName("shop-db")
                .relationalDatabaseSnapshotName("shop-1")).operations()).extracting(Operation::resourceName)
                .containsExactly("shop-1", "shop-db");
        RelationalDatabaseSnapshot snapshot = lightsail.getRelationalDatabaseSnapshot(r -> r.relationalDatabaseSnapshotName("shop-1"))
                .relationalDatabaseSnapshot();
        assertThat(snapshot.state()).isEqualTo("available");
        assertThat(snapshot.fromRelationalDatabaseName()).isEqualTo("shop-db");
        assertThat(snapshot.sizeInGb()).isEqualTo(40);
        sql(available("shop-db"), password, "INSERT INTO orders VALUES (2)");
        lightsail.rebootRelationalDatabase(r -> r.relationalDatabaseName("shop-db"));
        assertThat(countOnceAccepted(available("shop-db"), password)).isEqualTo(2); // the data survives a reboot

        lightsail.createRelationalDatabaseFromSnapshot(r -> r.relationalDatabaseName("shop-copy").relationalDatabaseSnapshotName("shop-1"));
        RelationalDatabase copy = available("shop-copy");
        assertThat(copy.masterEndpoint().port()).isNotEqualTo(db.masterEndpoint().port());
        assertThat(count(copy, password)).isEqualTo(1);
        assertThat(count(available("shop-db"), password)).isEqualTo(2);

        lightsail.updateRelationalDatabase(r -> r.relationalDatabaseName("shop-db").masterUserPassword("New-pass-2024"));
        assertThat(countOnceAccepted(available("shop-db"), "New-pass-2024")).isEqualTo(2);
        assertThat(lightsail.getRelationalDatabaseMasterUserPassword(r -> r.relationalDatabaseName("shop-db")
                .passwordVersion("PREVIOUS")).masterUserPassword()).isEqualTo(password);

        assertThatThrownBy(() -> lightsail.deleteRelationalDatabase(r -> r.relationalDatabaseName("shop-db")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(lightsail.deleteRelationalDatabase(r -> r.relationalDatabaseName("shop-db")
                .finalRelationalDatabaseSnapshotName("shop-final")).operations()).extracting(Operation::operationTypeAsString)
                .containsExactly("DeleteRelationalDatabase", "CreateRelationalDatabaseSnapshot", "CreateRelationalDatabaseSnapshot");
        assertThat(lightsail.getRelationalDatabaseSnapshots().relationalDatabaseSnapshots()).extracting(RelationalDatabaseSnapshot::name)
                .containsExactly("shop-1", "shop-final");
        lightsail.deleteRelationalDatabase(r -> r.relationalDatabaseName("shop-copy").skipFinalSnapshot(true));
        lightsail.deleteRelationalDatabaseSnapshot(r -> r.relationalDatabaseSnapshotName("shop-1"));
        assertThat(lightsail.getRelationalDatabases().relationalDatabases()).isEmpty();
    }

    private static String state(String name) {
        return lightsail.getRelationalDatabase(r -> r.relationalDatabaseName(name)).relationalDatabase().state();
    }

    private static Operation create(String name, String blueprint, String bundle, String database, String user, String password) {
        return lightsail.createRelationalDatabase(r -> r.relationalDatabaseName(name).availabilityZone("us-east-1a")
                .relationalDatabaseBlueprintId(blueprint).relationalDatabaseBundleId(bundle).masterDatabaseName(database)
                .masterUsername(user).masterUserPassword(password)).operations().get(0);
    }

    /** Moves the clock past creation, then waits (wall clock) for the real server. */
    private static RelationalDatabase available(String name) throws InterruptedException {
        return LightsailTestKit.availableDatabase(lightsail, cloudjar, name);
    }

    private static void sql(RelationalDatabase db, String password, String sql) throws Exception {
        try (Connection c = connect(db, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(RelationalDatabase db, String password) throws Exception {
        try (Connection c = connect(db, password); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM orders")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The server takes a new password in the background (as AWS applies it): tried for a while (wall clock). */
    private static int countOnceAccepted(RelationalDatabase db, String password) throws Exception {
        for (int i = 0; ; i++) {
            try {
                return count(db, password);
            } catch (java.sql.SQLException e) {
                if (i > 300) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static Connection connect(RelationalDatabase db, String password) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + db.masterEndpoint().port() + "/"
                + db.masterDatabaseName(), db.masterUsername(), password);
    }
}
