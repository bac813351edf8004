package io.cloudjar.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@link InternalResource}'s answer. The body is text, bytes, or an object (maps, lists, records, strings,
 * numbers) that the core serialises as JSON with Jackson, so providers never write JSON by hand.
 *
 * @param contentType the {@code Content-Type} header, or null for none
 * @param headers     further headers, in order
 */
public record PlainResponse(int status, String contentType, Map<String, String> headers, Body body) {
    public PlainResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** What a response carries. */
    public sealed interface Body {
    }

    /** Text, sent as UTF-8. */
    public record Text(String text) implements Body {
    }

    /** Raw bytes (binary user data). */
    public record Bytes(byte[] bytes) implements Body {
    }

    /**
     * An object serialised as JSON; {@code pretty} uses Jackson's default pretty printer
     * ({@code "key" : value} with two-space indents), which is also the layout EC2's metadata service prints.
     */
    public record Json(Object value, boolean pretty) implements Body {
    }

    /** No body. */
    public record Empty() implements Body {
    }

    public static PlainResponse text(int status, String contentType, String text) {
        return new PlainResponse(status, contentType, Map.of(), new Text(text));
    }

    public static PlainResponse bytes(int status, String contentType, byte[] bytes) {
        return new PlainResponse(status, contentType, Map.of(), new Bytes(bytes));
    }

    public static PlainResponse json(int status, String contentType, Object value, boolean pretty) {
        return new PlainResponse(status, contentType, Map.of(), new Json(value, pretty));
    }

    public static PlainResponse empty(int status) {
        return new PlainResponse(status, null, Map.of(), new Empty());
    }

    /** This response with one more header. */
    public PlainResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new PlainResponse(status, contentType, more, body);
    }
}
