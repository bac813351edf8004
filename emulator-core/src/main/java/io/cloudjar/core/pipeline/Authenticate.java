package io.cloudjar.core.pipeline;

import io.cloudjar.core.auth.PostPolicy;
import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.auth.RejectedCredentials;
import io.cloudjar.core.auth.SigV4Credential;
import io.cloudjar.core.auth.SigV4Parser;
import io.cloudjar.core.auth.SigV4Verifier;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.protocol.rest.BrowserUpload;
import io.cloudjar.core.runtime.EmulatorRuntime;

/**
 * Who is calling: the access key of the signature (parsed by {@link ResolveApi}, or a browser form's) resolved to a
 * principal. Presigned URLs and form policies are verified against the principal's secret (header
 * signatures are parsed, not yet verified). Temporary credentials must come with their session token;
 * the key's use is reported back to its resolver (IAM's "last used"). Unsigned S3 calls are anonymous;
 * unsigned calls to other APIs act as the default account's root, as in LocalStack, so that curl and
 * hand-written forms work.
 */
final class Authenticate implements Stage {
    private static final String TOKEN = "X-Amz-Security-Token";

    private final EmulatorRuntime runtime;

    Authenticate(EmulatorRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void apply(RequestContext ctx) {
        BrowserUpload form = ctx.browserUpload();
        if (form == null && ctx.malformedSignature() != null) {
            throw ctx.malformedSignature();
        }
        SigV4Credential credential = form != null ? SigV4Parser.parseForm(form.fields()).orElse(null) : ctx.credential();
        ctx.credential(credential);
        Principal principal;
        if (credential != null) {
            try {
                principal = runtime.resolvePrincipal(credential.accessKeyId());
            } catch (RejectedCredentials e) {
                throw rejected(ctx, e.reason());
            }
            if (principal.sessionToken() != null && !principal.sessionToken().equals(sessionToken(ctx, form))) {
                throw rejected(ctx, RejectedCredentials.Reason.INVALID);
            }
            verify(ctx, form, credential, principal);
            String service = credential.service() != null ? credential.service() : ctx.apiMetadata().signingName();
            String region = credential.region() != null ? credential.region() : ctx.region();
            runtime.recordCredentialUse(credential.accessKeyId(), service, region, ctx.receivedAt());
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
            ctx.signatureVerified(true);
        } else if (credential.presigned() && !credential.sigV2()) {
            SigV4Verifier.verifyPresigned(ctx.request(), credential, secret, ctx.receivedAt());
            ctx.signatureVerified(true);
        }
    }

    private static String sessionToken(RequestContext ctx, BrowserUpload form) {
        if (form != null) {
            return form.fields().get(TOKEN); // Headers: case-insensitive
        }
        String header = ctx.request().header(TOKEN);
        return header != null ? header : ctx.request().query().get(TOKEN);
    }

    /** Each API words refused credentials its own way. */
    private static AwsException rejected(RequestContext ctx, RejectedCredentials.Reason reason) {
        boolean expired = reason == RejectedCredentials.Reason.EXPIRED;
        return switch (ctx.apiMetadata().api()) {
            case "s3" -> expired ? AwsErrors.of("ExpiredToken", 400, "The provided token has expired.")
                    : AwsErrors.of("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.");
            case "ec2" -> expired ? AwsErrors.of("RequestExpired", 400, "Request has expired.")
                    : AwsErrors.of("AuthFailure", 401, "AWS was not able to validate the provided access credentials");
            default -> expired ? AwsErrors.of("ExpiredToken", 400, "The security token included in the request is expired")
                    : AwsErrors.of("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
        };
    }
}
