package io.cloudjar.core.pipeline;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.auth.PostPolicy;
import io.cloudjar.core.auth.SigV4Credential;
import io.cloudjar.core.auth.SigV4Parser;
import io.cloudjar.core.auth.SigV4Verifier;
import io.cloudjar.core.protocol.rest.BrowserUpload;
import io.cloudjar.core.runtime.EmulatorRuntime;

/**
 * Who is calling: the access key of the signature (header, presigned URL or browser form) resolved to a
 * principal. Presigned URLs and form policies are verified against the principal's secret (header
 * signatures are parsed, not yet verified). Unsigned S3 calls are anonymous; unsigned calls to other APIs
 * act as the default account's root, as in LocalStack, so that curl and hand-written forms work.
 */
final class Authenticate implements Stage {
    private final EmulatorRuntime runtime;

    Authenticate(EmulatorRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void apply(RequestContext ctx) {
        BrowserUpload form = ctx.browserUpload();
        SigV4Credential credential = (form != null ? SigV4Parser.parseForm(form.fields()) : SigV4Parser.parse(ctx.request()))
                .orElse(null);
        ctx.credential(credential);
        Principal principal;
        if (credential != null) {
            principal = runtime.resolvePrincipal(credential.accessKeyId());
            if (credential.region() != null) {
                ctx.region(credential.region());
            }
            verify(ctx, form, credential, principal);
        } else if ("s3".equals(ctx.apiMetadata().api())) {
            principal = Principal.anonymous(runtime.config().defaultAccount());
        } else {
            principal = runtime.resolvePrincipal("test");
        }
        ctx.principal(principal);
    }

    private static void verify(RequestContext ctx, BrowserUpload form, SigV4Credential credential, Principal principal) {
        String secret = principal.secretAccessKey();
        if (secret == null) {
            return;
        }
        if (form != null) {
            form.limitSize(PostPolicy.verify(form.fields(), form.bucket(), credential, secret, ctx.receivedAt()));
        } else if (credential.presigned() && !credential.sigV2()) {
            SigV4Verifier.verifyPresigned(ctx.request(), credential, secret, ctx.receivedAt());
        }
    }
}
