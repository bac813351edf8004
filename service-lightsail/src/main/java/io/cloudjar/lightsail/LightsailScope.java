package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;

/** The account, region and emulator time a change is made in, taken from the call once. */
record LightsailScope(String account, String region, Instant now) {
    static LightsailScope of(CallContext ctx) {
        return new LightsailScope(ctx.accountId(), ctx.region(), ctx.receivedAt());
    }

    String partition() {
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
