package io.cloudjar.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HttpDatesTest {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @Test
    void writesImfFixdateWithATwoDigitDay() {
        assertThat(HttpDates.format(Instant.parse("2026-11-03T09:05:00.750Z"))).isEqualTo("Tue, 03 Nov 2026 09:05:00 GMT");
    }

    @Test
    void agreesWithTheFormatterOverFourCenturiesAndWithinOneSecond() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_208_988_800L, 10_000_000_000L), random.nextInt(1_000_000_000));
            assertThat(HttpDates.format(instant)).isEqualTo(IMF_FIXDATE.format(instant));
            // the same second again (the kept one) and the next
            assertThat(HttpDates.format(instant.plusNanos(1))).isEqualTo(IMF_FIXDATE.format(instant.plusNanos(1)));
            assertThat(HttpDates.format(instant.plusSeconds(1))).isEqualTo(IMF_FIXDATE.format(instant.plusSeconds(1)));
        }
    }
}
