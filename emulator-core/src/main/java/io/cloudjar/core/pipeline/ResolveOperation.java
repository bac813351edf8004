package io.cloudjar.core.pipeline;

import io.cloudjar.core.protocol.ProtocolCodec.ResolvedOperation;

/** Which operation of the API: the query {@code Action}, the JSON target, or the REST binding. */
final class ResolveOperation implements Stage {
    @Override
    public void apply(RequestContext ctx) {
        ResolvedOperation resolved = Codecs.of(ctx.apiMetadata().protocol()).resolve(ctx);
        ctx.operation(resolved.operation(), resolved.pathLabels());
    }
}
