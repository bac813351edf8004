package io.cloudjar.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The operations, validation facts and errors of one AWS API, from its generated model resource. */
public final class ApiModel {
    private final ApiMetadata metadata;
    private final Map<String, OperationModel> operations = new LinkedHashMap<>();
    private final Map<String, OperationModel> operationsByLowerName = new HashMap<>();
    private final Map<String, ShapeFacts> shapes = new HashMap<>();
    private final Map<String, ErrorShape> errors = new HashMap<>();
    private final ClassLoader classLoader;

    ApiModel(ApiMetadata metadata, JsonNode root, ClassLoader classLoader) {
        this.metadata = metadata;
        this.classLoader = classLoader;
        root.path("operations").fields().forEachRemaining(e -> {
            OperationModel op = new OperationModel(this, e.getKey(), e.getValue());
            operations.put(e.getKey(), op);
            operationsByLowerName.put(e.getKey().toLowerCase(Locale.ROOT), op);
        });
        Map<String, List<String>> enums = new HashMap<>();
        root.path("enums").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            enums.put(e.getKey(), List.copyOf(values));
        });
        root.path("shapes").fields().forEachRemaining(e -> shapes.put(e.getKey(), ShapeFacts.from(e.getValue(), enums)));
        root.path("errors").fields().forEachRemaining(e -> errors.put(e.getKey(), new ErrorShape(e.getKey(),
                e.getValue().path("status").asInt(400), e.getValue().path("sender").asBoolean(true))));
    }

    public ApiMetadata metadata() {
        return metadata;
    }

    /** The operation of this exact name, e.g. {@code CreateVpc}; null if the API has none. */
    public OperationModel operation(String name) {
        return operations.get(name);
    }

    /** Case-insensitive lookup, for names typed by hand (LocalStack-style internal calls). */
    public OperationModel operationIgnoreCase(String name) {
        return operationsByLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    public Collection<OperationModel> operations() {
        return Collections.unmodifiableCollection(operations.values());
    }

    /** Validation facts of an SDK model class by its simple name; never null. */
    public ShapeFacts shape(Class<?> sdkClass) {
        return shapes.getOrDefault(sdkClass.getSimpleName(), ShapeFacts.NONE);
    }

    public ErrorShape error(String code) {
        return errors.get(code);
    }

    Class<?> loadModelClass(String simpleName) {
        try {
            return Class.forName(metadata.sdkPackage() + ".model." + simpleName, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The SDK model class " + simpleName + " of " + metadata.api()
                    + " is not on the class path", e);
        }
    }
}
