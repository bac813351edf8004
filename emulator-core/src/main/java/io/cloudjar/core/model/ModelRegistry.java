package io.cloudjar.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS API models, from the resources {@code tools/modelgen} generated. The index (a few KB) is read
 * at start-up; an API's operations are read the first time a request for that API arrives.
 */
public final class ModelRegistry {
    private static final String BASE = "cloudjar/models/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, ApiMetadata> metadata;
    private final Map<String, ApiModel> loaded = new ConcurrentHashMap<>();
    private final ClassLoader classLoader;

    public ModelRegistry() {
        this(ModelRegistry.class.getClassLoader());
    }

    public ModelRegistry(ClassLoader classLoader) {
        this.classLoader = classLoader;
        JsonNode index = read("index.json");
        Map<String, ApiMetadata> apis = new LinkedHashMap<>();
        index.fields().forEachRemaining(e -> apis.put(e.getKey(), ApiMetadata.from(e.getValue())));
        this.metadata = Collections.unmodifiableMap(apis);
    }

    public Collection<ApiMetadata> apis() {
        return metadata.values();
    }

    public ApiMetadata metadata(String api) {
        return metadata.get(api);
    }

    public ApiModel api(String api) {
        ApiMetadata meta = metadata.get(api);
        if (meta == null) {
            throw new IllegalArgumentException("Unknown API " + api);
        }
        return loaded.computeIfAbsent(api, a -> new ApiModel(meta, read(a + ".json"), classLoader));
    }

    private JsonNode read(String name) {
        try (InputStream in = classLoader.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing model resource " + BASE + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
