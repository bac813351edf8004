package io.cloudjar.lightsail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The automatic snapshot add-on of an instance or disk: a snapshot every day at the hour chosen (UTC), the last seven
 * kept. Nothing is scheduled: the snapshots that exist are the days whose hour has passed on the emulator clock since
 * the add-on was enabled, less those deleted.
 *
 * @param deleted dates (yyyy-MM-dd) removed by DeleteAutoSnapshot
 */
record AutoSnapshots(String timeOfDay, Instant enabledAt, Set<String> deleted) {
    static final int KEPT = 7;

    AutoSnapshots {
        deleted = Set.copyOf(deleted);
    }

    AutoSnapshots without(String date) {
        Set<String> more = new java.util.HashSet<>(deleted);
        more.add(date);
        return new AutoSnapshots(timeOfDay, enabledAt, more);
    }

    /** The snapshots taken by {@code now}, oldest first: at most the last seven days'. */
    List<Instant> taken(Instant now) {
        LocalTime at = LocalTime.parse(timeOfDay);
        List<Instant> out = new ArrayList<>();
        LocalDate first = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(KEPT - 1);
        for (LocalDate day = first; !day.isAfter(now.atZone(ZoneOffset.UTC).toLocalDate()); day = day.plusDays(1)) {
            Instant time = day.atTime(at).toInstant(ZoneOffset.UTC);
            if (time.isAfter(enabledAt) && !time.isAfter(now) && !deleted.contains(day.toString())) {
                out.add(time);
            }
        }
        return out;
    }

    static String date(Instant taken) {
        return taken.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
