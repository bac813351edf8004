package io.cloudjar.rds;

import static io.cloudjar.rds.RdsErrorsAssert.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttributesResult;

/**
 * Automated snapshots on the emulator clock, point-in-time restore's rules, and sharing a snapshot's restore
 * attribute (API behaviour: mysql instances with MariaDB turned off, so no server runs).
 */
class BackupsAndSharingTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("RDS_MARIADB_BIN", "none");
    static RdsClient rds;

    @BeforeAll
    static void client() {
        rds = cloudjar.client(RdsClient.builder());
    }

    @AfterAll
    static void close() {
        rds.close();
    }

    private static DBInstance create(String id, int retention) {
        rds.createDBInstance(r -> r.dbInstanceIdentifier(id).engine("mysql").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("Secret-pass1").backupRetentionPeriod(retention));
        cloudjar.advanceClock(Duration.ofMinutes(6));
        return rds.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0);
    }

    private static List<DBSnapshot> automated(String instance) {
        return rds.describeDBSnapshots(r -> r.dbInstanceIdentifier(instance).snapshotType("automated")).dbSnapshots();
    }

    @Test
    void automatedSnapshotsAreTakenDailyKeptForTheRetentionPeriodAndGoWithTheInstance() {
        DBInstance db = create("nightly", 3);
        assertThat(db.dbInstanceStatus()).isEqualTo("available");
        List<DBSnapshot> first = automated("nightly");
        assertThat(first).singleElement().satisfies(s -> {
            assertThat(s.dbSnapshotIdentifier()).matches("rds:nightly-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}");
            assertThat(s.snapshotType()).isEqualTo("automated");
            assertThat(s.snapshotCreateTime()).isEqualTo(db.instanceCreateTime());
        });
        cloudjar.advanceClock(Duration.ofDays(2));
        List<DBSnapshot> later = automated("nightly");
        assertThat(later).hasSize(3); // creation, then two backup windows at 03:00 UTC
        assertThat(later.subList(1, 3)).allSatisfy(s -> assertThat(s.snapshotCreateTime().toString()).contains("T03:00:00"));
        String oldest = later.get(0).dbSnapshotIdentifier();
        fails(() -> rds.deleteDBSnapshot(r -> r.dbSnapshotIdentifier(oldest)), "InvalidDBSnapshotState", 400);
        rds.copyDBSnapshot(r -> r.sourceDBSnapshotIdentifier(oldest).targetDBSnapshotIdentifier("kept-copy"));
        cloudjar.advanceClock(Duration.ofDays(2));
        List<DBSnapshot> pruned = automated("nightly");
        assertThat(pruned).extracting(DBSnapshot::dbSnapshotIdentifier)
                .doesNotContain(oldest, later.get(1).dbSnapshotIdentifier()); // older than 3 days
        assertThat(pruned).hasSize(3);

        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("nightly").skipFinalSnapshot(true));
        assertThat(rds.describeDBSnapshots(r -> r.snapshotType("automated")).dbSnapshots())
                .noneMatch(s -> s.dbInstanceIdentifier().equals("nightly"));
        assertThat(rds.describeDBSnapshots(r -> r.dbSnapshotIdentifier("kept-copy")).dbSnapshots()).hasSize(1);

        create("retained", 1);
        automated("retained");
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("retained").skipFinalSnapshot(true).deleteAutomatedBackups(false));
        assertThat(automated("retained")).hasSize(1);
    }

    @Test
    void pointInTimeRestoreFollowsTheRestorableWindow() {
        DBInstance db = create("ledger", 3);
        create("no-backups", 0);
        fails(() -> rds.restoreDBInstanceToPointInTime(r -> r.sourceDBInstanceIdentifier("ledger")
                .targetDBInstanceIdentifier("x").useLatestRestorableTime(true).restoreTime(Instant.now())),
                "InvalidParameterCombination", 400);
        fails(() -> rds.restoreDBInstanceToPointInTime(r -> r.sourceDBInstanceIdentifier("ledger").targetDBInstanceIdentifier("x")),
                "InvalidParameterCombination", 400);
        fails(() -> rds.restoreDBInstanceToPointInTime(r -> r.sourceDBInstanceIdentifier("nowhere")
                .targetDBInstanceIdentifier("x").useLatestRestorableTime(true)), "DBInstanceNotFound", 404);
        fails(() -> rds.restoreDBInstanceToPointInTime(r -> r.sourceDBInstanceIdentifier("no-backups")
                .targetDBInstanceIdentifier("x").useLatestRestorableTime(true)), "PointInTimeRestoreNotEnabled", 400);
        Instant latest = rds.describeDBInstances(r -> r.dbInstanceIdentifier("ledger")).dbInstances().get(0).latestRestorableTime();
        fails(() -> rds.restoreDBInstanceToPointInTime(r -> r.sourceDBInstanceIdentifier("ledger")
                .targetDBInstanceIdentifier("x").restoreTime(latest.plusSeconds(3600))), "InvalidRestoreFault", 400);
        fails(() -> rds.restoreDBInstanceToPointInTime(r -> r.sourceDBInstanceIdentifier("ledger")
                .targetDBInstanceIdentifier("x").restoreTime(db.instanceCreateTime().minusSeconds(60))), "InvalidRestoreFault", 400);
        fails(() -> rds.restoreDBInstanceToPointInTime(r -> r.sourceDBInstanceIdentifier("ledger")
                .targetDBInstanceIdentifier("ledger").useLatestRestorableTime(true)), "DBInstanceAlreadyExists", 400);

        DBInstance restored = rds.restoreDBInstanceToPointInTime(r -> r.sourceDbiResourceId(db.dbiResourceId())
                .targetDBInstanceIdentifier("ledger-then").restoreTime(latest)).dbInstance();
        assertThat(restored.dbInstanceStatus()).isEqualTo("creating");
        assertThat(restored.engine()).isEqualTo("mysql");
        assertThat(restored.backupRetentionPeriod()).isEqualTo(3);
        assertThat(restored.statusInfos()).anySatisfy(info -> {
            assertThat(info.statusType()).isEqualTo("restore");
            assertThat(info.message()).startsWith("No automated snapshot with data was taken by"); // no server ran: nothing to restore
        });
    }

    @Test
    void aManualSnapshotIsSharedThroughItsRestoreAttribute() {
        create("shared-db", 1);
        rds.createDBSnapshot(r -> r.dbInstanceIdentifier("shared-db").dbSnapshotIdentifier("to-share"));
        cloudjar.advanceClock(Duration.ofMinutes(5)); // the snapshot's "creating" step
        DBSnapshotAttributesResult none = rds.describeDBSnapshotAttributes(r -> r.dbSnapshotIdentifier("to-share"))
                .dbSnapshotAttributesResult();
        assertThat(none.dbSnapshotIdentifier()).isEqualTo("to-share");
        assertThat(none.dbSnapshotAttributes()).singleElement().satisfies(a -> {
            assertThat(a.attributeName()).isEqualTo("restore");
            assertThat(a.attributeValues()).isEmpty();
        });
        DBSnapshotAttributesResult shared = rds.modifyDBSnapshotAttribute(r -> r.dbSnapshotIdentifier("to-share")
                .attributeName("restore").valuesToAdd("123456789012", "all")).dbSnapshotAttributesResult();
        assertThat(shared.dbSnapshotAttributes().get(0).attributeValues()).containsExactly("123456789012", "all");
        rds.modifyDBSnapshotAttribute(r -> r.dbSnapshotIdentifier("to-share").attributeName("restore").valuesToRemove("all"));
        assertThat(rds.describeDBSnapshotAttributes(r -> r.dbSnapshotIdentifier("to-share")).dbSnapshotAttributesResult()
                .dbSnapshotAttributes().get(0).attributeValues()).containsExactly("123456789012");

        fails(() -> rds.modifyDBSnapshotAttribute(r -> r.dbSnapshotIdentifier("to-share").attributeName("copy")
                .valuesToAdd("123456789012")), "InvalidParameterValue", 400);
        fails(() -> rds.modifyDBSnapshotAttribute(r -> r.dbSnapshotIdentifier("to-share").attributeName("restore")
                .valuesToAdd("everyone")), "InvalidParameterValue", 400);
        fails(() -> rds.modifyDBSnapshotAttribute(r -> r.dbSnapshotIdentifier("missing").attributeName("restore")
                .valuesToAdd("123456789012")), "DBSnapshotNotFound", 404);
        String auto = automated("shared-db").get(0).dbSnapshotIdentifier();
        fails(() -> rds.modifyDBSnapshotAttribute(r -> r.dbSnapshotIdentifier(auto).attributeName("restore")
                .valuesToAdd("123456789012")), "InvalidDBSnapshotState", 400);
        List<String> many = java.util.stream.IntStream.range(0, 21).mapToObj(i -> String.format("1234567890%02d", i)).toList();
        fails(() -> rds.modifyDBSnapshotAttribute(r -> r.dbSnapshotIdentifier("to-share").attributeName("restore")
                .valuesToAdd(many)), "SharedSnapshotQuotaExceeded", 400);
        rds.deleteDBSnapshot(r -> r.dbSnapshotIdentifier("to-share"));
        fails(() -> rds.describeDBSnapshotAttributes(r -> r.dbSnapshotIdentifier("to-share")), "DBSnapshotNotFound", 404);
    }
}
