package io.cloudjar.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.ResponseBody;
import io.cloudjar.core.spi.InternalResource;
import io.cloudjar.core.spi.PlainRequest;
import io.cloudjar.core.spi.PlainResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Internal resources declared by providers: dispatch by longest prefix, the plain request, and the encoded answer. */
class InternalResourcesTest {

    /** A resource that records what it was asked and answers with {@code answer}. */
    private static final class Recording implements InternalResource {
        final String prefix;
        final Function<PlainRequest, PlainResponse> answer;
        final List<PlainRequest> seen = new ArrayList<>();

        Recording(String prefix, Function<PlainRequest, PlainResponse> answer) {
            this.prefix = prefix;
            this.answer = answer;
        }

        @Override
        public String pathPrefix() {
            return prefix;
        }

        @Override
        public PlainResponse handle(PlainRequest request) {
            seen.add(request);
            return answer.apply(request);
        }
    }

    private static OutgoingResponse send(InternalResources resources, String method, String uri, Headers headers) throws Exception {
        return resources.answer(TestContexts.request(method, uri, headers, new byte[0]));
    }

    private static String body(OutgoingResponse response) {
        ResponseBody body = response.body();
        return body instanceof ResponseBody.Bytes b ? new String(b.data(), StandardCharsets.UTF_8) : "";
    }

    @Test
    void theLongestDeclaredPrefixGetsTheRequestWithItsDecodedRemainderAndHeaders() throws Exception {
        Recording ec2 = new Recording("/_cloudjar/ec2/", r -> PlainResponse.text(200, "text/plain", "ec2"));
        Recording deeper = new Recording("/_cloudjar/ec2/special/", r -> PlainResponse.text(201, "text/plain", "deeper"));
        InternalResources resources = new InternalResources(List.of(new Object(), ec2, deeper));

        OutgoingResponse answer = send(resources, "GET", "/_cloudjar/ec2/i-1/latest/meta-data/tags/instance/My%20Key?x=1",
                new Headers().add("X-aws-ec2-metadata-token", "t0k"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("Content-Type")).isEqualTo("text/plain");
        assertThat(body(answer)).isEqualTo("ec2");
        PlainRequest seen = ec2.seen.get(0);
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.path()).isEqualTo("/_cloudjar/ec2/i-1/latest/meta-data/tags/instance/My%20Key");
        assertThat(seen.subPath()).isEqualTo("i-1/latest/meta-data/tags/instance/My Key");
        assertThat(seen.query()).isEqualTo("x=1");
        assertThat(seen.header("x-AWS-ec2-metadata-token")).as("any case").isEqualTo("t0k");
        assertThat(seen.header("absent")).isNull();

        assertThat(send(resources, "GET", "/_cloudjar/ec2/special/x", new Headers()).status()).isEqualTo(201);
        assertThat(deeper.seen.get(0).subPath()).isEqualTo("x");
        assertThat(send(resources, "GET", "/_cloudjar/health", new Headers())).as("not declared").isNull();
    }

    @Test
    void jsonBodiesAreSerialisedByTheCoreCompactOrInJacksonsPrettyLayout() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Code", "Success");
        doc.put("codes", List.of("a", "b"));
        doc.put("none", null);
        Recording json = new Recording("/_cloudjar/json/", r -> PlainResponse.json(200, "text/plain", doc,
                r.subPath().equals("pretty")).withHeader("X-Extra", "1"));
        InternalResources resources = new InternalResources(List.of(json));

        OutgoingResponse compact = send(resources, "GET", "/_cloudjar/json/compact", new Headers());
        assertThat(body(compact)).isEqualTo("{\"Code\":\"Success\",\"codes\":[\"a\",\"b\"],\"none\":null}");
        assertThat(compact.headers().get("X-Extra")).isEqualTo("1");
        assertThat(body(send(resources, "GET", "/_cloudjar/json/pretty", new Headers())))
                .isEqualTo("{\n  \"Code\" : \"Success\",\n  \"codes\" : [ \"a\", \"b\" ],\n  \"none\" : null\n}");
    }

    @Test
    void bytesEmptyBodiesAndHeadAnswersAreWrittenAsGiven() throws Exception {
        byte[] binary = {0x1f, (byte) 0x8b, 0};
        Recording bytes = new Recording("/_cloudjar/bin/", r -> r.subPath().isEmpty() ? PlainResponse.empty(204)
                : PlainResponse.bytes(200, "application/octet-stream", binary));
        InternalResources resources = new InternalResources(List.of(bytes));

        OutgoingResponse full = send(resources, "GET", "/_cloudjar/bin/data", new Headers());
        assertThat(((ResponseBody.Bytes) full.body()).data()).containsExactly(binary);
        assertThat(send(resources, "GET", "/_cloudjar/bin/", new Headers()).body()).isEqualTo(ResponseBody.EMPTY);
        assertThat(send(resources, "GET", "/_cloudjar/bin/", new Headers()).headers().contains("Content-Type")).isFalse();
        OutgoingResponse head = send(resources, "HEAD", "/_cloudjar/bin/data", new Headers());
        assertThat(head.headers().get("Content-Length")).as("the length a GET would send").isEqualTo("3");
    }

    @Test
    void aPrefixOutsideCloudjarsOwnPathsIsRefusedAtStartUp() {
        for (String bad : new String[] {"/ec2/", "/_cloudjar/", "/_cloudjar/ec2", "/_localstack/x/"}) {
            assertThatThrownBy(() -> new InternalResources(List.of(new Recording(bad, r -> PlainResponse.empty(200)))))
                    .as(bad).isInstanceOf(IllegalStateException.class).hasMessageContaining(bad);
        }
    }
}
