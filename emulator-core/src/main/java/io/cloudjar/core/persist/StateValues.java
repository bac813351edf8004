package io.cloudjar.core.persist;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cloudjar.core.protocol.json.SdkJson;
import software.amazon.awssdk.core.SdkPojo;

/**
 * A value of any kind a service keeps (an SDK model object such as an S3 lifecycle configuration, a record, an enum)
 * as JSON text and back, for state that holds values of many classes in one map and names each one's class.
 */
public final class StateValues {
    private StateValues() {
    }

    public static String write(Object value) {
        if (value instanceof SdkPojo pojo) {
            return SdkJson.write(pojo);
        }
        try {
            return StateJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a " + value.getClass().getName() + " to the state file", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        if (SdkPojo.class.isAssignableFrom(type)) {
            return SdkJson.read(json, type);
        }
        try {
            return StateJson.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreFormatException("Cannot read a " + type.getName() + " from the state file: " + e.getOriginalMessage(), e);
        }
    }
}
