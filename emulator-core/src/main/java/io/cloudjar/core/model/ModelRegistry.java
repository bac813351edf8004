package io.cloudjar.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Properties;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS API models, from the resources {@code tools/modelgen} generated. The index (a properties file,
 * so start-up loads no JSON library) is read at start-up; an API's operations are read the first time a
 * request for that API arrives.
 */
public final class ModelRegistry {
    private static final String BASE = "cloudjar/models/";

    private final Map<String, ApiMetadata> metadata;
    private final Map<String, ApiModel> loaded = new ConcurrentHashMap<>();
    private final ClassLoader classLoader;

    public ModelRegistry() {
        this(ModelRegistry.class.getClassLoader());
    }

    public ModelRegistry(ClassLoader classLoader) {
        this.classLoader = classLoader;
        Properties index = new Properties();
        try (InputStream in = classLoader.getResourceAsStream(BASE + "index.properties")) {
            if (in == null) {
                throw new IllegalStateException("Missing model resource " + BASE + "index.properties");
            }
            index.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, ApiMetadata> apis = new TreeMap<>();
        for (String key : index.stringPropertyNames()) {
            if (key.endsWith(".api")) {
                String api = index.getProperty(key);
                apis.put(api, ApiMetadata.from(index, api));
            }
        }
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

    /** The API's operation table, read without the JSON model (see {@link OperationTable}). */
    public OperationTable operationTable(String api) {
        if (!metadata.containsKey(api)) {
            throw new IllegalArgumentException("Unknown API " + api);
        }
        return OperationTable.read(classLoader, BASE + api + ".operations");
    }

    private JsonNode read(String name) {
        try (InputStream in = classLoader.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing model resource " + BASE + name);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson is first needed on an API's first call, not at start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
