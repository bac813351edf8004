package io.cloudjar.rds;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;

/**
 * The RDS errors Cloudjar answers, in one place: codes are the model's (so their HTTP status comes from it), the
 * messages are AWS's wording where it is known.
 */
final class RdsErrors {
    private RdsErrors() {
    }

    static AwsException invalidValue(String message, Object... args) {
        return AwsErrors.badRequest("InvalidParameterValue", message, args); // a common error: not in the model
    }

    static AwsException invalidCombination(String message, Object... args) {
        return AwsErrors.badRequest("InvalidParameterCombination", message, args);
    }

    static AwsException instanceNotFound(String id) {
        return AwsErrors.modeled("DBInstanceNotFound", "DBInstance %s not found.", id);
    }

    static AwsException instanceExists() {
        return AwsErrors.modeled("DBInstanceAlreadyExists", "DB instance already exists");
    }

    static AwsException instanceState(String id, String wanted) {
        return AwsErrors.modeled("InvalidDBInstanceState", "Instance %s is not in %s state.", id, wanted);
    }

    static AwsException subnetGroupNotFound(String name) {
        return AwsErrors.modeled("DBSubnetGroupNotFoundFault", "DBSubnetGroup %s not found.", name);
    }

    static AwsException subnetGroupExists(String name) {
        return AwsErrors.modeled("DBSubnetGroupAlreadyExists", "The DB subnet group '%s' already exists.", name);
    }

    static AwsException subnetGroupInUse(String name, String instanceId) {
        return AwsErrors.modeled("InvalidDBSubnetGroupStateFault",
                "Cannot delete the subnet group '%s' because at least one database instance: %s is still using it.", name, instanceId);
    }

    static AwsException parameterGroupNotFound(String name) {
        return AwsErrors.modeled("DBParameterGroupNotFound", "DBParameterGroup not found: %s", name);
    }

    static AwsException parameterGroupExists(String name) {
        return AwsErrors.modeled("DBParameterGroupAlreadyExists", "Parameter group %s already exists", name);
    }

    static AwsException snapshotNotFound(String id) {
        return AwsErrors.modeled("DBSnapshotNotFound", "DBSnapshot not found: %s", id);
    }

    static AwsException snapshotExists(String id) {
        return AwsErrors.modeled("DBSnapshotAlreadyExists",
                "Cannot create the snapshot because a snapshot with the identifier %s already exists.", id);
    }

    static AwsException snapshotState(String id, String wanted) {
        return AwsErrors.modeled("InvalidDBSnapshotState", "Snapshot %s is not in %s state.", id, wanted);
    }

    static AwsException clusterNotFound(String id) {
        return AwsErrors.modeled("DBClusterNotFoundFault", "DBCluster %s not found.", id);
    }

    static AwsException clusterExists() {
        return AwsErrors.modeled("DBClusterAlreadyExistsFault", "DB Cluster already exists");
    }

    static AwsException clusterState(String message, Object... args) {
        return AwsErrors.modeled("InvalidDBClusterStateFault", message, args);
    }

    static AwsException clusterParameterGroupNotFound(String name) {
        return AwsErrors.modeled("DBClusterParameterGroupNotFound", "DBClusterParameterGroup not found: %s", name);
    }

    static AwsException clusterSnapshotNotFound(String id) {
        return AwsErrors.modeled("DBClusterSnapshotNotFoundFault", "DBClusterSnapshot %s not found.", id);
    }

    static AwsException clusterSnapshotExists(String id) {
        return AwsErrors.modeled("DBClusterSnapshotAlreadyExistsFault",
                "Cannot create the snapshot because a snapshot with the identifier %s already exists.", id);
    }

    static AwsException clusterSnapshotState(String id, String wanted) {
        return AwsErrors.modeled("InvalidDBClusterSnapshotStateFault", "DBClusterSnapshot %s is not in %s state.", id, wanted);
    }

    /** An identifier's rules: AWS's own sentence, with the parameter's name. */
    static AwsException badIdentifier(String parameter) {
        return invalidValue("The parameter %s is not a valid identifier. Identifiers must begin with a letter; must"
                + " contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two"
                + " consecutive hyphens.", parameter);
    }
}
