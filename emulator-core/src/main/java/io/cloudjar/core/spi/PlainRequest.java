package io.cloudjar.core.spi;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request to an {@link InternalResource}, without the transport.
 *
 * @param method  the HTTP method, upper case
 * @param path    the whole path as sent, still percent-encoded
 * @param subPath the path after the resource's prefix, percent-decoded (for {@code /_cloudjar/ec2/i-1/latest/}
 *                under {@code /_cloudjar/ec2/}: {@code i-1/latest/})
 * @param query   the raw query string, empty when none
 * @param headers header names (case-insensitive) to their values
 */
public record PlainRequest(String method, String path, String subPath, String query, Map<String, List<String>> headers) {
    public PlainRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
