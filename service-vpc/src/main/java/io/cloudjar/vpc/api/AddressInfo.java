package io.cloudjar.vpc.api;

/**
 * An Elastic IP and where it is associated.
 *
 * @param networkInterfaceId null when not associated
 * @param instanceId         the instance the interface is attached to, or null
 */
public record AddressInfo(String allocationId, String publicIp, String associationId, String networkInterfaceId,
                          String privateIpAddress, String instanceId) {
}
