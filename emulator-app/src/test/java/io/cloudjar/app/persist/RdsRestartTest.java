package io.cloudjar.app.persist;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.ApplyMethod;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Parameter;

/**
 * RDS's state with PERSISTENCE=1: subnet and parameter groups, tags, snapshots and events are there after a restart,
 * and an instance that was available has its real PostgreSQL running again on its data, on the same port: rows
 * written before the restart are read after it, and a snapshot taken before it restores after it. Data directories no
 * record names are removed.
 */
class RdsRestartTest {
    private static final Path DATA = DataDirs.fresh();
    private static final String PASSWORD = "Secret-pass1";

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withPersistence(DATA)
            .withEnv("RDS_MARIADB_BIN", "none");

    static void assumePostgres() throws java.io.IOException {
        Path probe = Files.createTempDirectory("pg-probe");
        Assumptions.assumeTrue(new PostgresEngine(probe, null).unavailableReason().isEmpty(), "no PostgreSQL on this machine");
        Files.delete(probe);
    }

    /** Moves the clock past creation, then waits (wall clock) for the real server to accept connections. */
    static DBInstance available(CloudjarServerExtension server, RdsClient rds, String id) throws InterruptedException {
        server.advanceClock(Duration.ofMinutes(6));
        return awaitAvailable(rds, id);
    }

    static DBInstance awaitAvailable(RdsClient rds, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        DBInstance instance;
        do {
            instance = rds.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0);
            if (instance.dbInstanceStatus().equals("available") || instance.dbInstanceStatus().equals("failed")) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(instance.dbInstanceStatus()).as("%s", instance.statusInfos()).isEqualTo("available");
        return instance;
    }

    /** A subnet group named {@code name} over two zones of a new VPC {@code 10.<octet>.0.0/16}. */
    static void subnetGroup(Ec2Client ec2, RdsClient rds, String name, int octet) {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10." + octet + ".0.0/16")).vpc().vpcId();
        String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10." + octet + ".1.0/24").availabilityZone("us-east-1a"))
                .subnet().subnetId();
        String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10." + octet + ".2.0/24").availabilityZone("us-east-1b"))
                .subnet().subnetId();
        rds.createDBSubnetGroup(r -> r.dbSubnetGroupName(name).dbSubnetGroupDescription(name).subnetIds(a, b));
    }

    static Connection connect(DBInstance instance) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + instance.endpoint().address() + ":"
                + instance.endpoint().port() + "/shop", instance.masterUsername(), PASSWORD);
    }

    static long count(DBInstance instance) throws SQLException {
        try (Connection c = connect(instance); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from orders")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void groupsInstancesAndSnapshotsSurviveARestartWithTheirData() throws Exception {
        assumePostgres();
        RdsClient rds = cloudjar.client(RdsClient.builder());
        Ec2Client ec2 = cloudjar.client(Ec2Client.builder());
        subnetGroup(ec2, rds, "db-private", 20);
        rds.createDBParameterGroup(r -> r.dbParameterGroupName("shop-params").dbParameterGroupFamily("postgres16").description("shop"));
        rds.modifyDBParameterGroup(r -> r.dbParameterGroupName("shop-params").parameters(Parameter.builder()
                .parameterName("statement_timeout").parameterValue("1234").applyMethod(ApplyMethod.IMMEDIATE).build()));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-db").engine("postgres").engineVersion("16.8")
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("master").masterUserPassword(PASSWORD)
                .dbName("shop").dbSubnetGroupName("db-private").dbParameterGroupName("shop-params")
                .tags(t -> t.key("team").value("shop")));
        DBInstance db = available(cloudjar, rds, "shop-db");
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("create table orders (id int primary key, item text)");
            s.execute("insert into orders values (1, 'tea'), (2, 'cake')");
        }
        rds.createDBSnapshot(r -> r.dbInstanceIdentifier("shop-db").dbSnapshotIdentifier("before-scones"));
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("insert into orders values (3, 'scones')");
        }
        cloudjar.advanceClock(Duration.ofMinutes(2));
        var subnetGroup = rds.describeDBSubnetGroups(r -> r.dbSubnetGroupName("db-private")).dbSubnetGroups();
        var userParameters = rds.describeDBParameters(r -> r.dbParameterGroupName("shop-params").source("user")).parameters();
        var snapshots = rds.describeDBSnapshots(r -> r.dbInstanceIdentifier("shop-db")).dbSnapshots();
        var events = rds.describeEvents(r -> r.duration(600)).events();

        // what a kill leaves between making a server's directory or a copy and the commit that names it
        Path strayServer = Files.createDirectories(DATA.resolve("rds/kept/engines/postgres/db-stray/data"));
        Path strayCopy = Files.createDirectories(DATA.resolve("rds/kept/snapshots/stray-copy"));

        cloudjar.restart();
        rds = cloudjar.client(RdsClient.builder());

        assertThat(strayServer.getParent()).doesNotExist();
        assertThat(strayCopy).doesNotExist();

        assertThat(rds.describeDBSubnetGroups(r -> r.dbSubnetGroupName("db-private")).dbSubnetGroups()).isEqualTo(subnetGroup);
        assertThat(rds.describeDBParameters(r -> r.dbParameterGroupName("shop-params").source("user")).parameters())
                .isEqualTo(userParameters).extracting(Parameter::parameterValue).containsExactly("1234");
        assertThat(rds.describeDBSnapshots(r -> r.dbInstanceIdentifier("shop-db")).dbSnapshots()).isEqualTo(snapshots);
        assertThat(snapshots).extracting(s -> s.dbSnapshotIdentifier()).contains("before-scones");
        assertThat(rds.describeEvents(r -> r.duration(600)).events()).containsAll(events);
        DBInstance after = awaitAvailable(rds, "shop-db");
        assertThat(after.endpoint().port()).isEqualTo(db.endpoint().port()); // free again: the server came back on it
        assertThat(after.dbiResourceId()).isEqualTo(db.dbiResourceId());
        assertThat(rds.listTagsForResource(r -> r.resourceName(db.dbInstanceArn())).tagList())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("team=shop");
        assertThat(count(after)).isEqualTo(3); // the rows written before the restart

        rds.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier("shop-copy").dbSnapshotIdentifier("before-scones")
                .dbInstanceClass("db.t3.micro").dbSubnetGroupName("db-private"));
        assertThat(count(available(cloudjar, rds, "shop-copy"))).isEqualTo(2); // the snapshot's copy, made before the restart
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-copy").skipFinalSnapshot(true));
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-db").skipFinalSnapshot(true));
    }
}
