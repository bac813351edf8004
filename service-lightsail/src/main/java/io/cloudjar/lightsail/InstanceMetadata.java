package io.cloudjar.lightsail;

import java.time.Instant;
import software.amazon.awssdk.services.lightsail.model.HttpEndpoint;
import software.amazon.awssdk.services.lightsail.model.HttpProtocolIpv6;
import software.amazon.awssdk.services.lightsail.model.HttpTokens;
import software.amazon.awssdk.services.lightsail.model.InstanceMetadataOptions;
import software.amazon.awssdk.services.lightsail.model.InstanceMetadataState;

/**
 * An instance's metadata service settings (UpdateInstanceMetadataOptions): tokens optional or required (IMDSv2),
 * the endpoint on or off, the PUT response hop limit, the IPv6 endpoint. A change is {@code pending} until
 * {@code appliedAt}, then {@code applied}. New instances: tokens optional, endpoint enabled, hop limit 1, IPv6 off.
 */
record InstanceMetadata(HttpTokens httpTokens, HttpEndpoint httpEndpoint, int hopLimit, HttpProtocolIpv6 httpProtocolIpv6,
                        Instant appliedAt) {

    static InstanceMetadata defaults(Instant at) {
        return new InstanceMetadata(HttpTokens.OPTIONAL, HttpEndpoint.ENABLED, 1, HttpProtocolIpv6.DISABLED, at);
    }

    InstanceMetadataOptions toSdk(Instant now) {
        return InstanceMetadataOptions.builder()
                .state(now.isBefore(appliedAt) ? InstanceMetadataState.PENDING : InstanceMetadataState.APPLIED)
                .httpTokens(httpTokens).httpEndpoint(httpEndpoint).httpPutResponseHopLimit(hopLimit)
                .httpProtocolIpv6(httpProtocolIpv6).build();
    }
}
