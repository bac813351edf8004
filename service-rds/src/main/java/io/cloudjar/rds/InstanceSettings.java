package io.cloudjar.rds;

import java.util.List;

/** What ModifyDBInstance may change on an instance; the rest of {@link InstanceRecord} is fixed at creation. */
record InstanceSettings(String engineVersion, String instanceClass, int allocatedStorage, String storageType,
                        int backupRetention, boolean multiAz, boolean publiclyAccessible, boolean deletionProtection,
                        String parameterGroupName, List<String> securityGroupIds, String masterPassword) {

    InstanceSettings withPassword(String password) {
        return new InstanceSettings(engineVersion, instanceClass, allocatedStorage, storageType, backupRetention,
                multiAz, publiclyAccessible, deletionProtection, parameterGroupName, securityGroupIds, password);
    }
}
