package io.cloudjar.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The query protocols' parameters: URL query plus form body, and what a body that cannot be read answers. */
class FormParametersTest {

    private static RequestContext form(RequestBody body) {
        Headers headers = new Headers().set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        IncomingRequest request = new IncomingRequest("POST", "/?Version=2016-11-15", headers, body,
                new InetSocketAddress("127.0.0.1", 40000));
        return new RequestContext(request, TestContexts.REQUEST_ID, TestContexts.RECEIVED_AT);
    }

    /** A body whose connection breaks off, or one that never stops. */
    private static RequestBody failing(IOException failure) {
        return new RequestBody() {
            @Override
            public InputStream stream() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long declaredLength() {
                return 100;
            }

            @Override
            public byte[] bytes(int limit) throws IOException {
                throw failure;
            }
        };
    }

    @Test
    void theUrlQueryAndTheFormBodyAreOneSetOfParameters() {
        RequestContext ctx = form(RequestBody.of("Action=DescribeVpcs&VpcId.1=vpc-1".getBytes(StandardCharsets.UTF_8)));

        assertThat(FormParameters.of(ctx).asMap()).containsOnlyKeys("Version", "Action", "VpcId.1");
        assertThat(FormParameters.of(ctx)).as("decoded once").isSameAs(ctx.parameters());
    }

    @Test
    void aBodyThatBreaksOffIsAnIncompleteBodyNotATooLargeOne() {
        RequestContext ctx = form(failing(new IOException("Connection reset by peer")));

        assertThatThrownBy(() -> FormParameters.of(ctx)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo("IncompleteBody");
            assertThat(e.status()).isEqualTo(400);
        });
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        RequestContext ctx = form(failing(new RequestBody.BodyTooLargeException(FormParameters.FORM_BODY_LIMIT)));

        assertThatThrownBy(() -> FormParameters.of(ctx)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo("RequestEntityTooLarge");
            assertThat(e.status()).isEqualTo(413);
        });
    }
}
