package io.cloudjar.vpc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.SourceCalls;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the callers of {@link Ec2Errors} in service-vpc and service-ec2 against the catalogue, as typed keys would:
 * every key used has a row, every row is used, and each call fills exactly its template's placeholders.
 */
class Ec2ErrorKeysTest {
    /** Both modules' sources; tests run in this module's directory, service-ec2 is its sibling. */
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../service-ec2/src/main/java"));
    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]");

    private static List<SourceCalls.Call> calls() {
        return SOURCES.stream().flatMap(root -> SourceCalls.find(root, "Ec2Errors.of").stream()).toList();
    }

    @Test
    void everyKeyUsedHasARow() {
        assertThat(calls()).hasSizeGreaterThan(300)
                .allSatisfy(call -> assertThat(Ec2Errors.entries()).as(call.toString()).containsKey(call.key()));
    }

    @Test
    void everyRowIsUsed() {
        Set<String> used = calls().stream().map(SourceCalls.Call::key).collect(Collectors.toSet());
        assertThat(Ec2Errors.entries().keySet().stream().filter(key -> !used.contains(key))).as("rows nobody raises").isEmpty();
    }

    @Test
    void eachCallPassesAsManyArgumentsAsItsTemplateHasPlaceholders() {
        Stream<SourceCalls.Call> known = calls().stream().filter(call -> Ec2Errors.entries().containsKey(call.key()));
        assertThat(known).allSatisfy(call -> assertThat(call.argumentCount() - 1).as(call.toString())
                .isEqualTo(placeholders(Ec2Errors.entries().get(call.key()).template())));
    }

    private static long placeholders(String template) {
        return PLACEHOLDER.matcher(template).results().map(m -> m.group())
                .filter(p -> !p.equals("%%") && !p.equals("%n")).count();
    }
}
