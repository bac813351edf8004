package io.cloudjar.vpc;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A NAT gateway. Its state follows the emulator clock: {@code pending} until {@link #PROVISIONING} has
 * passed since creation, then {@code available}; after DeleteNatGateway {@code deleting}, then
 * {@code deleted}, and gone from Describe calls an hour later, as in AWS. A public gateway in a VPC without
 * an attached internet gateway reads {@code failed} ({@code Gateway.NotAttached}) once provisioning is over,
 * holds no interface or address, and goes an hour after failing.
 */
final class NatGatewayRecord extends Resource {
    static final Duration PROVISIONING = Duration.ofSeconds(1);
    static final Duration DELETING = Duration.ofSeconds(1);
    static final Duration VISIBLE_AFTER_DELETE = Duration.ofHours(1);

    final String vpcId;
    final String subnetId;
    final String connectivityType;
    final String allocationId;
    final String publicIp;
    final String networkInterfaceId;
    final String privateIp;
    final String associationId;
    final Instant createTime;
    /** Why provisioning fails (an EC2 error code and AWS's message), or null when it succeeds. */
    final String failureCode;
    final String failureMessage;
    Instant deleteTime;

    NatGatewayRecord(String id, String vpcId, String subnetId, String connectivityType, String allocationId,
                     String publicIp, String networkInterfaceId, String privateIp, String associationId,
                     Instant createTime, String failureCode, String failureMessage, Map<String, String> tags) {
        super(id, tags);
        this.vpcId = vpcId;
        this.subnetId = subnetId;
        this.connectivityType = connectivityType;
        this.allocationId = allocationId;
        this.publicIp = publicIp;
        this.networkInterfaceId = networkInterfaceId;
        this.privateIp = privateIp;
        this.associationId = associationId;
        this.createTime = createTime;
        this.failureCode = failureCode;
        this.failureMessage = failureMessage;
    }

    String state(Instant now) {
        if (deleteTime != null) {
            return now.isBefore(deleteTime.plus(DELETING)) ? "deleting" : "deleted";
        }
        if (now.isBefore(createTime.plus(PROVISIONING))) {
            return "pending";
        }
        return failed() ? "failed" : "available";
    }

    boolean failed() {
        return failureCode != null;
    }

    /** Deleted, or failed, long enough ago that AWS no longer lists it. */
    boolean expired(Instant now) {
        Instant ended = deleteTime != null ? deleteTime : failed() ? createTime.plus(PROVISIONING) : null;
        return ended != null && !now.isBefore(ended.plus(VISIBLE_AFTER_DELETE));
    }

    /** Counts as a live gateway (routes to it are active, its subnet and VPC cannot go). */
    boolean live() {
        return deleteTime == null && !failed();
    }
}
