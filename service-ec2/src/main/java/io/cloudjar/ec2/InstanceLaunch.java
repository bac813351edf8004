package io.cloudjar.ec2;

import java.time.Instant;

/**
 * What a launch fixed for the life of an instance: where it runs, what it was launched from and how.
 *
 * @param primaryInterfaceId the interface at device index 0, which RunInstances created (or was given)
 * @param autoPublicIp       whether the launch gave it an Amazon public address, which StartInstances renews
 * @param cpuCores           cores and threads per core, as CpuOptions reports them
 */
record InstanceLaunch(String instanceId, String reservationId, String ownerId, String imageId, String keyName,
                      Instant launchTime, int amiLaunchIndex, String availabilityZone, String zoneId, String subnetId,
                      String vpcId, String primaryInterfaceId, boolean autoPublicIp, String architecture,
                      String platform, String platformDetails, String usageOperation, String rootDeviceName,
                      String bootMode, String clientToken, String tenancy, int cpuCores, int threadsPerCore) {
}
