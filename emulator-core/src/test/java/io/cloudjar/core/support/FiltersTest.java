package io.cloudjar.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.errors.AwsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiltersTest {
    private record Item(String id, String state, Map<String, String> tags) {
    }

    private static final Filters<Item> FILTERS = new Filters<Item>()
            .onValue("id", Item::id)
            .onValue("state", Item::state)
            .withTags(Item::tags);

    private static final Item WEB = new Item("i-1", "running", Map.of("Name", "web-1", "tier", "front"));
    private static final Item DB = new Item("i-2", "stopped", Map.of("Name", "db"));

    private static Filters.Filter filter(String name, String... values) {
        return new Filters.Filter(name, List.of(values));
    }

    @Test
    void valuesOfOneFilterAreAlternativesAndFiltersMustAllMatch() {
        assertThat(FILTERS.matches(WEB, List.of(filter("state", "stopped", "running")))).isTrue();
        assertThat(FILTERS.matches(WEB, List.of(filter("state", "running"), filter("id", "i-2")))).isFalse();
        assertThat(FILTERS.matches(DB, List.of())).isTrue();
    }

    @Test
    void tagFiltersMatchKeysAndValues() {
        assertThat(FILTERS.matches(WEB, List.of(filter("tag:Name", "web-*")))).isTrue();
        assertThat(FILTERS.matches(DB, List.of(filter("tag:Name", "web-*")))).isFalse();
        assertThat(FILTERS.matches(WEB, List.of(filter("tag-key", "tier")))).isTrue();
        assertThat(FILTERS.matches(DB, List.of(filter("tag-key", "tier")))).isFalse();
        assertThat(FILTERS.matches(DB, List.of(filter("tag-value", "d?")))).isTrue();
    }

    @Test
    void wildcardsAndEscapes() {
        assertThat(Filters.wildcard("web-*", "web-1")).isTrue();
        assertThat(Filters.wildcard("web-?", "web-10")).isFalse();
        assertThat(Filters.wildcard("a.b", "axb")).as("regex characters are literal").isFalse();
        assertThat(Filters.wildcard("\\*amazon\\?\\\\", "*amazon?\\")).isTrue();
        assertThat(Filters.wildcard("\\*amazon", "xamazon")).isFalse();
        assertThat(Filters.wildcard("exact", "exact")).isTrue();
    }

    @Test
    void unknownFilterNamesAreRejected() {
        assertThatThrownBy(() -> FILTERS.validate(List.of(filter("colour", "red"))))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameterValue");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("The filter 'colour' is invalid");
                });
    }
}
