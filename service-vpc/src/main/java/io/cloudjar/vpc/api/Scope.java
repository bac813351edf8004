package io.cloudjar.vpc.api;

import io.cloudjar.core.spi.CallContext;

/**
 * The account and region a resource lives in. The seams take a scope rather than a call context so
 * that work done outside a request (an instance finishing its termination on the emulator clock) can
 * call them too.
 */
public record Scope(String accountId, String region) {
    public static Scope of(CallContext ctx) {
        return new Scope(ctx.accountId(), ctx.region());
    }
}
