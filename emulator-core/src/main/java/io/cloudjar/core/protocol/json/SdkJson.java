package io.cloudjar.core.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.protocol.FieldPath;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.SdkPojo;

/**
 * An SDK model object as JSON text and back, the way the JSON protocols write it (member wire names, timestamps as
 * epoch seconds): for state that keeps SDK values (an S3 bucket's lifecycle configuration) and must write them down.
 */
public final class SdkJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper READER = new ObjectMapper();

    private SdkJson() {
    }

    public static String write(SdkPojo value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            new JsonShapeWriter(out).writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The model object of {@code type} that {@link #write} wrote as {@code json}. */
    public static <T> T read(String json, Class<T> type) {
        SdkPojo builder = ModelClasses.newBuilder(type);
        try {
            JsonNode tree = READER.readTree(json);
            JsonShapeReader.readMembers(tree, builder, FieldPath.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return type.cast(ModelClasses.build(builder));
    }
}
