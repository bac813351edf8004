package io.cloudjar.vpc;

import java.time.Instant;
import java.util.Map;

/**
 * A VPC peering connection ({@code pcx-}) between a requester VPC and an accepter VPC, possibly in another
 * account or region; it lives in {@link PeeringTable} so both sides see the same connection.
 */
final class PeeringRecord extends Resource {
    final Side requester;
    final Side accepter;
    final Instant expirationTime;
    volatile String status;
    volatile String message;
    volatile Instant deletedAt;
    /** Whether each side resolves the other's private DNS names (ModifyVpcPeeringConnectionOptions). */
    volatile boolean requesterDnsResolution;
    volatile boolean accepterDnsResolution;

    PeeringRecord(String id, Side requester, Side accepter, Instant expirationTime, String status, String message,
                  Map<String, String> tags) {
        super(id, tags);
        this.requester = requester;
        this.accepter = accepter;
        this.expirationTime = expirationTime;
        this.status = status;
        this.message = message;
    }

    boolean involves(String accountId, String region) {
        return requester.is(accountId, region) || accepter.is(accountId, region);
    }

    boolean active() {
        return "active".equals(status);
    }

    /** One end of the connection; {@code cidrBlock} is known once the VPC is found. */
    record Side(String ownerId, String vpcId, String region, String cidrBlock) {
        boolean is(String accountId, String inRegion) {
            return ownerId.equals(accountId) && region.equals(inRegion);
        }
    }
}
