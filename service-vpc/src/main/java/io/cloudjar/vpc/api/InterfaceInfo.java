package io.cloudjar.vpc.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a network interface with what DescribeInstances shows of it ({@code networkInterfaceSet}).
 *
 * @param association the public address of the primary private address, or null
 * @param attachment  null when not attached
 * @param status      {@code available} or {@code in-use}
 */
public record InterfaceInfo(String networkInterfaceId, String subnetId, String vpcId, String availabilityZone,
                            String ownerId, String description, String interfaceType, String macAddress,
                            String privateIpAddress, String privateDnsName, List<PrivateIp> privateIpAddresses,
                            List<SecurityGroupInfo> groups, boolean sourceDestCheck, String status,
                            PublicIp association, Attachment attachment, Map<String, String> tags) {

    /** One private address of the interface and its public address, if any. */
    public record PrivateIp(String privateIpAddress, String privateDnsName, boolean primary, PublicIp association) {
    }

    /**
     * @param ipOwnerId    {@code amazon} for an auto-assigned address, the account id for an Elastic IP
     * @param allocationId the Elastic IP's allocation id; null for an auto-assigned address
     */
    public record PublicIp(String publicIp, String publicDnsName, String ipOwnerId, String allocationId,
                           String associationId) {
    }

    /** @param status {@code attached} (attachments take effect at once here) */
    public record Attachment(String attachmentId, String instanceId, String instanceOwnerId, int deviceIndex,
                             String status, Instant attachTime, boolean deleteOnTermination) {
    }
}
