package io.cloudjar.app.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.RdsException;

/**
 * Aurora clusters under {@code ENFORCE_IAM=1}: a policy on {@code arn:aws:rds:...:cluster:team-*} lets a user make,
 * read (by identifier or by ARN) and delete those clusters and no other (aurora-mysql without MariaDB: no process).
 */
class RdsClusterEnforcementTest {
    private static final String CLUSTERS = "arn:aws:rds:us-east-1:000000000000:cluster:team-*";
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnv("ENFORCE_IAM", "1")
            .withEnv("RDS_MARIADB_BIN", "none");

    private final TestPrincipals principals = new TestPrincipals(cloudjar);

    @Test
    void aPolicyOnClusterArnsDecidesWhichClustersAUserManages() {
        try (IamClient root = cloudjar.client(IamClient.builder())) {
            AccessKey key = principals.user(root, "dba");
            root.putUserPolicy(r -> r.userName("dba").policyName("team-clusters").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"rds:CreateDBCluster\","
                            + "\"rds:DescribeDBClusters\",\"rds:DeleteDBCluster\"],\"Resource\":\"" + CLUSTERS + "\"}]}"));
            try (RdsClient rds = principals.as(RdsClient.builder(), key)) {
                rds.createDBCluster(r -> r.dbClusterIdentifier("team-a").engine("aurora-mysql").masterUsername("admin")
                        .masterUserPassword("secret-pass1"));
                RdsException denied = catchThrowableOfType(RdsException.class, () -> rds.createDBCluster(r -> r
                        .dbClusterIdentifier("other").engine("aurora-mysql").masterUsername("admin").masterUserPassword("secret-pass1")));
                assertThat(denied.statusCode()).isEqualTo(403);
                assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(denied.awsErrorDetails().errorMessage()).contains("rds:CreateDBCluster")
                        .contains("arn:aws:rds:us-east-1:000000000000:cluster:other");

                assertThat(rds.describeDBClusters(r -> r.dbClusterIdentifier("team-a")).dbClusters()).hasSize(1);
                assertThat(rds.describeDBClusters(r -> r.dbClusterIdentifier("arn:aws:rds:us-east-1:000000000000:cluster:team-a"))
                        .dbClusters()).hasSize(1); // an ARN is authorized as itself
                RdsException notOurs = catchThrowableOfType(RdsException.class,
                        () -> rds.deleteDBCluster(r -> r.dbClusterIdentifier("Other").skipFinalSnapshot(true)));
                assertThat(notOurs.statusCode()).isEqualTo(403); // denied before it is found: identifiers lower-cased
                assertThat(notOurs.awsErrorDetails().errorMessage()).contains("cluster:other");
                rds.deleteDBCluster(r -> r.dbClusterIdentifier("team-a").skipFinalSnapshot(true));
            }
        }
    }
}
