package io.cloudjar.core.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.protocol.FieldPath;
import io.cloudjar.core.protocol.WireValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;

/** Reads a JSON object into an SDK builder, walking {@code sdkFields()}; types are checked strictly. */
final class JsonShapeReader {
    private JsonShapeReader() {
    }

    static void readMembers(JsonNode object, SdkPojo builder, FieldPath path) {
        if (!object.isObject()) {
            throw new FieldPath.InvalidMemberValueException(path, object.toString(), "structure");
        }
        for (SdkField<?> field : builder.sdkFields()) {
            JsonNode node = object.get(field.locationName());
            if (node != null && !node.isNull()) {
                field.set(builder, readValue(node, field, path.child(field.memberName())));
            }
        }
    }

    private static Object readValue(JsonNode node, SdkField<?> field, FieldPath path) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        switch (type) {
            case SDK_POJO: {
                SdkPojo nested = field.constructor().get();
                readMembers(node, nested, path);
                return ModelClasses.build(nested);
            }
            case LIST: {
                expect(node.isArray(), node, path, "list");
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                List<Object> items = new ArrayList<>(node.size());
                int i = 1;
                for (JsonNode item : node) {
                    items.add(item.isNull() ? null : readValue(item, member, path.index(i)));
                    i++;
                }
                return items;
            }
            case MAP: {
                expect(node.isObject(), node, path, "map");
                SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
                Map<String, Object> map = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> map.put(e.getKey(),
                        e.getValue().isNull() ? null : readValue(e.getValue(), valueField, path.child(e.getKey()))));
                return map;
            }
            case DOCUMENT:
                return toDocument(node);
            case STRING:
                expect(node.isTextual(), node, path, "string");
                return node.textValue();
            case BOOLEAN:
                expect(node.isBoolean(), node, path, "boolean");
                return node.booleanValue();
            case INSTANT:
                if (node.isNumber()) {
                    return WireValues.parseInstant(node.decimalValue().toPlainString(), Format.UNIX_TIMESTAMP);
                }
                expect(node.isTextual(), node, path, "timestamp");
                return path.parse(field, node.textValue(), Format.UNIX_TIMESTAMP);
            case SDK_BYTES:
                expect(node.isTextual(), node, path, "blob");
                return path.parse(field, node.textValue(), Format.UNIX_TIMESTAMP);
            default:
                expect(node.isNumber(), node, path, type.name().toLowerCase(java.util.Locale.ROOT));
                return path.parse(field, node.numberValue() instanceof BigDecimal d ? d.toPlainString() : node.asText(),
                        Format.UNIX_TIMESTAMP);
        }
    }

    private static void expect(boolean ok, JsonNode node, FieldPath path, String type) {
        if (!ok) {
            throw new FieldPath.InvalidMemberValueException(path, node.toString(), type);
        }
    }

    private static Document toDocument(JsonNode node) {
        if (node.isObject()) {
            Map<String, Document> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), toDocument(e.getValue())));
            return Document.fromMap(map);
        }
        if (node.isArray()) {
            List<Document> list = new ArrayList<>();
            node.forEach(n -> list.add(toDocument(n)));
            return Document.fromList(list);
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isNull()) {
            return Document.fromNull();
        }
        return Document.fromString(node.asText());
    }
}
