package io.cloudjar.app.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.rds.engine.Engines;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/** A mysql instance's real MariaDB with PERSISTENCE=1: after a restart it serves its rows again, on the same port. */
class MySqlRestartTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withPersistence(DataDirs.fresh())
            .withEnv("RDS_ENGINE_CACHE", Path.of("target/engine-cache").toAbsolutePath().toString());

    private static DBInstance awaitAvailable(RdsClient rds, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        DBInstance instance;
        do {
            instance = rds.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0);
            if (instance.dbInstanceStatus().equals("available") || instance.dbInstanceStatus().equals("failed")) {
                break;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertThat(instance.dbInstanceStatus()).as("%s", instance.statusInfos()).isEqualTo("available");
        return instance;
    }

    private static long count(DBInstance instance) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + instance.endpoint().port() + "/shop",
                "admin", "Secret-pass1"); Statement s = c.createStatement(); ResultSet rows = s.executeQuery("select count(*) from orders")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aMysqlInstanceServesItsRowsAgainAfterARestart() throws Exception {
        Assumptions.assumeTrue(Engines.all(Path.of("unused"), (String) null).stream().filter(e -> e.engine().equals("mysql"))
                .allMatch(e -> e.unavailableReason().isEmpty()), "no MariaDB for this machine");
        RdsClient rds = cloudjar.client(RdsClient.builder());
        RdsRestartTest.subnetGroup(cloudjar.client(Ec2Client.builder()), rds, "db", 50);
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-db").engine("mysql").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("Secret-pass1").dbName("shop")
                .dbSubnetGroupName("db"));
        cloudjar.advanceClock(Duration.ofMinutes(6));
        DBInstance before = awaitAvailable(rds, "shop-db");
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + before.endpoint().port() + "/shop",
                "admin", "Secret-pass1"); Statement s = c.createStatement()) {
            s.execute("create table orders (id int primary key)");
            s.execute("insert into orders values (1), (2)");
        }

        cloudjar.restart();
        rds = cloudjar.client(RdsClient.builder());

        DBInstance after = awaitAvailable(rds, "shop-db");
        assertThat(after.endpoint().port()).isEqualTo(before.endpoint().port());
        assertThat(count(after)).isEqualTo(2);
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-db").skipFinalSnapshot(true));
    }
}
