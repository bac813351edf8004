package io.cloudjar.core.pipeline;

import io.cloudjar.core.auth.AuthErrors;
import io.cloudjar.core.auth.ChunkSignatures;
import io.cloudjar.core.auth.PostPolicy;
import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.auth.RejectedCredentials;
import io.cloudjar.core.auth.SigV2Verifier;
import io.cloudjar.core.auth.SigV4Credential;
import io.cloudjar.core.auth.SigV4Parser;
import io.cloudjar.core.auth.SigV4Verifier;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.RequestBody;
import io.cloudjar.core.protocol.rest.BrowserUpload;
import io.cloudjar.core.routing.CrossSite;
import io.cloudjar.core.routing.ServedHosts;
import io.cloudjar.core.runtime.EmulatorRuntime;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who is calling: the access key of the signature (parsed by {@link ResolveApi}, or a browser form's) resolved to a
 * principal, and the signature checked.
 * <ul>
 *   <li>Keys Cloudjar issued (IAM users' keys, STS and instance-profile sessions) are always verified: header
 *   signatures (SigV4, S3's SigV2) with the request time within 15 minutes of the emulator clock, presigned URLs,
 *   form policies and, for a signed {@code aws-chunked} body, every chunk as it streams.</li>
 *   <li>Other keys are roots. By default any such key works with any secret, as in LocalStack; only presigned URLs
 *   and form policies are checked, against the root secret. With {@code ENFORCE_IAM=1} only the root key pair is
 *   accepted ({@code DefaultCredentials}), and verified as an issued key is.</li>
 * </ul>
 * Temporary credentials must come with their session token; the key's use is reported back to its resolver (IAM's
 * "last used"). A request carrying two signatures (a header and a query signature) is refused. Unsigned S3 calls are
 * anonymous; unsigned calls to other APIs act as the default account's root, as in LocalStack, so that curl and
 * hand-written forms work, and are refused when enforcing.
 */
final class Authenticate implements Stage {
    private static final String TOKEN = "X-Amz-Security-Token";
    /** As the JSON codec's limit: a body to hash for the signature is read whole, and the codec reads it again from memory. */
    private static final int SIGNED_BODY_LIMIT = 16 * 1024 * 1024;

    private final EmulatorRuntime runtime;
    private final ServedHosts hosts;

    Authenticate(EmulatorRuntime runtime, ServedHosts hosts) {
        this.runtime = runtime;
        this.hosts = hosts;
    }

    /** A resolved key, and whether its header signatures must be verified. */
    private record SigningKey(Principal principal, boolean verified) {
    }

    @Override
    public void apply(RequestContext ctx) {
        BrowserUpload form = ctx.browserUpload();
        if (form == null && ctx.malformedSignature() != null) {
            throw ctx.malformedSignature();
        }
        if (form == null) {
            refuseTwoMechanisms(ctx);
        }
        SigV4Credential credential = form != null ? SigV4Parser.parseForm(form.fields()).orElse(null) : ctx.credential();
        ctx.credential(credential);
        if (credential == null) {
            ctx.principal(unsigned(ctx));
            return;
        }
        SigningKey key = resolve(ctx, credential.accessKeyId());
        Principal principal = key.principal();
        if (principal.sessionToken() != null && !principal.sessionToken().equals(sessionToken(ctx, form))) {
            throw AuthErrors.rejected(ctx.apiMetadata(), RejectedCredentials.Reason.INVALID);
        }
        // a page of another site proves its credentials: a bucket's CORS rules may let it send an Authorization
        // header, and a root key's header signature is otherwise taken with any secret
        boolean foreign = CrossSite.isForeign(ctx.request(), hosts);
        verify(ctx, form, credential, principal.secretAccessKey(), key.verified() || foreign);
        String service = credential.service() != null ? credential.service() : ctx.apiMetadata().signingName();
        String region = credential.region() != null ? credential.region() : ctx.region();
        runtime.recordCredentialUse(credential.accessKeyId(), service, region, ctx.receivedAt());
        ctx.principal(principal);
    }

    private SigningKey resolve(RequestContext ctx, String accessKeyId) {
        Optional<Principal> issued;
        try {
            issued = runtime.resolveIssued(accessKeyId);
        } catch (RejectedCredentials e) {
            throw AuthErrors.rejected(ctx.apiMetadata(), e.reason());
        }
        if (issued.isPresent()) {
            return new SigningKey(issued.get(), true);
        }
        if (runtime.config().enforceIam()) {
            return new SigningKey(runtime.defaultCredentials().resolveRoot(accessKeyId).orElseThrow(
                    () -> AuthErrors.rejected(ctx.apiMetadata(), RejectedCredentials.Reason.INVALID)), true);
        }
        return new SigningKey(runtime.defaultCredentials().resolve(accessKeyId).orElseThrow(), false);
    }

    private Principal unsigned(RequestContext ctx) {
        if ("s3".equals(ctx.apiMetadata().api())) {
            return Principal.anonymous(runtime.config().defaultAccount());
        }
        if (runtime.config().enforceIam()) {
            throw AuthErrors.missing(ctx.apiMetadata());
        }
        return runtime.defaultCredentials().defaultRoot();
    }

    /**
     * Presigned URLs and form policies are verified for every key; header signatures only for {@code verified} keys
     * (a root key in default mode is accepted with any secret).
     */
    private static void verify(RequestContext ctx, BrowserUpload form, SigV4Credential credential, String secret,
            boolean verified) {
        if (secret == null) {
            return;
        }
        IncomingRequest request = ctx.request();
        if (form == null && credential.sigV2() && !"s3".equals(ctx.apiMetadata().api())) {
            // the query APIs' own SigV2 (AWSAccessKeyId, SignatureVersion=2 in the form) is not implemented
            if (verified) {
                throw AuthErrors.signatureMismatch(ctx.apiMetadata(), credential, "", "");
            }
            return;
        }
        if (form != null) {
            form.limitSize(PostPolicy.verify(form.fields(), form.bucket(), credential, secret, ctx.receivedAt()));
        } else if (credential.presigned() && credential.sigV2()) {
            SigV2Verifier.verifyPresigned(ctx.apiMetadata(), request, credential, secret, ctx.virtualHostBucket(), ctx.receivedAt());
        } else if (credential.presigned()) {
            SigV4Verifier.verifyPresigned(ctx.apiMetadata(), request, credential, secret, ctx.receivedAt());
        } else if (!verified) {
            return;
        } else if (credential.sigV2()) {
            SigV2Verifier.verifyHeader(ctx.apiMetadata(), request, credential, secret, ctx.virtualHostBucket(), ctx.receivedAt());
        } else {
            String payloadHash = payloadHash(ctx);
            ChunkSignatures chunks = SigV4Verifier.verifyHeader(ctx.apiMetadata(), request, credential, secret, payloadHash,
                    ctx.receivedAt());
            if (payloadHash.startsWith(ChunkSignatures.SIGNED_STREAMING)) {
                ctx.chunkSignatures(payloadHash.endsWith("-TRAILER") ? chunks.withSignedTrailer() : chunks);
            }
        }
        ctx.signatureVerified(true);
    }

    /**
     * S3 signs {@code x-amz-content-sha256} as sent (a body's hash, {@code UNSIGNED-PAYLOAD} or a streaming mode; the
     * body is checked against it as it streams); every other API signs the SHA-256 of the body, read here.
     */
    private static String payloadHash(RequestContext ctx) {
        IncomingRequest request = ctx.request();
        if ("s3".equals(ctx.apiMetadata().api())) {
            String header = request.header("x-amz-content-sha256");
            if (header == null) {
                throw AuthErrors.missingContentSha256();
            }
            return header.trim();
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.body().bytes(SIGNED_BODY_LIMIT)));
        } catch (RequestBody.BodyTooLargeException e) {
            throw AwsErrors.of("RequestEntityTooLarge", 413, "The request body is too large.");
        } catch (IOException e) {
            throw AwsErrors.of("IncompleteBody", 400, "The request body ended before the length its headers declared.");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AWS takes one signature per request: an {@code Authorization} header beside a query signature is refused. */
    private static void refuseTwoMechanisms(RequestContext ctx) {
        IncomingRequest request = ctx.request();
        String authorization = request.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return;
        }
        boolean s3 = "s3".equals(ctx.apiMetadata().api());
        if (request.query().get("X-Amz-Algorithm") != null || request.query().get("X-Amz-Signature") != null
                || request.query().get("X-Amz-Credential") != null || (s3 && request.query().get("Signature") != null)) {
            throw AuthErrors.twoMechanisms(ctx.apiMetadata(), authorization);
        }
    }

    private static String sessionToken(RequestContext ctx, BrowserUpload form) {
        if (form != null) {
            return form.fields().get(TOKEN); // Headers: case-insensitive
        }
        String header = ctx.request().header(TOKEN);
        if (header != null) {
            return header;
        }
        String query = ctx.request().query().get(TOKEN);
        // botocore's legacy presigned URLs carry it in lower case (x-amz-security-token)
        return query != null ? query : ctx.request().query().get(TOKEN.toLowerCase(java.util.Locale.ROOT));
    }
}
