package io.cloudjar.core.util;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * HTTP's IMF-fixdate ({@code Mon, 03 Nov 2026 09:05:00 GMT}) as AWS sends it, always with a two-digit day
 * ({@code DateTimeFormatter.RFC_1123_DATE_TIME} writes "3 Nov", which strict clients reject).
 */
public final class HttpDates {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
