package io.cloudjar.vpc;

import java.util.Map;

/** An internet gateway; attached to at most one VPC. */
final class InternetGatewayRecord extends Resource {
    final String ownerId;
    String vpcId;

    InternetGatewayRecord(String id, String ownerId, Map<String, String> tags) {
        super(id, tags);
        this.ownerId = ownerId;
    }
}
