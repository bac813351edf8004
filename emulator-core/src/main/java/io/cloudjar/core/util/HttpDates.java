package io.cloudjar.core.util;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * HTTP's IMF-fixdate ({@code Mon, 03 Nov 2026 09:05:00 GMT}) as AWS sends it, always with a two-digit day
 * ({@code DateTimeFormatter.RFC_1123_DATE_TIME} writes "3 Nov", which strict clients reject).
 *
 * <p>Every answer carries one (its Date header, an object's Last-Modified), so it is written by hand rather than by
 * a {@code DateTimeFormatter} (which cost a few percent of a small GET), and the last second written is kept.
 */
public final class HttpDates {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private record Written(long epochSecond, String text) {
    }

    private static volatile Written last = new Written(Long.MIN_VALUE, "");

    private HttpDates() {
    }

    public static String format(Instant instant) {
        long second = instant.getEpochSecond();
        Written cached = last;
        if (cached.epochSecond() == second) {
            return cached.text();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(29).append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        two(out, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        int year = t.getYear();
        if (year >= 0 && year < 1000) {
            out.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        out.append(year).append(' ');
        two(two(two(out, t.getHour()).append(':'), t.getMinute()).append(':'), t.getSecond()).append(" GMT");
        String text = out.toString();
        last = new Written(second, text);
        return text;
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
