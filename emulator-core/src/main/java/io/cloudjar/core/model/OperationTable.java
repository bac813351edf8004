package io.cloudjar.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Properties;
import java.util.TreeMap;

/**
 * An API's operations as the start-up wiring check needs them: each operation's name, SDK request and response
 * classes and whether its input streams. Read from the generated {@code <api>.operations} properties file, so
 * start-up parses no JSON model (the full model is read on the API's first call).
 */
public final class OperationTable {
    /** One operation; class names are simple names in the API's SDK model package. */
    public record Entry(String name, String inputClass, String outputClass, boolean streamingInput) {
        /** The SDK client's method name, which a provider's method must carry: {@code CreateDBInstance} → {@code createDBInstance}. */
        public String methodName() {
            return OperationTable.methodName(name);
        }
    }

    private final TreeMap<String, Entry> entries = new TreeMap<>();

    private OperationTable() {
    }

    /** The SDK client's method name of an operation: the name with a lower-case first letter. */
    static String methodName(String operation) {
        return Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
    }

    static OperationTable read(ClassLoader classLoader, String resource) {
        Properties lines = new Properties();
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing model resource " + resource);
            }
            lines.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OperationTable table = new OperationTable();
        for (String name : lines.stringPropertyNames()) {
            String[] parts = lines.getProperty(name).trim().split(" ");
            if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].equals("streaming"))) {
                throw new IllegalStateException("Malformed line for " + name + " in " + resource);
            }
            table.entries.put(name, new Entry(name, parts[0], parts[1], parts.length == 3));
        }
        return table;
    }

    public Collection<Entry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }
}
