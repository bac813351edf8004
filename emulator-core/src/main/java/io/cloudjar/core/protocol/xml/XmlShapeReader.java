package io.cloudjar.core.protocol.xml;

import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.protocol.FieldPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;
import software.amazon.awssdk.core.traits.XmlAttributeTrait;

/**
 * Reads an XML element into an SDK model builder, walking {@code sdkFields()}: the REST-XML request
 * payload decoder. Element names are those the SDK marshals with ({@code locationName}).
 */
public final class XmlShapeReader {
    private XmlShapeReader() {
    }

    /** Fills {@code builder}'s payload members from the children and attributes of {@code element}. */
    public static void readMembers(XmlNode element, SdkPojo builder, FieldPath path) {
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            FieldPath memberPath = path.child(field.memberName());
            Object value;
            if (field.containsTrait(XmlAttributeTrait.class)) {
                String attr = field.locationName();
                String text = element.attributes().get(attr.substring(attr.indexOf(':') + 1));
                value = text == null ? null : memberPath.parse(field, text, Format.ISO_8601);
            } else {
                value = readMember(element, field, memberPath);
            }
            if (value != null) {
                field.set(builder, value);
            }
        }
    }

    /** Builds the structure that {@code field} holds from {@code element}. */
    public static Object readStructure(XmlNode element, SdkField<?> field, FieldPath path) {
        SdkPojo builder = field.constructor().get();
        readMembers(element, builder, path);
        return ModelClasses.build(builder);
    }

    private static Object readMember(XmlNode parent, SdkField<?> field, FieldPath path) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        boolean flattened = type == MarshallingKnownType.LIST && field.getRequiredTrait(ListTrait.class).isFlattened()
                || type == MarshallingKnownType.MAP && field.getRequiredTrait(MapTrait.class).isFlattened();
        if (flattened) {
            List<XmlNode> nodes = parent.children(field.locationName());
            return nodes.isEmpty() ? null : type == MarshallingKnownType.LIST
                    ? readItems(nodes, field, path) : readEntries(nodes, field, path);
        }
        XmlNode child = parent.child(field.locationName());
        return child == null ? null : readValue(child, field, path);
    }

    private static Object readValue(XmlNode node, SdkField<?> field, FieldPath path) {
        switch (field.marshallingType().getKnownType()) {
            case SDK_POJO:
                return readStructure(node, field, path);
            case LIST:
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                return readItems(node.children(member.locationName() != null ? member.locationName() : "member"), field, path);
            case MAP:
                return readEntries(node.children("entry"), field, path);
            default:
                return path.parse(field, node.text().strip(), Format.ISO_8601);
        }
    }

    private static List<Object> readItems(List<XmlNode> items, SdkField<?> listField, FieldPath path) {
        SdkField<?> member = listField.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> values = new ArrayList<>(items.size());
        int i = 1;
        for (XmlNode item : items) {
            values.add(readValue(item, member, path.index(i++)));
        }
        return values;
    }

    private static Map<String, Object> readEntries(List<XmlNode> entries, SdkField<?> mapField, FieldPath path) {
        MapTrait trait = mapField.getRequiredTrait(MapTrait.class);
        Map<String, Object> map = new LinkedHashMap<>();
        for (XmlNode entry : entries) {
            XmlNode key = entry.child(trait.keyLocationName());
            XmlNode value = entry.child(trait.valueLocationName());
            if (key != null) {
                map.put(key.text(), value == null ? null : readValue(value, trait.valueFieldInfo(), path.child(key.text())));
            }
        }
        return map;
    }
}
