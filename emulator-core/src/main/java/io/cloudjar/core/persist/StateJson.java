package io.cloudjar.core.persist;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * How records are written in the state file: JSON of their fields (not their getters, which are views), times as
 * ISO-8601 text. Fields a newer Cloudjar added read as their defaults; fields an older one had are ignored. Mutable
 * state classes without a parameterless constructor are read field by field ({@link FieldsOnlyInstantiator}).
 */
final class StateJson {
    static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(cloudjarTypes())
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .enable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The mapper of one state file: also writes SDK model objects held inside records (a Lightsail domain's
     * {@code DomainEntry} list) in the JSON protocols' form, through {@code sdkValues}, and {@link LiveValue}s as their
     * kept form.
     */
    static ObjectMapper mapper(SdkValues sdkValues) {
        return builder().addModule(NestedValues.sdkValues(sdkValues)).addModule(NestedValues.liveValues(sdkValues)).build();
    }

    private StateJson() {
    }

    private static SimpleModule cloudjarTypes() {
        SimpleModule module = new SimpleModule("cloudjar-state") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addValueInstantiators(new FieldsOnlyInstantiator.ForCloudjarClasses());
            }
        };
        // a BitSet has no bean fields Jackson could see: without this it would be written as {} and read back empty
        module.addSerializer(BitSet.class, new JsonSerializer<>() {
            @Override
            public void serialize(BitSet bits, JsonGenerator out, SerializerProvider provider) throws IOException {
                long[] words = bits.toLongArray();
                out.writeArray(words, 0, words.length);
            }
        });
        module.addDeserializer(BitSet.class, new JsonDeserializer<>() {
            @Override
            public BitSet deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return BitSet.valueOf(in.readValueAs(long[].class));
            }
        });
        // a Path as its text: Jackson's own form is a URI, which makes a relative path absolute
        module.addSerializer(Path.class, new JsonSerializer<>() {
            @Override
            public void serialize(Path path, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(path.toString());
            }
        });
        module.addDeserializer(Path.class, new JsonDeserializer<>() {
            @Override
            public Path deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return Path.of(in.getValueAsString());
            }
        });
        return module;
    }
}
