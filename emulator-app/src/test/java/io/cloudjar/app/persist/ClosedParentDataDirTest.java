package io.cloudjar.app.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * Cloudjar as root with DATA_DIR under a directory closed to other users (root's default, {@code /root/.cloudjar/data},
 * /root being rwx------): PostgreSQL, which runs as an unprivileged user, still reaches its data, and its rows are
 * there after a restart. As any other user the test shows the same with nothing special.
 */
class ClosedParentDataDirTest {
    private static final Path CLOSED = closedDirectory();
    private static final Path DATA = CLOSED.resolve(".cloudjar/data");

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withPersistence(DATA)
            .withEnv("RDS_MARIADB_BIN", "none");

    private static Path closedDirectory() {
        try {
            Path home = Files.createTempDirectory("cloudjar-home-"); // rwx------, as /root
            assertThat(Files.getPosixFilePermissions(home)).hasSize(3);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void postgresReachesItsDataBelowADirectoryClosedToOthers() throws Exception {
        RdsRestartTest.assumePostgres();
        RdsClient rds = cloudjar.client(RdsClient.builder());
        RdsRestartTest.subnetGroup(cloudjar.client(Ec2Client.builder()), rds, "db-private", 40);
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-db").engine("postgres").engineVersion("16.8")
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("master").masterUserPassword("Secret-pass1")
                .dbName("shop").dbSubnetGroupName("db-private"));
        DBInstance db = RdsRestartTest.available(cloudjar, rds, "shop-db");
        try (Connection c = RdsRestartTest.connect(db); Statement s = c.createStatement()) {
            s.execute("create table orders (id int primary key, item text)");
            s.execute("insert into orders values (1, 'tea')");
        }

        cloudjar.restart();
        rds = cloudjar.client(RdsClient.builder());

        assertThat(RdsRestartTest.count(RdsRestartTest.awaitAvailable(rds, "shop-db"))).isEqualTo(1);
        assertThat(Files.getPosixFilePermissions(CLOSED)).hasSize(3); // still closed: nothing opened it to everyone
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-db").skipFinalSnapshot(true));
    }
}
