package io.cloudjar.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HeadersTest {
    private static final List<String> NAMES = List.of("Content-Type", "content-type", "CONTENT-TYPE", "x-amz-meta-a",
            "X-Amz-Meta-A", "x-amz-meta-b", "x-amz-meta_c", "Host", "ETag", "Etag", "x-amz-date", "Authorization",
            "Content-Length", "Content-MD5", "x-amz-checksum-crc64nvme", "Date", "Range", "A", "a", "Z", "_", "-");

    @Test
    void namesAreListedInCaseInsensitiveOrderAsFirstSpelled() {
        Headers headers = new Headers().add("x-amz-date", "1").add("Content-Type", "text/plain").add("content-type", "text/html")
                .set("Host", "h").set("HOST", "h2").add("Authorization", "a");
        assertThat(headers.names()).containsExactly("Authorization", "Content-Type", "Host", "x-amz-date");
        assertThat(headers.getAll("CONTENT-TYPE")).containsExactly("text/plain", "text/html");
        assertThat(headers.get("host")).isEqualTo("h2");
        assertThat(headers.names().contains("HOST")).isTrue();
        assertThat(headers.firstValues()).containsEntry("content-type", "text/plain");
    }

    /** The same answers as the case-insensitive TreeMap it replaced, over random sequences of changes. */
    @Test
    void answersAsACaseInsensitiveTreeMapWould() {
        Random random = new Random(19);
        for (int round = 0; round < 2_000; round++) {
            Headers headers = new Headers();
            TreeMap<String, List<String>> model = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int step = random.nextInt(40); step > 0; step--) {
                String name = NAMES.get(random.nextInt(NAMES.size()));
                String value = Integer.toString(random.nextInt(100));
                switch (random.nextInt(4)) {
                    case 0, 1 -> {
                        headers.add(name, value);
                        model.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                    }
                    case 2 -> {
                        headers.set(name, value);
                        model.put(name, new ArrayList<>(List.of(value)));
                    }
                    default -> {
                        headers.remove(name);
                        model.remove(name);
                    }
                }
                String asked = NAMES.get(random.nextInt(NAMES.size()));
                assertThat(headers.contains(asked)).isEqualTo(model.containsKey(asked));
                assertThat(headers.get(asked)).isEqualTo(model.containsKey(asked) ? model.get(asked).get(0) : null);
                assertThat(headers.getAll(asked)).isEqualTo(model.getOrDefault(asked, List.of()));
            }
            assertThat(new ArrayList<>(headers.names())).isEqualTo(new ArrayList<>(model.keySet()));
            assertThat(headers.entries().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList())
                    .isEqualTo(model.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
        }
    }
}
