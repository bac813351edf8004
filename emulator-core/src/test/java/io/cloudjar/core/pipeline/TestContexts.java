package io.cloudjar.core.pipeline;

import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.RequestBody;
import io.cloudjar.core.model.ModelRegistry;
import io.cloudjar.core.model.OperationModel;
import io.cloudjar.core.model.Protocol;
import io.cloudjar.core.protocol.ProtocolCodec;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;

/**
 * Builds {@link RequestContext}s for codec tests without a server: the API is set as the router would
 * set it, and the pipeline's own stages resolve the operation and decode (and validate) the input.
 */
public final class TestContexts {
    /** A fixed request id, so encoded responses can be compared exactly. */
    public static final String REQUEST_ID = "7d8f3c2a-1b4e-4c6d-9a0f-123456789abc";
    public static final Instant RECEIVED_AT = Instant.parse("2024-03-05T06:07:08Z");

    private static final ModelRegistry MODELS = new ModelRegistry();

    private TestContexts() {
    }

    public static ModelRegistry models() {
        return MODELS;
    }

    public static IncomingRequest request(String method, String uri, Headers headers, byte[] body) {
        return new IncomingRequest(method, uri, headers, RequestBody.of(body), new InetSocketAddress("127.0.0.1", 40000));
    }

    /** A context whose API is already resolved, as {@code ResolveApi} leaves it. */
    public static RequestContext forApi(String api, IncomingRequest request) {
        RequestContext ctx = new RequestContext(request, REQUEST_ID, RECEIVED_AT);
        ctx.api(MODELS.metadata(api), MODELS.api(api));
        ctx.region("us-east-1");
        new DecodeForm().apply(ctx);
        return ctx;
    }

    /** The S3 bucket a virtual host named ({@code bucket.s3.localhost.localstack.cloud}). */
    public static RequestContext withVirtualHostBucket(RequestContext ctx, String bucket) {
        ctx.virtualHostBucket(bucket);
        return ctx;
    }

    /** The pipeline's codec of a protocol. */
    public static ProtocolCodec codec(Protocol protocol) {
        return Codecs.of(protocol);
    }

    /** Runs the pipeline's operation resolution stage (the codec's {@code resolve}). */
    public static OperationModel resolve(RequestContext ctx) {
        new ResolveOperation().apply(ctx);
        return ctx.operation();
    }

    /** Sets the operation directly, e.g. to encode a response without a request. */
    public static RequestContext withOperation(RequestContext ctx, String operation) {
        OperationModel op = ctx.api().operation(operation);
        if (op == null) {
            throw new IllegalArgumentException("No operation " + operation + " in " + ctx.apiMetadata().api());
        }
        ctx.operation(op, Map.of());
        return ctx;
    }

    /** Runs the pipeline's decode stage: codec decode, ill-typed values and model validation as the API reports them. */
    public static <T> T decode(RequestContext ctx) {
        new DecodeInput().apply(ctx);
        return ctx.input();
    }
}
