package io.cloudjar.lightsail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Lightsail's paging: a list call answers a page and a {@code nextPageToken} to pass back as {@code pageToken}.
 * Tokens are opaque to clients (here the offset of the next item); one we did not issue is InvalidInputException.
 */
record Pages<T>(List<T> items, String nextPageToken) {
    static <T> Pages<T> of(List<T> all, String pageToken, int pageSize) {
        int from = offset(pageToken, all.size());
        int to = Math.min(all.size(), from + pageSize);
        return new Pages<>(all.subList(from, to), to < all.size() ? token(to) : null);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, int size) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int offset = text.startsWith("o:") ? Integer.parseInt(text.substring(2)) : -1;
            if (offset >= 0) {
                return Math.min(offset, size);
            }
        } catch (IllegalArgumentException e) {
            // falls through: not a token of ours
        }
        throw LightsailErrors.badPageToken(token);
    }
}
