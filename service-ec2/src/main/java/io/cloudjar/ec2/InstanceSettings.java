package io.cloudjar.ec2;

/**
 * The attributes of an instance that calls may change after launch (ModifyInstanceAttribute,
 * ModifyInstanceMetadataOptions, Monitor/UnmonitorInstances, ModifyInstanceCreditSpecification).
 *
 * @param userData   base64, as given to RunInstances; null when none
 * @param cpuCredits {@code standard} or {@code unlimited} for burstable types, else null
 */
record InstanceSettings(String instanceType, String userData, boolean disableApiTermination, boolean disableApiStop,
                        String shutdownBehavior, boolean ebsOptimized, boolean monitoring, String cpuCredits,
                        MetadataOptions metadata) {

    InstanceSettings withInstanceType(String type, String credits) {
        return new InstanceSettings(type, userData, disableApiTermination, disableApiStop, shutdownBehavior, ebsOptimized,
                monitoring, credits, metadata);
    }

    InstanceSettings withUserData(String value) {
        return new InstanceSettings(instanceType, value, disableApiTermination, disableApiStop, shutdownBehavior,
                ebsOptimized, monitoring, cpuCredits, metadata);
    }

    InstanceSettings withDisableApiTermination(boolean value) {
        return new InstanceSettings(instanceType, userData, value, disableApiStop, shutdownBehavior, ebsOptimized,
                monitoring, cpuCredits, metadata);
    }

    InstanceSettings withDisableApiStop(boolean value) {
        return new InstanceSettings(instanceType, userData, disableApiTermination, value, shutdownBehavior, ebsOptimized,
                monitoring, cpuCredits, metadata);
    }

    InstanceSettings withShutdownBehavior(String value) {
        return new InstanceSettings(instanceType, userData, disableApiTermination, disableApiStop, value, ebsOptimized,
                monitoring, cpuCredits, metadata);
    }

    InstanceSettings withEbsOptimized(boolean value) {
        return new InstanceSettings(instanceType, userData, disableApiTermination, disableApiStop, shutdownBehavior, value,
                monitoring, cpuCredits, metadata);
    }

    InstanceSettings withMonitoring(boolean value) {
        return new InstanceSettings(instanceType, userData, disableApiTermination, disableApiStop, shutdownBehavior,
                ebsOptimized, value, cpuCredits, metadata);
    }

    InstanceSettings withCpuCredits(String value) {
        return new InstanceSettings(instanceType, userData, disableApiTermination, disableApiStop, shutdownBehavior,
                ebsOptimized, monitoring, value, metadata);
    }

    InstanceSettings withMetadata(MetadataOptions value) {
        return new InstanceSettings(instanceType, userData, disableApiTermination, disableApiStop, shutdownBehavior,
                ebsOptimized, monitoring, cpuCredits, value);
    }

    /**
     * The instance metadata service's options.
     *
     * @param httpTokens {@code optional} (IMDSv1 and v2) or {@code required} (v2 session tokens only)
     */
    record MetadataOptions(String httpTokens, int hopLimit, String httpEndpoint, String httpProtocolIpv6,
                           String instanceMetadataTags) {
        boolean enabled() {
            return httpEndpoint.equals("enabled");
        }
    }
}
