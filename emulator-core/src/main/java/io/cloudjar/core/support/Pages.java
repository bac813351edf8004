package io.cloudjar.core.support;

import io.cloudjar.core.errors.AwsErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Token pagination over a sorted list, as Describe and List calls page: the token names the last item
 * of the previous page, so items created meanwhile do not shift later pages.
 */
public final class Pages {
    private Pages() {
    }

    /**
     * @param sorted   all matching items, sorted by {@code key}
     * @param limit    page size the caller asked for (already validated), or null for everything
     * @param token    the previous page's token, or null for the first page
     */
    public static <T> Page<T> page(List<T> sorted, Function<T, String> key, Integer limit, String token) {
        int start = 0;
        if (token != null && !token.isEmpty()) {
            String after = decode(token);
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
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsErrors.badRequest("InvalidNextToken", "The token '%s' is invalid.", token);
        }
    }

    /** One page and the token of the next, null on the last page. */
    public record Page<T>(List<T> items, String nextToken) {
    }
}
