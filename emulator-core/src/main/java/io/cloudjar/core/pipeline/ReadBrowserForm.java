package io.cloudjar.core.pipeline;

import io.cloudjar.core.protocol.rest.BrowserUpload;

/**
 * S3 browser-form uploads (POST Object, {@code multipart/form-data}) carry their credential and signed
 * policy as form fields, so the fields before the file are read here, before authentication; the file
 * itself stays a stream for the provider.
 */
final class ReadBrowserForm implements Stage {
    @Override
    public void apply(RequestContext ctx) {
        if ("s3".equals(ctx.apiMetadata().api())) {
            ctx.browserUpload(BrowserUpload.read(ctx));
        }
    }
}
