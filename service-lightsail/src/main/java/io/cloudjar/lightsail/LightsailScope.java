package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;

/** The account, region and emulator time a change is made in, taken from the call once. */
record LightsailScope(String account, String region, Instant now) {
    static LightsailScope of(CallContext ctx) {
        return new LightsailScope(ctx.accountId(), ctx.region(), ctx.receivedAt());
    }

    /**
     * The scope of a call Lightsail answers in us-east-1 only (domains, distributions: global resources kept there),
     * or AWS's refusal naming {@code apis} ("Domain-related") elsewhere.
     */
    static LightsailScope inUsEast1(CallContext ctx, String apis) {
        LightsailScope scope = of(ctx);
        if (!"us-east-1".equals(scope.region())) {
            throw LightsailErrors.unsupported("%s APIs are only available in the us-east-1 Region. Please set your Region"
                    + " configuration to us-east-1 to create, view, or edit these resources.", apis);
        }
        return scope;
    }

    String partition() {
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
