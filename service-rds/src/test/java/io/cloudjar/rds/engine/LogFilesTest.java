package io.cloudjar.rds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The times the engines print at the start of their log lines, as the servers write them. */
class LogFilesTest {
    private static Instant local(String time) {
        return LocalDateTime.parse(time).atZone(ZoneId.systemDefault()).toInstant();
    }

    @Test
    void postgresPrefixWithItsZone() {
        assertThat(LogFiles.timeOf("2026-12-05 09:09:55.384 UTC [11350] LOG:  starting PostgreSQL 15.18"))
                .isEqualTo(Instant.parse("2026-12-05T09:09:55.384Z"));
        assertThat(LogFiles.timeOf("2026-12-05 10:09:55.384 +01 [1] LOG:  x")).isEqualTo(Instant.parse("2026-12-05T09:09:55.384Z"));
        assertThat(LogFiles.timeOf("2026-12-05 04:09:55 EST [1] LOG:  x")).isEqualTo(Instant.parse("2026-12-05T09:09:55Z"));
    }

    @Test
    void mariadbErrorGeneralAndSlowLogsInLocalTime() {
        assertThat(LogFiles.timeOf("2026-12-05  9:12:30 0 [Note] Starting MariaDB 11.4.5")).isEqualTo(local("2026-12-05T09:12:30"));
        assertThat(LogFiles.timeOf("2026-12-05 19:12:30 0 [Note] mariadbd: ready for connections."))
                .isEqualTo(local("2026-12-05T19:12:30"));
        assertThat(LogFiles.timeOf("261205  9:12:31\t     3 Connect\tblog@localhost on blog using TCP/IP"))
                .isEqualTo(local("2026-12-05T09:12:31"));
        assertThat(LogFiles.timeOf("# Time: 261205 19:12:31")).isEqualTo(local("2026-12-05T19:12:31"));
        assertThat(LogFiles.timeOf("\t\t     3 Query\tSELECT 4242 AS answer")).isNull();
    }

    @Test
    void aLineWithoutATimeTakesTheOneBefore(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("general.log");
        Files.writeString(log, "mariadbd, Version: 11.4.5-MariaDB. started with:\n"
                + "261205  9:12:31\t     3 Connect\tblog@localhost\n\t\t     3 Query\tSELECT 4242\n\n");
        assertThat(LogFiles.read(log)).extracting(LogLine::at).containsExactly(local("2026-12-05T09:12:31"),
                local("2026-12-05T09:12:31"), local("2026-12-05T09:12:31"));
        assertThat(LogFiles.read(dir.resolve("none.log"))).isEmpty();
    }
}
