package io.cloudjar.core.protocol;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.pipeline.TestContexts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * An SDK v2 HTTP client that hands each request to a codec in the same JVM instead of the network: the
 * real SDK marshals the request, the codec resolves, decodes (and validates) it, a test handler answers with
 * an SDK response or throws an AWS error, the codec encodes, and the real SDK unmarshals the answer.
 */
final class LoopbackHttpClient implements SdkHttpClient {
    private final String api;
    private final Function<RequestContext, Object> handler;
    /** Every call, in order, as the codec decoded it. */
    final List<RequestContext> calls = new ArrayList<>();

    LoopbackHttpClient(String api, Function<RequestContext, Object> handler) {
        this.api = api;
        this.handler = handler;
    }

    /** Configures an SDK client builder to talk to this loopback with test credentials. */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        builder.httpClient(this);
        return builder.region(Region.US_EAST_1).endpointOverride(URI.create("http://localhost:4566"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    RequestContext lastCall() {
        return calls.get(calls.size() - 1);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return execute(request);
            }

            @Override
            public void abort() {
            }
        };
    }

    private HttpExecuteResponse execute(HttpExecuteRequest request) throws IOException {
        SdkHttpRequest http = request.httpRequest();
        String query = SdkHttpUtils.encodeAndFlattenQueryParameters(http.rawQueryParameters()).map(q -> "?" + q).orElse("");
        Headers headers = new Headers();
        http.forEachHeader((name, values) -> values.forEach(v -> headers.add(name, v)));
        byte[] body = new byte[0];
        if (request.contentStreamProvider().isPresent()) {
            try (InputStream in = request.contentStreamProvider().get().newStream()) {
                body = in.readAllBytes();
            }
        }
        IncomingRequest incoming = TestContexts.request(http.method().name(), http.encodedPath() + query, headers, body);
        RequestContext ctx = TestContexts.forApi(api, incoming);
        calls.add(ctx);
        ProtocolCodec codec = TestContexts.codec(ctx.apiMetadata().protocol());
        OutgoingResponse response;
        try {
            TestContexts.resolve(ctx);
            TestContexts.decode(ctx);
            response = codec.encode(ctx, handler.apply(ctx));
        } catch (AwsException e) {
            response = codec.encodeError(ctx, e);
        }
        byte[] bytes = Wire.bytes(response);
        SdkHttpFullResponse.Builder out = SdkHttpFullResponse.builder().statusCode(response.status());
        for (Map.Entry<String, List<String>> header : response.headers().entries()) {
            out.putHeader(header.getKey(), header.getValue());
        }
        if (!response.headers().contains("Content-Length")) {
            out.putHeader("Content-Length", String.valueOf(bytes.length));
        }
        return HttpExecuteResponse.builder().response(out.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes))).build();
    }

    @Override
    public void close() {
    }
}
