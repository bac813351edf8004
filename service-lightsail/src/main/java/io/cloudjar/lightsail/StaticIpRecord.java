package io.cloudjar.lightsail;

import software.amazon.awssdk.services.lightsail.model.StaticIp;

/** A static IPv4 address of a region ({@code all} zones), attached to at most one instance. Static IPs have no tags. */
record StaticIpRecord(ResourceMeta meta, String ipAddress, String attachedTo) implements LightsailResource<StaticIpRecord> {
    @Override
    public StaticIpRecord withMeta(ResourceMeta newMeta) {
        return new StaticIpRecord(newMeta, ipAddress, attachedTo);
    }

    StaticIpRecord attachedTo(String instanceName) {
        return new StaticIpRecord(meta, ipAddress, instanceName);
    }

    StaticIp toSdk() {
        return StaticIp.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type())
                .ipAddress(ipAddress).attachedTo(attachedTo).isAttached(attachedTo != null)
                .build();
    }
}
