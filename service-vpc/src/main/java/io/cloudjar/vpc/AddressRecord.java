package io.cloudjar.vpc;

import java.util.Map;

/** An Elastic IP ({@code eipalloc-}), and the interface address it is associated with, if any. */
final class AddressRecord extends Resource {
    final String publicIp;
    final String networkBorderGroup;
    String associationId;
    String networkInterfaceId;
    String privateIpAddress;

    AddressRecord(String id, String publicIp, String networkBorderGroup, Map<String, String> tags) {
        super(id, tags);
        this.publicIp = publicIp;
        this.networkBorderGroup = networkBorderGroup;
    }

    boolean associated() {
        return associationId != null;
    }

    void disassociate() {
        associationId = null;
        networkInterfaceId = null;
        privateIpAddress = null;
    }
}
