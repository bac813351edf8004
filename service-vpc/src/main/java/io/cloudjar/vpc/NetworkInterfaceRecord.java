package io.cloudjar.vpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network interface ({@code eni-}): private addresses from its subnet (the first is primary), a public
 * address per private address, security groups and an optional attachment to an instance.
 */
final class NetworkInterfaceRecord extends Resource {
    final String subnetId;
    final String vpcId;
    final String availabilityZone;
    final String ownerId;
    final String interfaceType;
    final String macAddress;
    /** Set for interfaces AWS manages for a service (NAT gateways, interface endpoints). */
    final String requesterId;
    String description;
    boolean sourceDestCheck = true;
    final List<String> groupIds = new ArrayList<>();
    /** Private address → its public address (null when it has none), primary first. */
    final Map<String, PublicAddress> privateIps = new LinkedHashMap<>();
    Attachment attachment;

    NetworkInterfaceRecord(String id, String subnetId, String vpcId, String availabilityZone, String ownerId,
                           String interfaceType, String macAddress, String requesterId, String description,
                           Map<String, String> tags) {
        super(id, tags);
        this.subnetId = subnetId;
        this.vpcId = vpcId;
        this.availabilityZone = availabilityZone;
        this.ownerId = ownerId;
        this.interfaceType = interfaceType;
        this.macAddress = macAddress;
        this.requesterId = requesterId;
        this.description = description;
    }

    String primaryIp() {
        return privateIps.keySet().iterator().next();
    }

    boolean requesterManaged() {
        return requesterId != null;
    }

    /** {@code in-use} while attached or managed by a service, else {@code available}. */
    String status() {
        return attachment != null || requesterManaged() ? "in-use" : "available";
    }

    String instanceId() {
        return attachment == null ? null : attachment.instanceId();
    }

    /**
     * A public address of one private address.
     *
     * @param allocationId  the Elastic IP's allocation; null for an Amazon-owned (auto-assigned) address
     * @param associationId the Elastic IP association; null for an auto-assigned address
     */
    record PublicAddress(String publicIp, String allocationId, String associationId) {
        boolean elastic() {
            return allocationId != null;
        }
    }

    record Attachment(String attachmentId, String instanceId, String instanceOwnerId, int deviceIndex,
                      Instant attachTime, boolean deleteOnTermination) {
    }
}
