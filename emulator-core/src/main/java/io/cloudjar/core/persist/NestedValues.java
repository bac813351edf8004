package io.cloudjar.core.persist;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Values inside kept records that Jackson cannot write by their fields: SDK model objects (immutable, built through
 * builders: written as the JSON protocols write them, by {@link SdkValues}) and {@link LiveValue}s (written as their
 * kept record with its class's name, read back as that record).
 */
final class NestedValues {
    private static final String CLASS = "class";
    private static final String VALUE = "value";

    private NestedValues() {
    }

    /** SDK model objects inside records, as the JSON protocols write them. */
    static SimpleModule sdkValues(SdkValues sdkValues) {
        SimpleModule module = withReaders("cloudjar-sdk-values", new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription description) {
                Class<?> raw = type.getRawClass();
                return SdkPojo.class.isAssignableFrom(raw) ? new JsonDeserializer<>() {
                    @Override
                    public Object deserialize(JsonParser in, DeserializationContext context) throws IOException {
                        return sdkValues.read(in.readValueAsTree().toString(), raw);
                    }
                } : null;
            }
        });
        module.addSerializer(SdkPojo.class, new JsonSerializer<>() {
            @Override
            public void serialize(SdkPojo value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeRawValue(sdkValues.write(value));
            }
        });
        return module;
    }

    /**
     * {@link LiveValue}s as {@code {"class": …, "value": …}}: the kept record written and read by a mapper without this
     * module (the record may itself be a LiveValue, as a server's dormant form is a server).
     */
    static SimpleModule liveValues(SdkValues sdkValues) {
        ObjectMapper plain = StateJson.builder().addModule(sdkValues(sdkValues)).build();
        SimpleModule module = withReaders("cloudjar-live-values", new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription description) {
                Class<?> raw = type.getRawClass();
                return LiveValue.class.isAssignableFrom(raw) ? new JsonDeserializer<>() {
                    @Override
                    public Object deserialize(JsonParser in, DeserializationContext context) throws IOException {
                        JsonNode node = in.readValueAsTree();
                        Class<?> keptClass;
                        try {
                            keptClass = Class.forName(node.path(CLASS).asText(), false, raw.getClassLoader());
                        } catch (ClassNotFoundException e) {
                            throw context.weirdStringException(node.path(CLASS).asText(), raw, "no such class");
                        }
                        if (!raw.isAssignableFrom(keptClass)) {
                            throw context.weirdStringException(keptClass.getName(), raw, "not a " + raw.getName());
                        }
                        return plain.treeToValue(node.path(VALUE), keptClass);
                    }
                } : null;
            }
        });
        module.addSerializer(LiveValue.class, new JsonSerializer<>() {
            @Override
            public void serialize(LiveValue value, JsonGenerator out, SerializerProvider provider) throws IOException {
                Record kept = value.kept();
                out.writeStartObject();
                out.writeStringField(CLASS, kept.getClass().getName());
                out.writeFieldName(VALUE);
                out.writeTree(plain.valueToTree(kept));
                out.writeEndObject();
            }
        });
        return module;
    }

    /** A module that also finds deserializers through {@code readers} (SimpleModule's own are by exact class only). */
    private static SimpleModule withReaders(String name, Deserializers readers) {
        return new SimpleModule(name) {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addDeserializers(readers);
            }
        };
    }
}
