package io.cloudjar.core.pipeline;

import io.cloudjar.core.model.Protocol;

/**
 * The parameters of a query-protocol call (EC2, IAM, STS, RDS): the URL's query plus the form body, decoded
 * once. Routing may have decoded them already to read an unsigned call's {@code Action} and {@code Version}.
 * Other protocols read their body themselves (an S3 upload must stay a stream, whatever its content type).
 */
final class DecodeForm implements Stage {
    @Override
    public void apply(RequestContext ctx) {
        Protocol protocol = ctx.apiMetadata().protocol();
        if (protocol == Protocol.QUERY || protocol == Protocol.EC2) {
            FormParameters.of(ctx);
        }
    }
}
