package io.cloudjar.core.support;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * Token pagination over a sorted list, as Describe and List calls page: the token names the last item
 * of the previous page, so items created meanwhile do not shift later pages. A token carries a checksum
 * of that name, so one the server did not issue is refused with the API's own error, not read as a name.
 */
public final class Pages {
    private static final int CHECKSUM_BYTES = Integer.BYTES;

    private Pages() {
    }

    /** A page, refusing a token that is not ours with {@code InvalidNextToken}. */
    public static <T> Page<T> page(List<T> sorted, Function<T, String> key, Integer limit, String token) {
        return page(sorted, key, limit, token,
                t -> AwsErrors.badRequest("InvalidNextToken", "The token '%s' is invalid.", t));
    }

    /**
     * @param sorted       all matching items, sorted by {@code key}
     * @param limit        page size the caller asked for (already validated), or null for everything
     * @param token        the previous page's token, or null for the first page
     * @param invalidToken the API's error for a token it did not issue, given that token
     */
    public static <T> Page<T> page(List<T> sorted, Function<T, String> key, Integer limit, String token,
                                   Function<String, AwsException> invalidToken) {
        int start = 0;
        if (token != null && !token.isEmpty()) {
            String after = decode(token, invalidToken);
            start = sorted.size();
            for (int i = 0; i < sorted.size(); i++) {
                if (key.apply(sorted.get(i)).compareTo(after) > 0) {
                    start = i;
                    break;
                }
            }
        }
        int end = limit == null ? sorted.size() : (int) Math.min(sorted.size(), (long) start + limit);
        List<T> items = sorted.subList(start, end);
        String next = end < sorted.size() && !items.isEmpty() ? encode(key.apply(items.get(items.size() - 1))) : null;
        return new Page<>(List.copyOf(items), next);
    }

    public static String encode(String key) {
        byte[] name = key.getBytes(StandardCharsets.UTF_8);
        byte[] token = ByteBuffer.allocate(CHECKSUM_BYTES + name.length).putInt(checksum(name)).put(name).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The key a token of {@link #encode} names; any other token is {@code invalidToken}'s error. */
    public static String decode(String token, Function<String, AwsException> invalidToken) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalidToken.apply(token);
        }
        if (bytes.length < CHECKSUM_BYTES) {
            throw invalidToken.apply(token);
        }
        byte[] name = Arrays.copyOfRange(bytes, CHECKSUM_BYTES, bytes.length);
        if (ByteBuffer.wrap(bytes).getInt() != checksum(name)) {
            throw invalidToken.apply(token);
        }
        return new String(name, StandardCharsets.UTF_8);
    }

    private static int checksum(byte[] name) {
        CRC32 crc = new CRC32();
        crc.update(name);
        return (int) crc.getValue();
    }

    /** One page and the token of the next, null on the last page. */
    public record Page<T>(List<T> items, String nextToken) {
    }
}
