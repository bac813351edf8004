package io.cloudjar.vpc;

import java.util.Map;

/** An egress-only internet gateway: IPv6 out, nothing in; belongs to one VPC from creation. */
final class EgressOnlyGatewayRecord extends Resource {
    final String vpcId;

    EgressOnlyGatewayRecord(String id, String vpcId, Map<String, String> tags) {
        super(id, tags);
        this.vpcId = vpcId;
    }
}
