package io.cloudjar.core.pipeline;


/** The provider's SDK response, encoded by the protocol's codec. */
final class EncodeOutput implements Stage {
    @Override
    public void apply(RequestContext ctx) {
        ctx.response(Codecs.of(ctx.apiMetadata().protocol()).encode(ctx, ctx.output()));
    }
}
