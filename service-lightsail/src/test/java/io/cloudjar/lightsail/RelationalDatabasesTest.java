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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.OperationFailureException;
import software.amazon.awssdk.services.lightsail.model.OperationStatus;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabase;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBlueprint;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseBundle;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabasePasswordVersion;
import software.amazon.awssdk.services.lightsail.model.RelationalDatabaseSnapshot;

/**
 * Managed databases: catalogues and checks everywhere; a real PostgreSQL behind postgres ones (JDBC with the master
 * user, a new password reaching the server, data kept by a snapshot and found in the database restored from it),
 * skipped where no PostgreSQL can run.
 */
class RelationalDatabasesTest {
    private static final String PASSWORD = "Secret-pass1";
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();
    static LightsailClient lightsail;

    @BeforeAll
    static void client() {
        lightsail = cloudjar.client(LightsailClient.builder());
    }

    @AfterAll
    static void close() {
        lightsail.close();
    }

    @AfterEach
    void reset() {
        cloudjar.reset();
    }

    @Test
    void blueprintsBundlesAndBadInput() {
        assertThat(lightsail.getRelationalDatabaseBlueprints(r -> { }).blueprints()).extracting(RelationalDatabaseBlueprint::blueprintId)
                .contains("mysql_8_0", "postgres_16", "postgres_12");
        assertThat(lightsail.getRelationalDatabaseBundles(r -> { }).bundles()).extracting(b -> b.bundleId() + " " + b.price())
                .contains("micro_2_0 15.0", "micro_ha_2_0 30.0", "large_2_0 115.0");
        assertThat(lightsail.getRelationalDatabaseBundles(r -> { }).bundles()).extracting(RelationalDatabaseBundle::isEncrypted)
                .containsOnly(true);

        refused("postgres_99", "micro_2_0", "shop", "admin", PASSWORD);
        refused("postgres_16", "huge_2_0", "shop", "admin", PASSWORD);
        refused("postgres_16", "micro_2_0", "1shop", "admin", PASSWORD);
        refused("postgres_16", "micro_2_0", "postgres", "admin", PASSWORD);
        refused("postgres_16", "micro_2_0", "shop", "rdsadmin", PASSWORD);
        refused("postgres_16", "micro_2_0", "shop", "admin", "short");
        refused("postgres_16", "micro_2_0", "shop", "admin", "has@sign-in-it");
        refused("mysql_8_0", "micro_2_0", "shop", "a_very_long_mysql_user", PASSWORD);
        assertThatThrownBy(() -> lightsail.getRelationalDatabase(r -> r.relationalDatabaseName("ghost")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The RelationalDatabase does not exist: ghost"));
    }

    @Test
    void mysqlDatabaseIsStoredAvailableOnTheClockWithAMadePassword() {
        var op = lightsail.createRelationalDatabase(r -> r.relationalDatabaseName("blog-db").relationalDatabaseBlueprintId("mysql_8_0")
                .relationalDatabaseBundleId("micro_ha_2_0").masterDatabaseName("blog").masterUsername("admin")
                .tags(t -> t.key("env").value("lab"))).operations().get(0);
        assertThat(op.operationType()).isEqualTo(OperationType.CREATE_RELATIONAL_DATABASE);
        assertThat(op.status()).isEqualTo(OperationStatus.STARTED);
        RelationalDatabase db = get("blog-db");
        assertThat(db.state()).isEqualTo("creating");
        assertThat(db.arn()).matches("arn:aws:lightsail:us-east-1:000000000000:RelationalDatabase/[0-9a-f-]{36}");
        assertThat(db.engine()).isEqualTo("mysql");
        assertThat(db.location().availabilityZone()).isEqualTo("us-east-1a");
        assertThat(db.secondaryAvailabilityZone()).isNotNull().isNotEqualTo("us-east-1a");
        assertThat(db.hardware().ramSizeInGb()).isEqualTo(1.0f);
        assertThat(db.masterEndpoint().port()).isEqualTo(3306);
        assertThat(db.preferredBackupWindow()).isEqualTo("06:00-06:30");
        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(get("blog-db").state()).isEqualTo("available");

        String made = lightsail.getRelationalDatabaseMasterUserPassword(r -> r.relationalDatabaseName("blog-db")).masterUserPassword();
        assertThat(made).hasSizeGreaterThanOrEqualTo(8);
        lightsail.updateRelationalDatabase(r -> r.relationalDatabaseName("blog-db").rotateMasterUserPassword(true)
                .preferredBackupWindow("03:00-03:30").publiclyAccessible(true));
        assertThat(lightsail.getRelationalDatabaseMasterUserPassword(r -> r.relationalDatabaseName("blog-db")
                .passwordVersion(RelationalDatabasePasswordVersion.PREVIOUS)).masterUserPassword()).isEqualTo(made);
        assertThat(lightsail.getRelationalDatabaseMasterUserPassword(r -> r.relationalDatabaseName("blog-db")).masterUserPassword())
                .isNotEqualTo(made);
        assertThat(get("blog-db").preferredBackupWindow()).isEqualTo("03:00-03:30");
        assertThat(get("blog-db").publiclyAccessible()).isTrue();

        // stop (after a snapshot), start, reboot on the emulator clock
        assertThat(lightsail.stopRelationalDatabase(r -> r.relationalDatabaseName("blog-db").relationalDatabaseSnapshotName("before-stop"))
                .operations()).extracting(o -> o.operationType()).containsExactly(OperationType.STOP_RELATIONAL_DATABASE,
                OperationType.CREATE_RELATIONAL_DATABASE_SNAPSHOT);
        assertThat(get("blog-db").state()).isEqualTo("stopping");
        assertThatThrownBy(() -> lightsail.startRelationalDatabase(r -> r.relationalDatabaseName("blog-db")))
                .isInstanceOf(OperationFailureException.class);
        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(get("blog-db").state()).isEqualTo("stopped");
        assertThatThrownBy(() -> lightsail.rebootRelationalDatabase(r -> r.relationalDatabaseName("blog-db")))
                .isInstanceOf(OperationFailureException.class);
        lightsail.startRelationalDatabase(r -> r.relationalDatabaseName("blog-db"));
        assertThat(get("blog-db").state()).isEqualTo("starting");
        cloudjar.advanceClock(Duration.ofMinutes(1));
        lightsail.rebootRelationalDatabase(r -> r.relationalDatabaseName("blog-db"));
        assertThat(get("blog-db").state()).isEqualTo("rebooting");
        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(get("blog-db").state()).isEqualTo("available");

        assertThatThrownBy(() -> lightsail.deleteRelationalDatabase(r -> r.relationalDatabaseName("blog-db")))
                .isInstanceOf(InvalidInputException.class);
        var deleted = lightsail.deleteRelationalDatabase(r -> r.relationalDatabaseName("blog-db")
                .finalRelationalDatabaseSnapshotName("blog-final")).operations();
        assertThat(deleted).extracting(o -> o.operationType()).containsExactly(OperationType.DELETE_RELATIONAL_DATABASE,
                OperationType.CREATE_RELATIONAL_DATABASE_SNAPSHOT);
        RelationalDatabaseSnapshot snapshot = lightsail.getRelationalDatabaseSnapshot(r -> r.relationalDatabaseSnapshotName("blog-final"))
                .relationalDatabaseSnapshot();
        assertThat(snapshot.fromRelationalDatabaseName()).isEqualTo("blog-db");
        assertThat(snapshot.engine()).isEqualTo("mysql");
        assertThat(lightsail.getRelationalDatabases(r -> { }).relationalDatabases()).isEmpty();
    }

    @Test
    void postgresDatabaseIsARealServerReachedWithItsMasterUser() throws Exception {
        Path probe = Files.createTempDirectory("pg-probe");
        Assumptions.assumeTrue(new PostgresEngine(probe, null).unavailableReason().isEmpty(), "no PostgreSQL on this machine");
        Files.delete(probe);

        lightsail.createRelationalDatabase(r -> r.relationalDatabaseName("shop-db").relationalDatabaseBlueprintId("postgres_16")
                .relationalDatabaseBundleId("micro_2_0").masterDatabaseName("shop").masterUsername("shopadmin")
                .masterUserPassword(PASSWORD));
        RelationalDatabase db = available("shop-db");
        assertThat(db.masterEndpoint().address()).isEqualTo("localhost");
        try (Connection c = connect(db, PASSWORD); Statement s = c.createStatement()) {
            s.execute("create table orders (id int primary key, item text)");
            s.execute("insert into orders values (1, 'lamp')");
        }

        // a new master password reaches the server (the engine applies it in the background)
        lightsail.updateRelationalDatabase(r -> r.relationalDatabaseName("shop-db").masterUserPassword("New-pass-22"));
        long passwordDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean changed = false;
        while (!changed && System.nanoTime() < passwordDeadline) {
            try (Connection ignored = connect(db, "New-pass-22")) {
                changed = true;
            } catch (SQLException notYet) {
                Thread.sleep(100);
            }
        }
        assertThat(changed).isTrue();
        assertThatThrownBy(() -> connect(db, PASSWORD).close()).isInstanceOf(SQLException.class);

        lightsail.createRelationalDatabaseSnapshot(r -> r.relationalDatabaseName("shop-db").relationalDatabaseSnapshotName("shop-snap"));
        assertThat(lightsail.getRelationalDatabaseSnapshots(r -> { }).relationalDatabaseSnapshots())
                .extracting(RelationalDatabaseSnapshot::name).containsExactly("shop-snap");
        lightsail.createRelationalDatabaseFromSnapshot(r -> r.relationalDatabaseName("shop-copy")
                .relationalDatabaseSnapshotName("shop-snap").relationalDatabaseBundleId("small_2_0"));
        RelationalDatabase copy = available("shop-copy");
        assertThat(copy.masterEndpoint().port()).isNotEqualTo(db.masterEndpoint().port());
        assertThat(copy.relationalDatabaseBundleId()).isEqualTo("small_2_0");
        try (Connection c = connect(copy, "New-pass-22"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select item from orders where id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("lamp");
        }
        // a stopped database refuses connections and keeps its data for the next start
        lightsail.stopRelationalDatabase(r -> r.relationalDatabaseName("shop-copy"));
        assertThatThrownBy(() -> connect(copy, "New-pass-22").close()).isInstanceOf(SQLException.class);
        cloudjar.advanceClock(Duration.ofMinutes(1));
        lightsail.startRelationalDatabase(r -> r.relationalDatabaseName("shop-copy"));
        RelationalDatabase started = available("shop-copy");
        try (Connection c = connect(started, "New-pass-22"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from orders")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
        lightsail.deleteRelationalDatabaseSnapshot(r -> r.relationalDatabaseSnapshotName("shop-snap"));
        lightsail.deleteRelationalDatabase(r -> r.relationalDatabaseName("shop-db").skipFinalSnapshot(true));
        assertThatThrownBy(() -> connect(db, "New-pass-22").close()).isInstanceOf(SQLException.class);
    }

    /** Moves the clock past creation, then waits (wall clock) for the real server to accept connections. */
    private static RelationalDatabase available(String name) throws InterruptedException {
        cloudjar.advanceClock(Duration.ofMinutes(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        RelationalDatabase db;
        do {
            db = get(name);
            if (!db.state().equals("creating") && !db.state().equals("starting")) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(db.state()).isEqualTo("available");
        return db;
    }

    private static Connection connect(RelationalDatabase db, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + db.masterEndpoint().address() + ":"
                + db.masterEndpoint().port() + "/" + db.masterDatabaseName(), db.masterUsername(), password);
    }

    private static RelationalDatabase get(String name) {
        return lightsail.getRelationalDatabase(r -> r.relationalDatabaseName(name)).relationalDatabase();
    }

    private static void refused(String blueprint, String bundle, String database, String user, String password) {
        assertThatThrownBy(() -> lightsail.createRelationalDatabase(r -> r.relationalDatabaseName("bad-db")
                .relationalDatabaseBlueprintId(blueprint).relationalDatabaseBundleId(bundle).masterDatabaseName(database)
                .masterUsername(user).masterUserPassword(password)))
                .as("%s %s %s %s", blueprint, bundle, database, user).isInstanceOf(InvalidInputException.class);
    }
}
