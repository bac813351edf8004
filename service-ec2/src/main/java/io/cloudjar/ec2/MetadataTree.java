package io.cloudjar.ec2;

import io.cloudjar.core.spi.PlainResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One directory of the instance metadata service: names to values or subdirectories. A directory answers
 * its listing as IMDS prints it (one entry a line, sorted, subdirectories with a trailing {@code /}, no final
 * newline); a value answers when asked, so costly ones (role credentials) are made only for the path read.
 */
final class MetadataTree {
    private final TreeMap<String, Object> entries = new TreeMap<>();
    private final Map<String, String> labels = new HashMap<>();

    /** A text value; nothing is added when {@code value} is null (as IMDS omits what an instance lacks). */
    MetadataTree text(String name, String value) {
        if (value != null) {
            entries.put(name, (Supplier<PlainResponse>) () -> ImdsAnswers.text(value));
        }
        return this;
    }

    /** A value made when read. */
    MetadataTree value(String name, Supplier<PlainResponse> value) {
        entries.put(name, value);
        return this;
    }

    /** The subdirectory {@code name}, created when missing. */
    MetadataTree dir(String name) {
        return (MetadataTree) entries.computeIfAbsent(name, n -> new MetadataTree());
    }

    /** A subdirectory listed under another label than its name ({@code public-keys/} lists {@code 0=my-key}). */
    MetadataTree dir(String name, String label) {
        labels.put(name, label);
        return dir(name);
    }

    /** The answer at {@code path} (names below this directory), or empty when nothing is there. */
    Optional<PlainResponse> answer(List<String> path) {
        if (path.isEmpty()) {
            return Optional.of(ImdsAnswers.text(listing()));
        }
        Object entry = entries.get(path.get(0));
        if (entry instanceof MetadataTree dir) {
            return dir.answer(path.subList(1, path.size()));
        }
        if (entry == null || path.size() > 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Supplier<PlainResponse> value = (Supplier<PlainResponse>) entry;
        return Optional.ofNullable(value.get());
    }

    String listing() {
        return entries.entrySet().stream().map(e -> labels.getOrDefault(e.getKey(),
                e.getValue() instanceof MetadataTree ? e.getKey() + "/" : e.getKey())).collect(Collectors.joining("\n"));
    }
}
