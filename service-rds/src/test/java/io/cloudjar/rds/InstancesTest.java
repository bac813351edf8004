package io.cloudjar.rds;

import static io.cloudjar.rds.RdsErrorsAssert.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/**
 * The DB instance API and its states on the emulator clock. MySQL instances here, with MariaDB turned off
 * (RDS_MARIADB_BIN=none), so these tests start no process (the instance says so in its status info).
 */
class InstancesTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension()
            .withEnv("RDS_MARIADB_BIN", "none"); // API behaviour only: no MariaDB process per mysql instance
    static RdsClient rds;
    static Ec2Client ec2;
    static TestNetwork net;

    @BeforeAll
    static void clients() {
        rds = cloudjar.client(RdsClient.builder());
        ec2 = cloudjar.client(Ec2Client.builder());
        net = TestNetwork.create(ec2);
        rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("private").dbSubnetGroupDescription("private subnets")
                .subnetIds(net.subnetIds().get(0), net.subnetIds().get(1)));
    }

    @AfterAll
    static void close() {
        rds.close();
        ec2.close();
    }

    private static DBInstance create(String id, Consumer<CreateDbInstanceRequest.Builder> more) {
        return rds.createDBInstance(r -> {
            r.dbInstanceIdentifier(id).engine("mysql").dbInstanceClass("db.t3.micro").allocatedStorage(20)
                    .masterUsername("admin").masterUserPassword("secret-pass1").dbSubnetGroupName("private")
                    .vpcSecurityGroupIds(net.securityGroupId());
            more.accept(r);
        }).dbInstance();
    }

    private static DBInstance describe(String id) {
        return rds.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0);
    }

    @Test
    void anInstanceIsCreatedInItsSubnetGroupAndBecomesAvailableOnTheClock() {
        DBInstance created = create("orders", r -> r.dbName("shop").backupRetentionPeriod(7).deletionProtection(false)
                .tags(t -> t.key("app").value("shop")));
        assertThat(created.dbInstanceStatus()).isEqualTo("creating");
        assertThat(created.endpoint()).isNull(); // no endpoint while creating, as on AWS
        assertThat(created.engineVersion()).isEqualTo("8.0.41"); // the engine's default version
        assertThat(created.dbSubnetGroup().vpcId()).isEqualTo(net.vpcId());
        assertThat(created.availabilityZone()).isIn("us-east-1a", "us-east-1b");
        assertThat(created.vpcSecurityGroups()).extracting(g -> g.vpcSecurityGroupId()).containsExactly(net.securityGroupId());
        assertThat(created.publiclyAccessible()).isFalse();
        assertThat(created.dbParameterGroups().get(0).dbParameterGroupName()).isEqualTo("default.mysql8.0");
        assertThat(created.dbInstanceArn()).isEqualTo("arn:aws:rds:us-east-1:000000000000:db:orders");
        assertThat(created.dbiResourceId()).matches("db-[A-Z2-7]{26}");
        assertThat(created.tagList()).extracting(t -> t.key()).containsExactly("app");

        cloudjar.advanceClock(Duration.ofSeconds(3)); // creating lasts 3 s (RdsTimings, RDS_TRANSITION_SCALE=1)
        assertThat(describe("orders").dbInstanceStatus()).isEqualTo("backing-up");
        cloudjar.advanceClock(Duration.ofSeconds(1));
        DBInstance available = describe("orders");
        assertThat(available.dbInstanceStatus()).isEqualTo("available");
        assertThat(available.endpoint().address()).isEqualTo("localhost");
        assertThat(available.endpoint().port()).isEqualTo(3306);
        assertThat(available.statusInfos()).anySatisfy(i -> assertThat(i.normal()).isFalse());

        fails(() -> create("orders", r -> { }), "DBInstanceAlreadyExists", 400);
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("orders").skipFinalSnapshot(true));
    }

    @Test
    void badInputGetsAwsErrors() {
        fails(() -> create("bad-class", r -> r.dbInstanceClass("db.x9.huge")), "InvalidParameterCombination", 400);
        fails(() -> create("bad-version", r -> r.engineVersion("5.1.0")), "InvalidParameterCombination", 400);
        fails(() -> create("bad-engine", r -> r.engine("dbase")), "InvalidParameterValue", 400);
        fails(() -> create("bad-storage", r -> r.allocatedStorage(5)), "InvalidParameterCombination", 400);
        fails(() -> create("bad-password", r -> r.masterUserPassword("short")), "InvalidParameterValue", 400);
        fails(() -> create("bad--id", r -> { }), "InvalidParameterValue", 400);
        fails(() -> create("no-group", r -> r.dbSubnetGroupName("nope")), "DBSubnetGroupNotFoundFault", 404);
        fails(() -> create("az-and-multi", r -> r.multiAZ(true).availabilityZone("us-east-1a")), "InvalidParameterCombination", 400);
        fails(() -> create("bad-sg", r -> r.vpcSecurityGroupIds("sg-0123456789abcdef0")), "InvalidParameterValue", 400);
        fails(() -> create("wrong-pg", r -> r.dbParameterGroupName("default.postgres16")), "InvalidParameterCombination", 400);
        fails(() -> describe("nobody"), "DBInstanceNotFound", 404);
        fails(() -> rds.describeDBInstances(r -> r.filters(f -> f.name("colour").values("x"))), "InvalidParameterValue", 400);
        assertThat(rds.describeDBInstances(r -> r.filters(f -> f.name("db-instance-id").values("bad-class"))).dbInstances()).isEmpty();
    }

    @Test
    void modificationsWaitUnlessAppliedImmediately() {
        create("modme", r -> { });
        fails(() -> rds.modifyDBInstance(r -> r.dbInstanceIdentifier("modme").dbInstanceClass("db.t3.small")), "InvalidDBInstanceState", 400);
        cloudjar.advanceClock(Duration.ofMinutes(6));
        DBInstance pending = rds.modifyDBInstance(r -> r.dbInstanceIdentifier("modme").dbInstanceClass("db.t3.small")
                .allocatedStorage(50).deletionProtection(true)).dbInstance();
        assertThat(pending.dbInstanceClass()).isEqualTo("db.t3.micro");
        assertThat(pending.pendingModifiedValues().dbInstanceClass()).isEqualTo("db.t3.small");
        assertThat(pending.pendingModifiedValues().allocatedStorage()).isEqualTo(50);
        assertThat(pending.deletionProtection()).isTrue(); // applied at once whatever ApplyImmediately says
        assertThat(pending.dbInstanceStatus()).isEqualTo("available");

        DBInstance applied = rds.modifyDBInstance(r -> r.dbInstanceIdentifier("modme").backupRetentionPeriod(3)
                .applyImmediately(true)).dbInstance();
        assertThat(applied.dbInstanceClass()).isEqualTo("db.t3.small"); // what was pending is applied too
        assertThat(applied.allocatedStorage()).isEqualTo(50);
        assertThat(applied.backupRetentionPeriod()).isEqualTo(3);
        assertThat(applied.pendingModifiedValues().dbInstanceClass()).isNull();
        assertThat(applied.dbInstanceStatus()).isEqualTo("modifying");
        cloudjar.advanceClock(Duration.ofMinutes(2));
        assertThat(describe("modme").dbInstanceStatus()).isEqualTo("available");

        String message = fails(() -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier("modme").skipFinalSnapshot(true)),
                "InvalidParameterCombination", 400);
        assertThat(message).contains("deletion protection");
        rds.modifyDBInstance(r -> r.dbInstanceIdentifier("modme").deletionProtection(false));
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("modme").skipFinalSnapshot(true));
    }

    @Test
    void stopStartAndReboot() {
        create("cycle", r -> { });
        cloudjar.advanceClock(Duration.ofMinutes(6));
        assertThat(rds.rebootDBInstance(r -> r.dbInstanceIdentifier("cycle")).dbInstance().dbInstanceStatus()).isEqualTo("rebooting");
        fails(() -> rds.stopDBInstance(r -> r.dbInstanceIdentifier("cycle")), "InvalidDBInstanceState", 400);
        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(rds.stopDBInstance(r -> r.dbInstanceIdentifier("cycle")).dbInstance().dbInstanceStatus()).isEqualTo("stopping");
        cloudjar.advanceClock(Duration.ofMinutes(2));
        assertThat(describe("cycle").dbInstanceStatus()).isEqualTo("stopped");
        fails(() -> rds.rebootDBInstance(r -> r.dbInstanceIdentifier("cycle")), "InvalidDBInstanceState", 400);
        assertThat(rds.startDBInstance(r -> r.dbInstanceIdentifier("cycle")).dbInstance().dbInstanceStatus()).isEqualTo("starting");
        fails(() -> rds.startDBInstance(r -> r.dbInstanceIdentifier("cycle")), "InvalidDBInstanceState", 400);
        cloudjar.advanceClock(Duration.ofMinutes(3));
        assertThat(describe("cycle").dbInstanceStatus()).isEqualTo("available");
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("cycle").skipFinalSnapshot(true));
    }

    @Test
    void deletingNeedsAFinalSnapshotOrSkippingIt() {
        create("gone", r -> r.allocatedStorage(30));
        cloudjar.advanceClock(Duration.ofMinutes(6));
        fails(() -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier("gone")), "InvalidParameterCombination", 400);
        fails(() -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier("gone").skipFinalSnapshot(true)
                .finalDBSnapshotIdentifier("x")), "InvalidParameterCombination", 400);
        DBInstance deleting = rds.deleteDBInstance(r -> r.dbInstanceIdentifier("gone").finalDBSnapshotIdentifier("gone-final")).dbInstance();
        assertThat(deleting.dbInstanceStatus()).isEqualTo("deleting");
        DBSnapshot last = rds.describeDBSnapshots(r -> r.dbSnapshotIdentifier("gone-final")).dbSnapshots().get(0);
        assertThat(last.dbInstanceIdentifier()).isEqualTo("gone");
        assertThat(last.allocatedStorage()).isEqualTo(30);
        assertThat(last.snapshotType()).isEqualTo("manual");
        cloudjar.advanceClock(Duration.ofMinutes(2));
        fails(() -> describe("gone"), "DBInstanceNotFound", 404);
        assertThat(rds.describeDBInstances().dbInstances()).extracting(DBInstance::dbInstanceIdentifier).doesNotContain("gone");
    }

    @Test
    void snapshotsCopyAndRestore() {
        create("source", r -> r.dbName("app"));
        fails(() -> rds.createDBSnapshot(r -> r.dbInstanceIdentifier("source").dbSnapshotIdentifier("early")), "InvalidDBInstanceState", 400);
        cloudjar.advanceClock(Duration.ofMinutes(6));
        DBSnapshot snap = rds.createDBSnapshot(r -> r.dbInstanceIdentifier("source").dbSnapshotIdentifier("snap1")).dbSnapshot();
        assertThat(snap.status()).isEqualTo("creating");
        assertThat(snap.dbSnapshotArn()).isEqualTo("arn:aws:rds:us-east-1:000000000000:snapshot:snap1");
        fails(() -> rds.createDBSnapshot(r -> r.dbInstanceIdentifier("source").dbSnapshotIdentifier("snap1")), "DBSnapshotAlreadyExists", 400);
        fails(() -> rds.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier("copy").dbSnapshotIdentifier("snap1")
                .dbInstanceClass("db.t3.micro")), "InvalidDBSnapshotState", 400);
        cloudjar.advanceClock(Duration.ofMinutes(2));
        assertThat(rds.copyDBSnapshot(r -> r.sourceDBSnapshotIdentifier(snap.dbSnapshotArn()).targetDBSnapshotIdentifier("snap2"))
                .dbSnapshot().sourceDBSnapshotIdentifier()).isEqualTo(snap.dbSnapshotArn());
        assertThat(rds.describeDBSnapshots(r -> r.dbInstanceIdentifier("source").snapshotType("manual")).dbSnapshots())
                .extracting(DBSnapshot::dbSnapshotIdentifier).containsExactly("snap1", "snap2");

        DBInstance restored = rds.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier("restored")
                .dbSnapshotIdentifier("snap1").dbInstanceClass("db.t3.small").dbSubnetGroupName("private")).dbInstance();
        assertThat(restored.dbInstanceStatus()).isEqualTo("creating");
        assertThat(restored.masterUsername()).isEqualTo("admin");
        assertThat(restored.dbName()).isEqualTo("app");
        assertThat(restored.dbInstanceClass()).isEqualTo("db.t3.small");
        fails(() -> rds.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier("restored2")
                .dbSnapshotIdentifier("nope").dbInstanceClass("db.t3.micro")), "DBSnapshotNotFound", 404);

        fails(() -> rds.deleteDBSnapshot(r -> r.dbSnapshotIdentifier("snap2")), "InvalidDBSnapshotState", 400); // still copying
        cloudjar.advanceClock(Duration.ofMinutes(2));
        assertThat(rds.deleteDBSnapshot(r -> r.dbSnapshotIdentifier("snap2")).dbSnapshot().status()).isEqualTo("deleted");
        fails(() -> rds.deleteDBSnapshot(r -> r.dbSnapshotIdentifier("snap2")), "DBSnapshotNotFound", 404);
        fails(() -> rds.deleteDBSubnetGroup(r -> r.dbSubnetGroupName("private")), "InvalidDBSubnetGroupStateFault", 400);
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("source").skipFinalSnapshot(true));
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("restored").skipFinalSnapshot(true));
    }

    @Test
    void describePagesAndTagsFollowTheArn() {
        for (int i = 0; i < 21; i++) {
            String id = String.format("page-%02d", i);
            create(id, r -> { });
        }
        var first = rds.describeDBInstances(r -> r.maxRecords(20).filters(f -> f.name("engine").values("mysql")));
        assertThat(first.dbInstances()).hasSize(20);
        assertThat(first.marker()).isNotNull();
        var rest = rds.describeDBInstances(r -> r.maxRecords(20).marker(first.marker()).filters(f -> f.name("engine").values("mysql")));
        assertThat(rest.dbInstances()).extracting(DBInstance::dbInstanceIdentifier).contains("page-20");
        fails(() -> rds.describeDBInstances(r -> r.maxRecords(5)), "InvalidParameterValue", 400);

        String arn = describe("page-00").dbInstanceArn();
        rds.addTagsToResource(r -> r.resourceName(arn).tags(t -> t.key("env").value("dev"), t -> t.key("owner").value("me")));
        rds.removeTagsFromResource(r -> r.resourceName(arn).tagKeys("owner"));
        assertThat(rds.listTagsForResource(r -> r.resourceName(arn)).tagList()).extracting(t -> t.key() + "=" + t.value())
                .containsExactly("env=dev");
        fails(() -> rds.listTagsForResource(r -> r.resourceName("arn:aws:rds:us-east-1:000000000000:db:ghost")), "DBInstanceNotFound", 404);
        fails(() -> rds.listTagsForResource(r -> r.resourceName("not-an-arn")), "InvalidParameterValue", 400);
        for (int i = 0; i < 21; i++) {
            String id = String.format("page-%02d", i);
            rds.deleteDBInstance(r -> r.dbInstanceIdentifier(id).skipFinalSnapshot(true));
        }
    }

    @Test
    void eventsHappenWhenTheClockReachesThem() {
        create("evented", r -> { });
        assertThat(rds.describeEvents(r -> r.sourceType("db-instance").sourceIdentifier("evented")).events()).isEmpty();
        cloudjar.advanceClock(Duration.ofMinutes(6));
        assertThat(rds.describeEvents(r -> r.sourceType("db-instance").sourceIdentifier("evented")).events())
                .extracting(e -> e.message()).containsExactly("DB instance created", "Backing up DB instance", "Finished DB Instance backup");
        rds.stopDBInstance(r -> r.dbInstanceIdentifier("evented"));
        cloudjar.advanceClock(Duration.ofMinutes(2));
        var events = rds.describeEvents(r -> r.sourceType("db-instance").sourceIdentifier("evented").eventCategories("notification")).events();
        assertThat(events).extracting(e -> e.message()).containsExactly("DB instance stopped");
        assertThat(events.get(0).sourceArn()).isEqualTo("arn:aws:rds:us-east-1:000000000000:db:evented");
        // the default window is the past hour
        cloudjar.advanceClock(Duration.ofMinutes(90));
        assertThat(rds.describeEvents(r -> r.sourceType("db-instance").sourceIdentifier("evented")).events()).isEmpty();
        assertThat(rds.describeEvents(r -> r.sourceType("db-instance").sourceIdentifier("evented").duration(24 * 60)).events()).hasSize(4);
        fails(() -> rds.describeEvents(r -> r.sourceIdentifier("evented")), "InvalidParameterCombination", 400);
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("evented").skipFinalSnapshot(true));
    }

    @Test
    void orderableOptionsListClassesPerVersion() {
        var options = rds.describeOrderableDBInstanceOptions(r -> r.engine("postgres").engineVersion("16.8")
                .dbInstanceClass("db.t3.micro")).orderableDBInstanceOptions();
        assertThat(options).extracting(o -> o.storageType()).containsExactly("gp2", "gp3", "io1", "io2", "standard");
        assertThat(options.get(0).minStorageSize()).isEqualTo(20);
        assertThat(options.get(0).licenseModel()).isEqualTo("postgresql-license");
        assertThat(options.get(0).multiAZCapable()).isTrue();
    }
}
