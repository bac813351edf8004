package io.cloudjar.rds;

import static io.cloudjar.rds.RdsErrorsAssert.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterMember;
import software.amazon.awssdk.services.rds.model.DBEngineVersion;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Parameter;

/**
 * The Aurora DB cluster API and its states on the emulator clock, with aurora-mysql and MariaDB turned off
 * (RDS_MARIADB_BIN=none), so no process starts: the engines' own tests are AuroraPostgresClusterTest and
 * AuroraMySqlClusterTest.
 */
class ClustersTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("RDS_MARIADB_BIN", "none");
    static RdsClient rds;
    static Ec2Client ec2;
    static TestNetwork net;

    @BeforeAll
    static void clients() {
        rds = cloudjar.client(RdsClient.builder());
        ec2 = cloudjar.client(Ec2Client.builder());
        net = TestNetwork.create(ec2);
        rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("aurora-private").dbSubnetGroupDescription("private subnets")
                .subnetIds(net.subnetIds().get(0), net.subnetIds().get(1)));
    }

    @AfterAll
    static void close() {
        rds.close();
        ec2.close();
    }

    private static DBCluster cluster(String id) {
        return rds.describeDBClusters(r -> r.dbClusterIdentifier(id)).dbClusters().get(0);
    }

    private static DBCluster create(String id) {
        return rds.createDBCluster(r -> r.dbClusterIdentifier(id).engine("aurora-mysql").masterUsername("admin")
                .masterUserPassword("secret-pass1").databaseName("shop").dbSubnetGroupName("aurora-private")
                .vpcSecurityGroupIds(net.securityGroupId())).dbCluster();
    }

    private static DBInstance instance(String id, String cluster) {
        return rds.createDBInstance(r -> r.dbInstanceIdentifier(id).dbClusterIdentifier(cluster).engine("aurora-mysql")
                .dbInstanceClass("db.r6g.large")).dbInstance();
    }

    @Test
    void auroraEnginesHaveRealVersionsAndAuroraClasses() {
        List<DBEngineVersion> mysql = rds.describeDBEngineVersions(r -> r.engine("aurora-mysql")).dbEngineVersions();
        assertThat(mysql).extracting(DBEngineVersion::engineVersion).contains("8.0.mysql_aurora.3.05.2", "8.0.mysql_aurora.3.08.2");
        assertThat(mysql.get(0).dbParameterGroupFamily()).isEqualTo("aurora-mysql8.0");
        assertThat(mysql.get(0).supportedEngineModes()).containsExactly("provisioned");
        assertThat(rds.describeDBEngineVersions(r -> r.engine("aurora-postgresql").engineVersion("16")).dbEngineVersions())
                .extracting(DBEngineVersion::dbParameterGroupFamily).containsOnly("aurora-postgresql16");
        assertThat(rds.describeDBEngineVersions(r -> r.engine("aurora-postgresql").defaultOnly(true)).dbEngineVersions())
                .extracting(DBEngineVersion::engineVersion).containsExactly("16.6");
        var options = rds.describeOrderableDBInstanceOptions(r -> r.engine("aurora-postgresql").engineVersion("16.6")
                .maxRecords(1000)).orderableDBInstanceOptions();
        assertThat(options).extracting(o -> o.dbInstanceClass()).contains("db.r6g.large", "db.t4g.medium", "db.serverless")
                .doesNotContain("db.t3.micro");
        assertThat(options).extracting(o -> o.storageType()).containsOnly("aurora", "aurora-iopt1");
        assertThat(options.get(0).supportsClusters()).isTrue();
    }

    @Test
    void aClusterWithAWriterAndAReaderBecomesAvailableOnTheClock() {
        DBCluster created = rds.createDBCluster(r -> r.dbClusterIdentifier("Shop").engine("aurora-mysql")
                .masterUsername("admin").masterUserPassword("secret-pass1").databaseName("shop")
                .dbSubnetGroupName("aurora-private").vpcSecurityGroupIds(net.securityGroupId()).backupRetentionPeriod(7)
                .storageEncrypted(true).tags(t -> t.key("team").value("web"))).dbCluster();
        assertThat(created.status()).isEqualTo("creating");
        assertThat(created.dbClusterIdentifier()).isEqualTo("shop");
        assertThat(created.dbClusterArn()).isEqualTo("arn:aws:rds:us-east-1:000000000000:cluster:shop");
        assertThat(created.dbClusterResourceId()).matches("cluster-[A-Z2-7]{26}");
        assertThat(created.engineVersion()).isEqualTo("8.0.mysql_aurora.3.08.2");
        assertThat(created.port()).isEqualTo(3306); // no server (RDS_MARIADB_BIN=none): the port asked for
        assertThat(created.endpoint()).isEqualTo("localhost");
        assertThat(created.readerEndpoint()).isEqualTo("127.0.0.2");
        assertThat(created.dbSubnetGroup()).isEqualTo("aurora-private");
        assertThat(created.availabilityZones()).containsExactly("us-east-1a", "us-east-1b");
        assertThat(created.dbClusterParameterGroup()).isEqualTo("default.aurora-mysql8.0");
        assertThat(created.vpcSecurityGroups()).extracting(g -> g.vpcSecurityGroupId()).containsExactly(net.securityGroupId());
        assertThat(created.storageEncrypted()).isTrue();
        assertThat(created.kmsKeyId()).startsWith("arn:aws:kms:us-east-1:000000000000:");
        assertThat(created.backupRetentionPeriod()).isEqualTo(7);
        assertThat(created.tagList()).extracting(t -> t.key()).containsExactly("team");
        assertThat(created.dbClusterMembers()).isEmpty();
        fails(() -> instance("shop-1", "shop"), "InvalidDBClusterStateFault", 400); // not available yet

        cloudjar.advanceClock(Duration.ofSeconds(4));
        assertThat(cluster("shop").status()).isEqualTo("available");
        DBInstance writer = instance("shop-1", "shop");
        assertThat(writer.dbClusterIdentifier()).isEqualTo("shop");
        assertThat(writer.storageType()).isEqualTo("aurora");
        assertThat(writer.dbSubnetGroup().vpcId()).isEqualTo(net.vpcId());
        assertThat(writer.masterUsername()).isEqualTo("admin");
        assertThat(writer.dbParameterGroups().get(0).dbParameterGroupName()).isEqualTo("default.aurora-mysql8.0");
        instance("shop-2", "shop");
        List<DBClusterMember> members = cluster("shop").dbClusterMembers();
        assertThat(members).extracting(DBClusterMember::dbInstanceIdentifier).containsExactly("shop-1", "shop-2");
        assertThat(members).extracting(DBClusterMember::isClusterWriter).containsExactly(true, false);
        assertThat(rds.describeDBInstances(r -> r.filters(f -> f.name("db-cluster-id").values("shop"))).dbInstances())
                .extracting(DBInstance::dbInstanceIdentifier).containsExactly("shop-1", "shop-2");
        assertThat(rds.describeDBClusterEndpoints(r -> r.dbClusterIdentifier("shop")).dbClusterEndpoints())
                .extracting(e -> e.endpointType() + " " + e.endpoint()).containsExactly("WRITER localhost", "READER 127.0.0.2");

        // a failover makes the reader the writer
        cloudjar.advanceClock(Duration.ofMinutes(1));
        DBCluster failing = rds.failoverDBCluster(r -> r.dbClusterIdentifier("shop")).dbCluster();
        assertThat(failing.status()).isEqualTo("failing-over");
        assertThat(failing.dbClusterMembers()).filteredOn(DBClusterMember::isClusterWriter)
                .extracting(DBClusterMember::dbInstanceIdentifier).containsExactly("shop-2");
        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(cluster("shop").status()).isEqualTo("available");
        fails(() -> rds.failoverDBCluster(r -> r.dbClusterIdentifier("shop").targetDBInstanceIdentifier("shop-2")),
                "InvalidParameterValue", 400); // the writer is no reader to fail over to

        // no cluster deletion while instances remain; deleting the writer hands the cluster to the reader
        fails(() -> rds.deleteDBCluster(r -> r.dbClusterIdentifier("shop").skipFinalSnapshot(true)), "InvalidDBClusterStateFault", 400);
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-2")); // no final-snapshot choice for a member
        assertThat(cluster("shop").dbClusterMembers()).filteredOn(DBClusterMember::isClusterWriter)
                .extracting(DBClusterMember::dbInstanceIdentifier).containsExactly("shop-1");
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-1"));
        cloudjar.advanceClock(Duration.ofMinutes(2));
        assertThat(cluster("shop").dbClusterMembers()).isEmpty();
        DBCluster deleting = rds.deleteDBCluster(r -> r.dbClusterIdentifier("shop").skipFinalSnapshot(true)).dbCluster();
        assertThat(deleting.status()).isEqualTo("deleting");
        cloudjar.advanceClock(Duration.ofMinutes(2));
        fails(() -> cluster("shop"), "DBClusterNotFoundFault", 404);
        assertThat(rds.describeEvents(r -> r.sourceType("db-cluster").sourceIdentifier("shop")).events())
                .extracting(e -> e.message()).contains("DB cluster created", "Completed failover to DB instance: shop-2",
                        "DB cluster deleted");
    }

    @Test
    void memberInstancesTakeWhatBelongsToTheClusterFromIt() {
        create("members");
        cloudjar.advanceClock(Duration.ofSeconds(4));
        String message = fails(() -> rds.createDBInstance(r -> r.dbInstanceIdentifier("m-1").dbClusterIdentifier("members")
                .engine("aurora-mysql").dbInstanceClass("db.r6g.large").masterUsername("admin")), "InvalidParameterCombination", 400);
        assertThat(message).isEqualTo("The requested DB Instance will be a member of a DB Cluster. Set master user name for the DB Cluster.");
        fails(() -> rds.createDBInstance(r -> r.dbInstanceIdentifier("m-1").dbClusterIdentifier("members")
                .engine("aurora-mysql").dbInstanceClass("db.r6g.large").allocatedStorage(20)), "InvalidParameterCombination", 400);
        fails(() -> rds.createDBInstance(r -> r.dbInstanceIdentifier("m-1").dbClusterIdentifier("members")
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.large")), "InvalidParameterCombination", 400);
        fails(() -> rds.createDBInstance(r -> r.dbInstanceIdentifier("m-1").dbClusterIdentifier("members")
                .engine("aurora-mysql").dbInstanceClass("db.t3.micro")), "InvalidParameterCombination", 400); // not an Aurora class
        fails(() -> rds.createDBInstance(r -> r.dbInstanceIdentifier("m-1").dbClusterIdentifier("nowhere")
                .engine("aurora-mysql").dbInstanceClass("db.r6g.large")), "DBClusterNotFoundFault", 404);
        fails(() -> rds.createDBInstance(r -> r.dbInstanceIdentifier("m-1").engine("aurora-mysql").dbInstanceClass("db.r6g.large")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("secret-pass1")), "InvalidParameterCombination", 400);
        fails(() -> rds.createDBInstance(r -> r.dbInstanceIdentifier("m-1").dbClusterIdentifier("members")
                .engine("aurora-mysql").dbInstanceClass("db.serverless")), "InvalidParameterCombination", 400); // no capacity range
        fails(() -> rds.modifyDBCluster(r -> r.dbClusterIdentifier("members")
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(8.0).maxCapacity(4.0))), "InvalidParameterValue", 400);
        DBCluster scaled = rds.modifyDBCluster(r -> r.dbClusterIdentifier("members")
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(4.0))).dbCluster();
        assertThat(scaled.serverlessV2ScalingConfiguration().maxCapacity()).isEqualTo(4.0);
        rds.createDBInstance(r -> r.dbInstanceIdentifier("m-1").dbClusterIdentifier("members").engine("aurora-mysql")
                .dbInstanceClass("db.serverless"));
        cloudjar.advanceClock(Duration.ofSeconds(10));
        fails(() -> rds.stopDBInstance(r -> r.dbInstanceIdentifier("m-1")), "InvalidDBInstanceState", 400);
        fails(() -> rds.createDBSnapshot(r -> r.dbInstanceIdentifier("m-1").dbSnapshotIdentifier("m-1-snap")), "InvalidDBInstanceState", 400);
        fails(() -> rds.restoreDBInstanceToPointInTime(r -> r.sourceDBInstanceIdentifier("m-1").targetDBInstanceIdentifier("m-copy")
                .useLatestRestorableTime(true)), "InvalidDBInstanceState", 400);
        fails(() -> rds.createDBInstanceReadReplica(r -> r.sourceDBInstanceIdentifier("m-1").dbInstanceIdentifier("m-replica")),
                "InvalidDBInstanceState", 400);
        fails(() -> rds.modifyDBInstance(r -> r.dbInstanceIdentifier("m-1").masterUserPassword("other-pass1")),
                "InvalidParameterCombination", 400);
        fails(() -> rds.failoverDBCluster(r -> r.dbClusterIdentifier("members")), "InvalidDBClusterStateFault", 400); // no reader
        DBInstance resized = rds.modifyDBInstance(r -> r.dbInstanceIdentifier("m-1").dbInstanceClass("db.r6g.xlarge")
                .applyImmediately(true)).dbInstance();
        assertThat(resized.dbInstanceClass()).isEqualTo("db.r6g.xlarge");
        assertThat(resized.dbInstanceStatus()).isEqualTo("modifying");
        cloudjar.advanceClock(Duration.ofMinutes(1));
        rds.rebootDBInstance(r -> r.dbInstanceIdentifier("m-1"));

        // the cluster stops and starts with its instances
        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(rds.stopDBCluster(r -> r.dbClusterIdentifier("members")).dbCluster().status()).isEqualTo("stopping");
        fails(() -> rds.stopDBCluster(r -> r.dbClusterIdentifier("members")), "InvalidDBClusterStateFault", 400);
        cloudjar.advanceClock(Duration.ofMinutes(5));
        assertThat(cluster("members").status()).isEqualTo("stopped");
        assertThat(rds.describeDBInstances(r -> r.dbInstanceIdentifier("m-1")).dbInstances().get(0).dbInstanceStatus()).isEqualTo("stopped");
        rds.startDBCluster(r -> r.dbClusterIdentifier("members"));
        cloudjar.advanceClock(Duration.ofMinutes(5));
        assertThat(cluster("members").status()).isEqualTo("available");
        assertThat(rds.describeDBInstances(r -> r.dbInstanceIdentifier("m-1")).dbInstances().get(0).dbInstanceStatus()).isEqualTo("available");
    }

    @Test
    void modifyAppliesRetentionAtOnceAndThePasswordAndNameWithApplyImmediately() {
        create("mod");
        cloudjar.advanceClock(Duration.ofSeconds(4));
        DBCluster modified = rds.modifyDBCluster(r -> r.dbClusterIdentifier("mod").backupRetentionPeriod(14)
                .deletionProtection(true).masterUserPassword("new-secret-1")).dbCluster();
        assertThat(modified.backupRetentionPeriod()).isEqualTo(14);
        assertThat(modified.deletionProtection()).isTrue();
        assertThat(modified.pendingModifiedValues().masterUserPassword()).isEqualTo("****");
        cloudjar.advanceClock(Duration.ofMinutes(1));
        fails(() -> rds.deleteDBCluster(r -> r.dbClusterIdentifier("mod").skipFinalSnapshot(true)), "InvalidParameterCombination", 400);
        fails(() -> rds.modifyDBCluster(r -> r.dbClusterIdentifier("mod").backupRetentionPeriod(0)), "InvalidParameterValue", 400);
        DBCluster renamed = rds.modifyDBCluster(r -> r.dbClusterIdentifier("mod").newDBClusterIdentifier("mod-2")
                .deletionProtection(false).applyImmediately(true)).dbCluster();
        assertThat(renamed.dbClusterIdentifier()).isEqualTo("mod-2");
        assertThat(renamed.dbClusterArn()).endsWith(":cluster:mod-2");
        assertThat(renamed.pendingModifiedValues()).isNull();
        fails(() -> cluster("mod"), "DBClusterNotFoundFault", 404);
        cloudjar.advanceClock(Duration.ofMinutes(1));

        // a final snapshot is required unless skipped, and is a cluster snapshot
        fails(() -> rds.deleteDBCluster(r -> r.dbClusterIdentifier("mod-2")), "InvalidParameterCombination", 400);
        rds.deleteDBCluster(r -> r.dbClusterIdentifier("mod-2").finalDBSnapshotIdentifier("mod-final"));
        assertThat(rds.describeDBClusterSnapshots(r -> r.dbClusterSnapshotIdentifier("mod-final")).dbClusterSnapshots().get(0)
                .dbClusterIdentifier()).isEqualTo("mod-2");
    }

    @Test
    void describeFiltersAndPagesClusters() {
        for (int i = 0; i < 22; i++) {
            String id = String.format("page-%02d", i);
            rds.createDBCluster(r -> r.dbClusterIdentifier(id).engine("aurora-mysql").masterUsername("admin")
                    .masterUserPassword("secret-pass1"));
        }
        var first = rds.describeDBClusters(r -> r.maxRecords(20).filters(f -> f.name("engine").values("aurora-mysql")));
        assertThat(first.dbClusters()).hasSize(20);
        var rest = rds.describeDBClusters(r -> r.maxRecords(20).marker(first.marker())
                .filters(f -> f.name("engine").values("aurora-mysql")));
        assertThat(rest.dbClusters().size()).isGreaterThanOrEqualTo(2);
        assertThat(rds.describeDBClusters(r -> r.filters(f -> f.name("db-cluster-id").values("page-03", "page-07"))).dbClusters())
                .extracting(DBCluster::dbClusterIdentifier).containsExactly("page-03", "page-07");
        assertThat(rds.describeDBClusters(r -> r.dbClusterIdentifier("arn:aws:rds:us-east-1:000000000000:cluster:page-01"))
                .dbClusters()).hasSize(1);
        fails(() -> rds.describeDBClusters(r -> r.filters(f -> f.name("cluster-name").values("x"))), "InvalidParameterValue", 400);
        fails(() -> rds.createDBCluster(r -> r.dbClusterIdentifier("page-01").engine("aurora-mysql").masterUsername("admin")
                .masterUserPassword("secret-pass1")), "DBClusterAlreadyExistsFault", 400);
        fails(() -> rds.createDBCluster(r -> r.dbClusterIdentifier("bad").engine("aurora-mysql").masterUsername("admin")),
                "InvalidParameterValue", 400);
        fails(() -> rds.createDBCluster(r -> r.dbClusterIdentifier("bad").engine("mysql").masterUsername("admin")
                .masterUserPassword("secret-pass1")), "InvalidParameterCombination", 400);
        fails(() -> rds.createDBCluster(r -> r.dbClusterIdentifier("bad").engine("aurora-mysql").masterUsername("admin")
                .masterUserPassword("secret-pass1").engineVersion("5.7.1")), "InvalidParameterCombination", 400);
        fails(() -> rds.createDBCluster(r -> r.dbClusterIdentifier("bad").engine("aurora-mysql").masterUsername("admin")
                .masterUserPassword("secret-pass1").dbClusterParameterGroupName("nope")), "DBClusterParameterGroupNotFound", 404);
        fails(() -> rds.deleteDBCluster(r -> r.dbClusterIdentifier("nope").skipFinalSnapshot(true)), "DBClusterNotFoundFault", 404);
        // tags on the cluster's ARN
        String arn = "arn:aws:rds:us-east-1:000000000000:cluster:page-02";
        rds.addTagsToResource(r -> r.resourceName(arn).tags(t -> t.key("env").value("dev")));
        assertThat(rds.listTagsForResource(r -> r.resourceName(arn)).tagList()).extracting(t -> t.key()).containsExactly("env");
        fails(() -> rds.listTagsForResource(r -> r.resourceName("arn:aws:rds:us-east-1:000000000000:cluster:nope")),
                "DBClusterNotFoundFault", 404);
    }

    @Test
    void clusterParameterGroupsHaveTheirFamiliesDefaults() {
        List<Parameter> defaults = rds.describeEngineDefaultClusterParameters(r -> r.dbParameterGroupFamily("aurora-postgresql16"))
                .engineDefaults().parameters();
        assertThat(defaults).extracting(Parameter::parameterName).contains("rds.force_ssl", "timezone");
        fails(() -> rds.describeEngineDefaultClusterParameters(r -> r.dbParameterGroupFamily("postgres16")), "InvalidParameterValue", 400);
        rds.createDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("shop-cluster").dbParameterGroupFamily("aurora-mysql8.0")
                .description("shop"));
        fails(() -> rds.createDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("shop-cluster")
                .dbParameterGroupFamily("aurora-mysql8.0").description("shop")), "DBParameterGroupAlreadyExists", 400);
        rds.modifyDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("shop-cluster").parameters(p -> p
                .parameterName("server_audit_logging").parameterValue("1").applyMethod("immediate")));
        fails(() -> rds.modifyDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("shop-cluster").parameters(p -> p
                .parameterName("binlog_format").parameterValue("ROW").applyMethod("immediate"))), "InvalidParameterCombination", 400);
        assertThat(rds.describeDBClusterParameters(r -> r.dbClusterParameterGroupName("shop-cluster").source("user")).parameters())
                .extracting(p -> p.parameterName() + "=" + p.parameterValue()).containsExactly("server_audit_logging=1");
        fails(() -> rds.modifyDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("default.aurora-mysql8.0").parameters(p -> p
                .parameterName("server_audit_logging").parameterValue("1").applyMethod("immediate"))), "InvalidParameterValue", 400);
        rds.createDBCluster(r -> r.dbClusterIdentifier("grouped").engine("aurora-mysql").masterUsername("admin")
                .masterUserPassword("secret-pass1").dbClusterParameterGroupName("shop-cluster"));
        assertThat(cluster("grouped").dbClusterParameterGroup()).isEqualTo("shop-cluster");
        fails(() -> rds.deleteDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("shop-cluster")), "InvalidDBParameterGroupState", 400);
        rds.resetDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("shop-cluster").resetAllParameters(true));
        assertThat(rds.describeDBClusterParameters(r -> r.dbClusterParameterGroupName("shop-cluster").source("user")).parameters()).isEmpty();
        fails(() -> rds.createDBCluster(r -> r.dbClusterIdentifier("wrong-family").engine("aurora-postgresql").masterUsername("master")
                .masterUserPassword("secret-pass1").dbClusterParameterGroupName("shop-cluster")), "InvalidParameterCombination", 400);
        assertThat(rds.describeDBClusterParameterGroups(r -> r.dbClusterParameterGroupName("default.aurora-postgresql16"))
                .dbClusterParameterGroups().get(0).dbParameterGroupFamily()).isEqualTo("aurora-postgresql16");
        fails(() -> rds.describeDBClusterParameterGroups(r -> r.dbClusterParameterGroupName("nope")), "DBClusterParameterGroupNotFound", 404);
    }

    @Test
    void clusterSnapshotsAreCopiedDeletedAndRestored() {
        create("snapped");
        fails(() -> rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier("snapped").dbClusterSnapshotIdentifier("s1")),
                "InvalidDBClusterStateFault", 400); // still creating
        cloudjar.advanceClock(Duration.ofSeconds(4));
        var snapshot = rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier("snapped").dbClusterSnapshotIdentifier("s1")).dbClusterSnapshot();
        assertThat(snapshot.status()).isEqualTo("creating");
        assertThat(snapshot.dbClusterSnapshotArn()).isEqualTo("arn:aws:rds:us-east-1:000000000000:cluster-snapshot:s1");
        assertThat(snapshot.engine()).isEqualTo("aurora-mysql");
        fails(() -> rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier("snapped").dbClusterSnapshotIdentifier("s1")),
                "DBClusterSnapshotAlreadyExistsFault", 400);
        cloudjar.advanceClock(Duration.ofMinutes(2));
        rds.copyDBClusterSnapshot(r -> r.sourceDBClusterSnapshotIdentifier("s1").targetDBClusterSnapshotIdentifier("s1-copy"));
        assertThat(rds.describeDBClusterSnapshots(r -> r.dbClusterIdentifier("snapped").snapshotType("manual")).dbClusterSnapshots())
                .extracting(s -> s.dbClusterSnapshotIdentifier()).containsExactly("s1", "s1-copy");
        // automated ones: at creation, then daily at 03:00 UTC, kept for the retention period (1 day here)
        var automated = rds.describeDBClusterSnapshots(r -> r.dbClusterIdentifier("snapped").snapshotType("automated")).dbClusterSnapshots();
        assertThat(automated).hasSize(1);
        assertThat(automated.get(0).dbClusterSnapshotIdentifier()).startsWith("rds:snapped-");
        fails(() -> rds.deleteDBClusterSnapshot(r -> r.dbClusterSnapshotIdentifier(automated.get(0).dbClusterSnapshotIdentifier())),
                "InvalidDBClusterSnapshotStateFault", 400);
        cloudjar.advanceClock(Duration.ofDays(3));
        var later = rds.describeDBClusterSnapshots(r -> r.dbClusterIdentifier("snapped").snapshotType("automated")).dbClusterSnapshots();
        assertThat(later).hasSize(1).noneMatch(s -> s.dbClusterSnapshotIdentifier().equals(automated.get(0).dbClusterSnapshotIdentifier()));
        cloudjar.advanceClock(Duration.ofMinutes(2));
        DBCluster restored = rds.restoreDBClusterFromSnapshot(r -> r.dbClusterIdentifier("restored").snapshotIdentifier("s1-copy")
                .engine("aurora-mysql").dbSubnetGroupName("aurora-private")).dbCluster();
        assertThat(restored.masterUsername()).isEqualTo("admin");
        assertThat(restored.databaseName()).isEqualTo("shop");
        fails(() -> rds.restoreDBClusterFromSnapshot(r -> r.dbClusterIdentifier("restored-2").snapshotIdentifier("nope")
                .engine("aurora-mysql")), "DBClusterSnapshotNotFoundFault", 404);
        rds.deleteDBClusterSnapshot(r -> r.dbClusterSnapshotIdentifier("s1"));
        fails(() -> rds.deleteDBClusterSnapshot(r -> r.dbClusterSnapshotIdentifier("s1")), "DBClusterSnapshotNotFoundFault", 404);
    }
}
