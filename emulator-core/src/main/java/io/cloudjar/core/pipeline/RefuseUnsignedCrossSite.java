package io.cloudjar.core.pipeline;

import io.cloudjar.core.auth.AuthErrors;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.routing.CrossSite;
import io.cloudjar.core.routing.ServedHosts;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call from a web page of another site ({@link CrossSite}) must prove it holds credentials; otherwise any page
 * the user visits could post a form that acts as the default account's root (unsigned calls do, for curl's sake)
 * or uploads to a bucket anonymously. Proof is a signature Authenticate verified (a presigned URL, a browser form's
 * policy) or an {@code Authorization} header, which a browser sends to another origin only after a preflight that
 * Cloudjar never grants. A signed browser form is therefore accepted from any page, as S3 accepts it. Anonymous S3
 * reads (GET, HEAD) stay open to any page, as S3 serves public objects; they change nothing, and only the bucket's
 * CORS rules let the page read them. When IAM's evaluator decides anonymous S3 calls, an unsigned S3 write is left
 * to it (the bucket policy and ACLs), as S3 leaves it.
 */
final class RefuseUnsignedCrossSite implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(RefuseUnsignedCrossSite.class);

    private final ServedHosts hosts;
    private final BooleanSupplier policiesDecide;

    RefuseUnsignedCrossSite(ServedHosts hosts, BooleanSupplier policiesDecide) {
        this.hosts = hosts;
        this.policiesDecide = policiesDecide;
    }

    @Override
    public void apply(RequestContext ctx) {
        IncomingRequest request = ctx.request();
        if (ctx.signatureVerified() || request.header("Authorization") != null || !CrossSite.isForeign(request, hosts)) {
            return;
        }
        boolean s3 = "s3".equals(ctx.apiMetadata().api());
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        if ((s3 && read && ctx.browserUpload() == null) || grantedToEveryone(ctx)) {
            return;
        }
        LOG.info("Refused an unsigned {} from a page of another site (Origin: {}, Sec-Fetch-Site: {})",
                request, request.header("Origin"), request.header("Sec-Fetch-Site"));
        throw AuthErrors.missing(ctx.apiMetadata());
    }

    /**
     * An anonymous S3 call when IAM's evaluator decides it (see Authorize): it is anonymous for real, so only a bucket
     * policy or ACL granting everyone lets it in (an unsigned form upload to a bucket whose policy allows
     * {@code s3:PutObject} to all), as S3 decides it for any page. Without the evaluator unsigned calls act as the
     * owner, so they stay refused here.
     */
    private boolean grantedToEveryone(RequestContext ctx) {
        return "s3".equals(ctx.apiMetadata().api()) && ctx.principal() != null && ctx.principal().isAnonymous()
                && policiesDecide.getAsBoolean();
    }
}
