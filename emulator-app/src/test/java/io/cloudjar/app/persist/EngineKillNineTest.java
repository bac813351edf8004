package io.cloudjar.app.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * Cloudjar killed with SIGKILL while an RDS instance's PostgreSQL runs: the server process outlives it, holding its
 * data directory. The next Cloudjar stops that leftover process and starts the server again on the same data: the
 * rows written before the kill are read after it.
 */
class EngineKillNineTest {
    private static final Map<String, String> ENV = Map.of("RDS_TRANSITION_SCALE", "0", "RDS_MARIADB_BIN", "none");

    @TempDir
    Path dataDir;

    @Test
    void aLeftoverServerIsStoppedAndTheInstanceServesItsRowsAgain() throws Exception {
        RdsRestartTest.assumePostgres();
        DBInstance before;
        long leftoverPid;
        try (ServerProcess first = ServerProcess.startPersistent(dataDir, ENV)) {
            RdsClient rds = KillNineTest.client(RdsClient.builder(), first.endpoint(), Region.US_EAST_1);
            Ec2Client ec2 = KillNineTest.client(Ec2Client.builder(), first.endpoint(), Region.US_EAST_1);
            RdsRestartTest.subnetGroup(ec2, rds, "db", 30);
            rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-db").engine("postgres").engineVersion("16.8")
                    .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("master")
                    .masterUserPassword("Secret-pass1").dbName("shop").dbSubnetGroupName("db"));
            before = RdsRestartTest.awaitAvailable(rds, "shop-db");
            try (Connection c = RdsRestartTest.connect(before); Statement s = c.createStatement()) {
                s.execute("create table orders (id int primary key, item text)");
                s.execute("insert into orders values (1, 'tea'), (2, 'cake')");
            }
            Path pidFile = dataDir.resolve("rds/kept/engines/postgres").resolve(before.dbiResourceId().toLowerCase(java.util.Locale.ROOT)).resolve("data/postmaster.pid");
            leftoverPid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            first.kill9();
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(leftoverPid);
        assertThat(leftover).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue()); // it outlived the killed Cloudjar

        try (ServerProcess second = ServerProcess.startPersistent(dataDir, ENV)) {
            RdsClient rds = KillNineTest.client(RdsClient.builder(), second.endpoint(), Region.US_EAST_1);
            DBInstance after = RdsRestartTest.awaitAvailable(rds, "shop-db");
            assertThat(leftover.get().isAlive()).isFalse();
            assertThat(RdsRestartTest.count(after)).isEqualTo(2);
            assertThat(after.endpoint().port()).isEqualTo(before.endpoint().port()); // freed by the leftover's stop
        }
    }
}
