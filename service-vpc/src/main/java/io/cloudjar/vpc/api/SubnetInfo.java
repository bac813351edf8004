package io.cloudjar.vpc.api;

/** A subnet as an instance launch sees it. */
public record SubnetInfo(String subnetId, String vpcId, String availabilityZone, String availabilityZoneId,
                         String cidrBlock, boolean mapPublicIpOnLaunch, boolean defaultForAz,
                         int availableIpAddressCount) {
}
