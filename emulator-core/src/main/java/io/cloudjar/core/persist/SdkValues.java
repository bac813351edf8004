package io.cloudjar.core.persist;

/**
 * How SDK model objects are written in the state file (the JSON protocols' form): given to the state file by the
 * runtime, which knows the codecs, so this package does not depend on them.
 */
public interface SdkValues {
    String write(Object sdkModelObject);

    <T> T read(String json, Class<T> type);
}
