package io.cloudjar.rds.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a server's log file into {@link LogLine}s, each with the time the server printed at its start:
 * PostgreSQL's {@code %m} prefix ({@code 2026-12-05 09:20:01.123 UTC}), MariaDB's error log
 * ({@code 2026-12-05  9:20:01}, local time), its general log ({@code 261205  9:20:01}) and slow log
 * ({@code # Time: 261205  9:20:01}).
 */
final class LogFiles {
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}) {1,2}(\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(?: ([A-Za-z][A-Za-z0-9/_+-]*|[+-]\\d{2}(?::?\\d{2})?))?");
    private static final Pattern SHORT = Pattern.compile("^(?:# Time: )?(\\d{6}) {1,2}(\\d{1,2}:\\d{2}:\\d{2})");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private LogFiles() {
    }

    /** The file's lines with their times; none when the server has not written it (yet). */
    static List<LogLine> read(Path file) {
        List<String> lines;
        Instant modified;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            modified = Files.getLastModifiedTime(file).toInstant();
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (java.nio.charset.MalformedInputException binary) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instant> times = new ArrayList<>(lines.size());
        Instant last = null;
        Instant first = null;
        for (String line : lines) {
            Instant at = timeOf(line);
            if (at != null) {
                last = at;
                first = first == null ? at : first;
            }
            times.add(last);
        }
        List<LogLine> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            Instant at = times.get(i) != null ? times.get(i) : first != null ? first : modified;
            out.add(new LogLine(at, lines.get(i)));
        }
        return out;
    }

    /** The time a line starts with, or null. */
    static Instant timeOf(String line) {
        Matcher iso = ISO.matcher(line);
        if (iso.find()) {
            LocalDateTime local = LocalDateTime.of(LocalDate.parse(iso.group(1)), LocalTime.parse(pad(iso.group(2))));
            return local.atZone(zone(iso.group(3))).toInstant();
        }
        Matcher shortForm = SHORT.matcher(line);
        if (shortForm.find()) {
            LocalDateTime local = LocalDateTime.of(LocalDate.parse(shortForm.group(1), YYMMDD), LocalTime.parse(pad(shortForm.group(2))));
            return local.atZone(ZoneId.systemDefault()).toInstant();
        }
        return null;
    }

    private static String pad(String time) {
        return time.indexOf(':') == 1 ? "0" + time : time;
    }

    /** The zone a PostgreSQL prefix names (UTC, an offset, a zone abbreviation); the machine's own without one. */
    private static ZoneId zone(String name) {
        if (name == null) {
            return ZoneId.systemDefault();
        }
        if (name.startsWith("+") || name.startsWith("-")) {
            return ZoneOffset.of(name.length() == 3 ? name : name.replace(":", "").replaceFirst("(\\d{2})(\\d{2})$", "$1:$2"));
        }
        try {
            return ZoneId.of(name, ZoneId.SHORT_IDS);
        } catch (java.time.DateTimeException unknown) {
            return ZoneId.systemDefault();
        }
    }
}
