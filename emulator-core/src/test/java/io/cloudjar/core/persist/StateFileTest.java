package io.cloudjar.core.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.util.EmulatorClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    record Thing(String id, int size, Instant created, Duration ttl, List<String> tags) {
    }

    @TempDir
    Path dataDir;

    /** This test keeps no SDK model objects. */
    private static StateFile open(Path dir, EmulatorClock clock) {
        return StateFile.open(dir, clock, new SdkValues() {
            @Override
            public String write(Object sdkModelObject) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <T> T read(String json, Class<T> type) {
                throw new UnsupportedOperationException();
            }
        });
    }

    private EmulatorClock clock() {
        return new EmulatorClock(Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static Map<String, Thing> all(DurableMap<Thing> map, String prefix) {
        Map<String, Thing> found = new LinkedHashMap<>();
        map.forEach(prefix, found::put);
        return found;
    }

    @Test
    void committedRecordsAreThereAfterReopening() {
        Thing a = new Thing("a", 1, T0, Duration.ofMinutes(5), List.of("x", "y"));
        Thing b = new Thing("b", 2, T0.plusSeconds(1), Duration.ZERO, List.of());
        try (StateFile file = open(dataDir, clock())) {
            DurableMap<Thing> things = file.map("test.things", Thing.class);
            things.scoped("000000000000", "us-east-1").put("a", a);
            things.scoped("000000000000", "eu-west-1").put("b", b);
            things.scoped("000000000000", "us-east-1").put("gone", a);
            things.scoped("000000000000", "us-east-1").remove("gone");
            file.commit();
        }
        try (StateFile file = open(dataDir, clock())) {
            DurableMap<Thing> things = file.map("test.things", Thing.class);
            assertThat(all(things, "")).containsExactly(
                    Map.entry("000000000000/eu-west-1/b", b), Map.entry("000000000000/us-east-1/a", a));
            assertThat(all(things.scoped("000000000000", "us-east-1"), "")).containsExactly(Map.entry("a", a));
        }
    }

    @Test
    void removeAllTakesOnlyThePrefix() {
        try (StateFile file = open(dataDir, clock())) {
            DurableMap<Thing> things = file.map("test.things", Thing.class);
            Thing t = new Thing("t", 0, T0, Duration.ZERO, List.of());
            things.put("bucket-a/k1", t);
            things.put("bucket-a/k2", t);
            things.put("bucket-ab/k1", t);
            things.removeAll("bucket-a/");
            assertThat(all(things, "").keySet()).containsExactly("bucket-ab/k1");
        }
    }

    @Test
    void theClockDoesNotRunBackwardsAfterARestart() {
        EmulatorClock first = clock();
        try (StateFile file = open(dataDir, first)) {
            first.advance(Duration.ofDays(2));
            file.commit();
        }
        EmulatorClock second = clock();
        try (StateFile ignored = open(dataDir, second)) {
            assertThat(second.now()).isEqualTo(T0.plus(Duration.ofDays(2)));
        }
    }

    @Test
    void resetEmptiesEveryMap() {
        try (StateFile file = open(dataDir, clock())) {
            file.map("test.things", Thing.class).put("k", new Thing("k", 0, T0, Duration.ZERO, List.of()));
            file.reset();
        }
        try (StateFile file = open(dataDir, clock())) {
            assertThat(all(file.map("test.things", Thing.class), "")).isEmpty();
        }
    }

    @Test
    void anotherFormatIsRefusedWithAClearMessage() {
        Path file = stateFile();
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        store.<String, String>openMap("cloudjar.meta").put("format", "99");
        store.close();
        assertThatThrownBy(() -> open(dataDir, clock()))
                .isInstanceOf(StoreFormatException.class)
                .hasMessageContaining("is in format 99; this Cloudjar reads format " + StateFile.FORMAT);
    }

    @Test
    void aFileCloudjarDidNotWriteIsRefused() {
        Path file = stateFile();
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        store.<String, String>openMap("someone-else").put("k", "v");
        store.close();
        assertThatThrownBy(() -> open(dataDir, clock()))
                .isInstanceOf(StoreFormatException.class)
                .hasMessageContaining("has no Cloudjar format number");
    }

    @Test
    void aDamagedFileIsRefusedWithAClearMessage() throws Exception {
        Files.write(stateFile(), "this is not an MVStore file, just some bytes that happen to be here".repeat(100).getBytes());
        assertThatThrownBy(() -> open(dataDir, clock()))
                .isInstanceOf(StoreFormatException.class)
                .hasMessageContaining("Cannot open the state file")
                .hasMessageContaining("move it away");
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefused() {
        try (StateFile ignored = open(dataDir, clock())) {
            assertThatThrownBy(() -> open(dataDir, clock()))
                    .isInstanceOf(StoreFormatException.class)
                    .hasMessageContaining("used by another running Cloudjar");
        }
    }

    private Path stateFile() {
        try {
            return Files.createDirectories(dataDir.resolve("state")).resolve(StateFile.FILE_NAME);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
