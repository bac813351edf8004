package io.cloudjar.core.pipeline;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.model.Protocol;
import io.cloudjar.core.routing.ServedHosts;
import io.cloudjar.core.runtime.EmulatorRuntime;
import io.cloudjar.core.spi.AnsweredCalls;
import io.cloudjar.core.spi.BucketCors;
import io.cloudjar.core.spi.Reply;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole path of a call, in order. Each stage fills one part of the {@link RequestContext}; a stage
 * that sets a response (internal endpoints) or throws an AWS error ends the call early.
 */
public final class RequestPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger("cloudjar.requests");

    private final List<Stage> stages;
    private final CorsResponseHeaders corsHeaders;
    private final Optional<AnsweredCalls> answeredCalls;

    public RequestPipeline(EmulatorRuntime runtime) {
        Set<String> usedApis = InternalEndpoints.newUsageSet();
        ServedHosts hosts = ServedHosts.of(runtime.config());
        Optional<BucketCors> cors = runtime.lookup(BucketCors.class);
        this.corsHeaders = new CorsResponseHeaders(cors);
        this.answeredCalls = runtime.lookup(AnsweredCalls.class);
        this.stages = List.of(
                new InternalEndpoints(runtime, usedApis, hosts), // health, reset, clock, IMDS; ends the call when it answers
                new ResolveApi(runtime, usedApis),        // signature parsed; API, region, S3 virtual-host bucket
                new CheckHost(hosts),                     // the Host header names this server (no DNS rebinding)
                new AnswerPreflight(cors),                // S3 CORS preflights, from the bucket's CORS rules
                new DecodeForm(),                         // query protocols: URL query + form body parameters
                new ReadBrowserForm(),                    // S3 POST Object form fields (they carry the credential and policy)
                new Authenticate(runtime, hosts),         // access key → principal; presigned URLs, POST policies, foreign pages verified
                new RefuseUnsignedCrossSite(hosts, runtime::resourcePoliciesDecide), // a foreign page signs, or S3 policies decide
                new ResolveOperation(),                   // Action / X-Amz-Target / REST binding → operation
                new DecodeInput(),                        // wire → SDK request object, validated against the model
                new Authorize(runtime),                   // IAM action + resources from the parsed input → authorizer
                new Invoke(runtime),                      // the provider's typed method
                new EncodeOutput());                      // SDK response → HTTP response
    }

    /** Runs the stages; always returns a response, never throws. */
    public OutgoingResponse handle(RequestContext ctx) {
        try {
            for (Stage stage : stages) {
                stage.apply(ctx);
                if (ctx.response() != null) {
                    break;
                }
            }
        } catch (AwsException e) {
            closeUnsentFile(ctx);
            AwsException error = ModeledErrors.resolve(ctx.api(), e);
            ctx.error(error);
            ctx.response(encodeError(ctx, error));
        } catch (Exception | Error e) {
            closeUnsentFile(ctx);
            LOG.error("Internal error in {} {}", ctx.request(), ctx.operationName(), e);
            AwsException internal = AwsErrors.internal("We encountered an internal error. Please try again.");
            ctx.error(internal);
            ctx.response(encodeError(ctx, internal));
        }
        corsHeaders.add(ctx);
        if (REQUESTS.isInfoEnabled() && ctx.apiMetadata() != null) {
            REQUESTS.info("AWS {}.{} => {}{}", ctx.apiMetadata().api(), ctx.operationName(), ctx.response().status(),
                    ctx.error() == null ? "" : " (" + ctx.error().code() + ")");
        }
        if (answeredCalls.isPresent() && ctx.apiMetadata() != null) {
            tell(answeredCalls.get(), ctx);
        }
        return ctx.response();
    }

    private static void tell(AnsweredCalls calls, RequestContext ctx) {
        try {
            IncomingRequest request = ctx.request();
            InetSocketAddress remote = request.remoteAddress();
            calls.answered(new AnsweredCalls.Call(ctx.apiMetadata().api(), ctx.operationName(), ctx.requestId(),
                    ctx.receivedAt(), ctx.principal(), ctx.input(), request.method(), request.uri(), request.header("Host"),
                    request.header("User-Agent"), request.header("Referer"), request.header("Authorization") != null,
                    remote == null ? null : remote.getAddress().getHostAddress(), ctx.virtualHostBucket(),
                    ctx.response().status(), ctx.error() == null ? null : ctx.error().code(), ctx.response().body().length()));
        } catch (RuntimeException e) {
            LOG.debug("A listener of answered calls failed", e); // recording is best effort; the answer stands
        }
    }

    /** A provider's file reply that an error answers instead (its encoding failed) is closed here, or it would leak. */
    private static void closeUnsentFile(RequestContext ctx) {
        if (ctx.output() instanceof Reply<?> reply && reply.file() != null) {
            try {
                reply.file().channel().close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Cannot close an unsent reply's file", e);
            }
        }
    }

    /**
     * Answers a request that never reached the stages (Netty could not parse it), through the same codec as an
     * error of a call no API was found for.
     */
    public OutgoingResponse reject(RequestContext ctx, AwsException error) {
        ctx.error(error);
        ctx.response(encodeError(ctx, error));
        return ctx.response();
    }

    /** In the API's error shape; before routing, in S3's {@code <Error>} shape, the default API's. */
    private static OutgoingResponse encodeError(RequestContext ctx, AwsException error) {
        Protocol protocol = ctx.apiMetadata() == null ? Protocol.REST_XML : ctx.apiMetadata().protocol();
        try {
            return Codecs.of(protocol).encodeError(ctx, error);
        } catch (RuntimeException e) {
            LOG.error("Cannot encode error {}", error.code(), e);
            return OutgoingResponse.of(500, "text/plain", "InternalError".getBytes(StandardCharsets.UTF_8));
        }
    }
}
