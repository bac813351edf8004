package io.cloudjar.lightsail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Paging through a log both ways, as CloudWatch Logs' GetLogEvents does (and Lightsail's log calls after it): a page
 * from the head or the tail, then a forward token (the lines after the page) and a backward token (the lines before
 * it). At either end the token leads to an empty page. Tokens are opaque: {@code f:<index>} / {@code b:<index>}.
 */
final class LogPages {
    record Page<T>(List<T> items, String forwardToken, String backwardToken) {
    }

    private LogPages() {
    }

    static <T> Page<T> of(List<T> all, String token, boolean fromHead, int size) {
        int from;
        int to;
        if (token == null || token.isEmpty()) {
            from = fromHead ? 0 : Math.max(0, all.size() - size);
            to = Math.min(all.size(), from + size);
        } else {
            String text = decode(token);
            int index = Math.min(all.size(), Integer.parseInt(text.substring(2)));
            if (text.startsWith("f:")) {
                from = index;
                to = Math.min(all.size(), index + size);
            } else {
                to = index;
                from = Math.max(0, index - size);
            }
        }
        return new Page<>(all.subList(from, to), encode("f:" + to), encode("b:" + from));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.matches("[fb]:\\d{1,9}")) {
                return text;
            }
        } catch (IllegalArgumentException e) {
            // falls through: not a token of ours
        }
        throw LightsailErrors.badPageToken(token);
    }
}
