package io.cloudjar.lightsail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The peering of the region's Lightsail VPC (named by its own VPC id) with the account's default EC2 VPC
 * ({@code peerVpcId}). At most one per account and region; it exists while peered.
 */
record PeeredVpcRecord(ResourceMeta meta, String peerVpcId) implements LightsailResource<PeeredVpcRecord> {
    @Override
    public PeeredVpcRecord withMeta(ResourceMeta newMeta) {
        return new PeeredVpcRecord(newMeta, peerVpcId);
    }

    /**
     * The id of the account's Lightsail VPC in the region: AWS runs it in an account of its own, so it is no VPC of
     * service-vpc; derived from account and region so that it stays the same across peer and unpeer.
     */
    static String lightsailVpcId(LightsailScope scope) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("lightsail-vpc/" + scope.account() + "/" + scope.region()).getBytes(StandardCharsets.UTF_8));
            return "vpc-" + HexFormat.of().formatHex(digest).substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
