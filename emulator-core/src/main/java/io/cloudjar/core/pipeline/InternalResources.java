package io.cloudjar.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.ResponseBody;
import io.cloudjar.core.spi.InternalResource;
import io.cloudjar.core.spi.PlainRequest;
import io.cloudjar.core.spi.PlainResponse;
import io.cloudjar.core.util.PercentCodec;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link InternalResource}s that providers declare, by path prefix: turns a matching request into a
 * {@link PlainRequest} and the resource's {@link PlainResponse} into HTTP, serialising JSON bodies with Jackson.
 */
final class InternalResources {
    private final List<InternalResource> byLongestPrefix;

    InternalResources(Collection<?> providers) {
        List<InternalResource> declared = providers.stream().filter(InternalResource.class::isInstance)
                .map(InternalResource.class::cast).toList();
        declared.forEach(InternalResources::checkPrefix);
        this.byLongestPrefix = declared.stream()
                .sorted(Comparator.comparingInt((InternalResource r) -> r.pathPrefix().length()).reversed()).toList();
    }

    private static void checkPrefix(InternalResource resource) {
        String prefix = resource.pathPrefix();
        if (!prefix.startsWith("/_cloudjar/") || !prefix.endsWith("/") || prefix.length() <= "/_cloudjar/".length()) {
            throw new IllegalStateException(resource.getClass().getName() + " declares an internal path outside "
                    + "/_cloudjar/<name>/: " + prefix);
        }
    }

    /** The answer of the resource whose prefix the path starts with, or null when none declares it. */
    OutgoingResponse answer(IncomingRequest request) throws JsonProcessingException {
        return answer(request, request.rawPath());
    }

    /** As {@link #answer(IncomingRequest)} for a request served as if sent to {@code path} (a website host's). */
    OutgoingResponse answer(IncomingRequest request, String path) throws JsonProcessingException {
        for (InternalResource resource : byLongestPrefix) {
            if (path.startsWith(resource.pathPrefix())) {
                String sub = PercentCodec.decode(path.substring(resource.pathPrefix().length()), false);
                Map<String, List<String>> headers = new LinkedHashMap<>();
                request.headers().entries().forEach(e -> headers.put(e.getKey(), e.getValue()));
                PlainResponse answer = resource.handle(new PlainRequest(request.method(), path, sub, request.rawQuery(), headers));
                return encode(answer, request.method().equals("HEAD"));
            }
        }
        return null;
    }

    private static OutgoingResponse encode(PlainResponse answer, boolean head) throws JsonProcessingException {
        Headers headers = new Headers();
        if (answer.contentType() != null) {
            headers.set("Content-Type", answer.contentType());
        }
        answer.headers().forEach(headers::set);
        byte[] body = bytes(answer.body());
        if (head) {
            headers.set("Content-Length", Integer.toString(body.length)); // what the GET would send
        }
        return new OutgoingResponse(answer.status(), headers, ResponseBody.of(body));
    }

    private static byte[] bytes(PlainResponse.Body body) throws JsonProcessingException {
        if (body instanceof PlainResponse.Text t) {
            return t.text().getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof PlainResponse.Bytes b) {
            return b.bytes();
        }
        if (body instanceof PlainResponse.Json j) {
            return j.pretty() ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(j.value())
                    : Json.MAPPER.writeValueAsBytes(j.value());
        }
        return new byte[0];
    }

    /** Jackson loads on the first call that needs it, not at start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
