package io.cloudjar.rds;

import java.util.List;

/** What ModifyDBCluster changes on a cluster; the rest of {@link ClusterRecord} is fixed at creation. */
record ClusterSettings(String engineVersion, int backupRetention, boolean deletionProtection, String parameterGroupName,
                       List<String> securityGroupIds, String masterPassword, boolean copyTagsToSnapshot) {
}
