package io.cloudjar.app.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * A state snapshot with an RDS instance's real PostgreSQL: the rows of the save are there after a load, those written
 * after the save are not (the server's data directory is copied while it is stopped, and copied back at the load).
 */
class RdsStateSnapshotTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withPersistence(DataDirs.fresh())
            .withEnv("RDS_MARIADB_BIN", "none");

    private static int post(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cloudjar.endpoint() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aLoadedSnapshotHasTheRowsOfItsSave() throws Exception {
        RdsRestartTest.assumePostgres();
        RdsClient rds = cloudjar.client(RdsClient.builder());
        Ec2Client ec2 = cloudjar.client(Ec2Client.builder());
        RdsRestartTest.subnetGroup(ec2, rds, "db", 40);
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-db").engine("postgres").engineVersion("16.8")
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("master")
                .masterUserPassword("Secret-pass1").dbName("shop").dbSubnetGroupName("db"));
        DBInstance db = RdsRestartTest.available(cloudjar, rds, "shop-db");
        try (Connection c = RdsRestartTest.connect(db); Statement s = c.createStatement()) {
            s.execute("create table orders (id int primary key, item text)");
            s.execute("insert into orders values (1, 'tea'), (2, 'cake')");
        }

        assertThat(post("/_cloudjar/state/save?name=lab")).isEqualTo(200);
        DBInstance resumed = RdsRestartTest.awaitAvailable(rds, "shop-db"); // the save stopped the server for its copy
        try (Connection c = RdsRestartTest.connect(resumed); Statement s = c.createStatement()) {
            s.execute("insert into orders values (3, 'scones')");
        }
        assertThat(RdsRestartTest.count(resumed)).isEqualTo(3);

        assertThat(post("/_cloudjar/state/load?name=lab")).isEqualTo(200);
        assertThat(RdsRestartTest.count(RdsRestartTest.awaitAvailable(rds, "shop-db"))).isEqualTo(2);
    }
}
