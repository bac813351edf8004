package io.cloudjar.core.pipeline;

import io.cloudjar.core.auth.ChunkSignatures;
import io.cloudjar.core.auth.ConditionKeys;
import io.cloudjar.core.auth.Decision;
import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.auth.SigV4Credential;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.QueryParams;
import io.cloudjar.core.model.ApiMetadata;
import io.cloudjar.core.model.ApiModel;
import io.cloudjar.core.model.OperationModel;
import io.cloudjar.core.protocol.rest.BrowserUpload;
import io.cloudjar.core.protocol.rest.RestCodecContext;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.StreamingPayload;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one call, filled in stage by stage (see {@link RequestPipeline}): the HTTP
 * request, the API and operation it addresses, who signed it, the decoded SDK request, the provider's
 * result and finally the HTTP response. Providers see it only as a {@link CallContext}, codecs as a
 * {@link io.cloudjar.core.protocol.CodecContext}.
 */
public final class RequestContext implements CallContext, RestCodecContext {
    private final IncomingRequest request;
    private final String requestId;
    private final Instant receivedAt;

    private ApiMetadata apiMetadata;
    private ApiModel api;
    private String region;
    private SigV4Credential credential;
    private AwsException malformedSignature;
    private boolean signatureVerified;
    private ChunkSignatures chunkSignatures;
    private Principal principal;
    private OperationModel operation;
    private String virtualHostBucket;
    private Map<String, String> pathLabels = Map.of();
    private QueryParams parameters;
    private Object input;
    private StreamingPayload payload;
    private BrowserUpload browserUpload;
    private Object output;
    private AwsException error;
    private OutgoingResponse response;
    private Map<String, List<String>> conditionKeys;
    private InCallChecks checks;

    public RequestContext(IncomingRequest request, String requestId, Instant receivedAt) {
        this.request = request;
        this.requestId = requestId;
        this.receivedAt = receivedAt;
    }

    @Override
    public IncomingRequest request() {
        return request;
    }

    @Override
    public String requestId() {
        return requestId;
    }

    /** When the call arrived, on the emulator's clock. */
    @Override
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public ApiMetadata apiMetadata() {
        return apiMetadata;
    }

    @Override
    public ApiModel api() {
        return api;
    }

    void api(ApiMetadata metadata, ApiModel model) {
        this.apiMetadata = metadata;
        this.api = model;
    }

    /** The region the call was signed for (or the default region). */
    @Override
    public String region() {
        return region;
    }

    void region(String value) {
        this.region = value;
    }

    public SigV4Credential credential() {
        return credential;
    }

    void credential(SigV4Credential value) {
        this.credential = value;
    }

    /** A signature routing could not parse: reported by authentication, in the API's own error shape. */
    AwsException malformedSignature() {
        return malformedSignature;
    }

    void malformedSignature(AwsException value) {
        this.malformedSignature = value;
    }

    /** True once authentication verified the call's signature (a presigned URL, a browser form's policy). */
    boolean signatureVerified() {
        return signatureVerified;
    }

    void signatureVerified(boolean value) {
        this.signatureVerified = value;
    }

    /** The chain of an {@code aws-chunked} body's chunk signatures, whose seed authentication verified; else null. */
    @Override
    public ChunkSignatures chunkSignatures() {
        return chunkSignatures;
    }

    void chunkSignatures(ChunkSignatures value) {
        this.chunkSignatures = value;
    }

    @Override
    public Principal principal() {
        return principal;
    }

    void principal(Principal value) {
        this.principal = value;
    }

    @Override
    public Map<String, List<String>> conditionKeys() {
        if (conditionKeys == null) {
            conditionKeys = ConditionKeys.of(principal, receivedAt, region, request.remoteAddress());
        }
        return conditionKeys;
    }

    /** Set by the authorization stage when the call's own checks are to be asked of the authorizer too. */
    void checks(InCallChecks value) {
        this.checks = value;
    }

    @Override
    public boolean allowed(String action, String resourceArn, Map<String, List<String>> keys) {
        return checks == null || checks.decide(this, action, resourceArn, keys).allowed();
    }

    @Override
    public void authorize(String action, String resourceArn, Map<String, List<String>> keys) {
        if (checks != null) {
            Decision decision = checks.decide(this, action, resourceArn, keys);
            if (!decision.allowed()) {
                throw checks.denied(this, action, resourceArn, keys, decision);
            }
        }
    }

    @Override
    public OperationModel operation() {
        return operation;
    }

    void operation(OperationModel value, Map<String, String> labels) {
        this.operation = value;
        this.pathLabels = labels;
    }

    @Override
    public Map<String, String> pathLabels() {
        return pathLabels;
    }

    /** The S3 bucket named by a virtual host ({@code bucket.s3.localhost.localstack.cloud}); else null. */
    @Override
    public String virtualHostBucket() {
        return virtualHostBucket;
    }

    void virtualHostBucket(String bucket) {
        this.virtualHostBucket = bucket;
    }

    /** URL query parameters plus a form body's, as the query protocols send them; null until decoded. */
    @Override
    public QueryParams parameters() {
        return parameters;
    }

    void parameters(QueryParams value) {
        this.parameters = value;
    }

    @SuppressWarnings("unchecked")
    public <T> T input() {
        return (T) input;
    }

    void input(Object value) {
        this.input = value;
    }

    /** The streaming body of an operation like S3 PutObject; null for others. */
    public StreamingPayload payload() {
        return payload;
    }

    void payload(StreamingPayload value) {
        this.payload = value;
    }

    /** An S3 browser-form upload (POST Object), read before authentication; null for other calls. */
    @Override
    public BrowserUpload browserUpload() {
        return browserUpload;
    }

    void browserUpload(BrowserUpload value) {
        this.browserUpload = value;
    }

    public Object output() {
        return output;
    }

    void output(Object value) {
        this.output = value;
    }

    public AwsException error() {
        return error;
    }

    void error(AwsException value) {
        this.error = value;
    }

    public OutgoingResponse response() {
        return response;
    }

    /** Setting a response ends the pipeline: later stages are skipped. */
    public void response(OutgoingResponse value) {
        this.response = value;
    }

    /** The operation's name for logs and errors, e.g. {@code ec2:CreateVpc}. */
    public String operationName() {
        return operation == null ? "?" : operation.name();
    }
}
