package io.cloudjar.core.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cloudjar.core.protocol.WireValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;

/** Writes an SDK model object as JSON, walking {@code sdkFields()}; timestamps as epoch seconds. */
final class JsonShapeWriter {
    private final JsonGenerator out;

    JsonShapeWriter(JsonGenerator out) {
        this.out = out;
    }

    void writeObject(SdkPojo pojo) throws IOException {
        out.writeStartObject();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (WireValues.isPresent(value)) {
                out.writeFieldName(field.locationName());
                writeValue(field, value);
            }
        }
        out.writeEndObject();
    }

    private void writeValue(SdkField<?> field, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
            return;
        }
        MarshallingKnownType type = field.marshallingType().getKnownType();
        switch (type) {
            case SDK_POJO -> writeObject((SdkPojo) value);
            case LIST -> {
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                out.writeStartArray();
                for (Object item : (List<?>) value) {
                    writeValue(member, item);
                }
                out.writeEndArray();
            }
            case MAP -> {
                SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
                out.writeStartObject();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    out.writeFieldName(String.valueOf(e.getKey()));
                    writeValue(valueField, e.getValue());
                }
                out.writeEndObject();
            }
            case DOCUMENT -> writeDocument((Document) value);
            case INSTANT -> {
                Format format = WireValues.timestampFormat(field, Format.UNIX_TIMESTAMP);
                String text = WireValues.formatInstant((Instant) value, format);
                if (format == Format.UNIX_TIMESTAMP || format == Format.UNIX_TIMESTAMP_MILLIS) {
                    out.writeNumber(new BigDecimal(text));
                } else {
                    out.writeString(text);
                }
            }
            case SDK_BYTES -> out.writeString(WireValues.format(field, (SdkBytes) value, Format.UNIX_TIMESTAMP));
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case INTEGER, SHORT, BYTE -> out.writeNumber(((Number) value).intValue());
            case LONG -> out.writeNumber((Long) value);
            case FLOAT -> out.writeNumber((Float) value);
            case DOUBLE -> out.writeNumber((Double) value);
            case BIG_DECIMAL -> out.writeNumber((BigDecimal) value);
            default -> out.writeString(String.valueOf(value));
        }
    }

    private void writeDocument(Document doc) throws IOException {
        if (doc.isNull()) {
            out.writeNull();
        } else if (doc.isBoolean()) {
            out.writeBoolean(doc.asBoolean());
        } else if (doc.isNumber()) {
            out.writeNumber(doc.asNumber().bigDecimalValue());
        } else if (doc.isString()) {
            out.writeString(doc.asString());
        } else if (doc.isList()) {
            out.writeStartArray();
            for (Document d : doc.asList()) {
                writeDocument(d);
            }
            out.writeEndArray();
        } else {
            out.writeStartObject();
            for (Map.Entry<String, Document> e : doc.asMap().entrySet()) {
                out.writeFieldName(e.getKey());
                writeDocument(e.getValue());
            }
            out.writeEndObject();
        }
    }
}
