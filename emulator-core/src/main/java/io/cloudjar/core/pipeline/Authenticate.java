package io.cloudjar.core.pipeline;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.auth.SigV4Credential;
import io.cloudjar.core.auth.SigV4Parser;
import io.cloudjar.core.runtime.EmulatorRuntime;

/**
 * Who is calling: the access key of the signature (header or presigned URL) resolved to a principal.
 * Unsigned S3 calls are anonymous; unsigned calls to other APIs act as the default account's root, as in
 * LocalStack, so that curl and hand-written forms work.
 */
final class Authenticate implements Stage {
    private final EmulatorRuntime runtime;

    Authenticate(EmulatorRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void apply(RequestContext ctx) {
        SigV4Credential credential = SigV4Parser.parse(ctx.request()).orElse(null);
        ctx.credential(credential);
        Principal principal;
        if (credential != null) {
            principal = runtime.resolvePrincipal(credential.accessKeyId());
            if (credential.region() != null) {
                ctx.region(credential.region());
            }
        } else if ("s3".equals(ctx.apiMetadata().api())) {
            principal = Principal.anonymous(runtime.config().defaultAccount());
        } else {
            principal = runtime.resolvePrincipal("test");
        }
        ctx.principal(principal);
    }
}
