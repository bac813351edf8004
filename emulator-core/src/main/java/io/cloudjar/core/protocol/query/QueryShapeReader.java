package io.cloudjar.core.protocol.query;

import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.protocol.FieldPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;

/**
 * Reads flattened query parameters ({@code Tags.member.1.Key=...}) into an SDK builder, walking
 * {@code sdkFields()}. AWS query and EC2 differ only in how list items are named, which
 * {@link ListStyle} decides.
 */
final class QueryShapeReader {
    /** How list and map items are addressed under a member's name. */
    enum ListStyle {
        /** AWS query: {@code Name.member.N} (or {@code Name.<locationName>.N}), maps {@code Name.entry.N.key}. */
        QUERY,
        /** EC2: {@code Name.N}; the member's name is already the query name. */
        EC2
    }

    private final ParameterTree params;
    private final ListStyle style;

    QueryShapeReader(Map<String, List<String>> params, ListStyle style) {
        this.params = ParameterTree.of(params);
        this.style = style;
    }

    /** Reads the request's members from the top-level parameters. */
    void readMembers(SdkPojo builder, FieldPath path) {
        readMembers(params, builder, path);
    }

    private void readMembers(ParameterTree node, SdkPojo builder, FieldPath path) {
        for (SdkField<?> field : builder.sdkFields()) {
            ParameterTree member = node.child(field.locationName());
            Object value = member == null ? null : readValue(member, field, path.child(field.memberName()));
            if (value != null) {
                field.set(builder, value);
            }
        }
    }

    private Object readValue(ParameterTree node, SdkField<?> field, FieldPath path) {
        switch (field.marshallingType().getKnownType()) {
            case SDK_POJO:
                if (!node.hasChildren()) {
                    return null;
                }
                SdkPojo nested = field.constructor().get();
                readMembers(node, nested, path);
                return ModelClasses.build(nested);
            case LIST:
                return readList(node, field, path);
            case MAP:
                return readMap(node, field, path);
            default:
                String value = node.value();
                return value == null ? null : path.parse(field, value, Format.ISO_8601);
        }
    }

    private List<Object> readList(ParameterTree node, SdkField<?> field, FieldPath path) {
        ListTrait trait = field.getRequiredTrait(ListTrait.class);
        ParameterTree items = node;
        if (style != ListStyle.EC2 && !trait.isFlattened()) {
            String member = trait.memberFieldInfo().locationName();
            items = node.child(member == null ? "member" : member);
        }
        TreeSet<Integer> indexes = items == null ? new TreeSet<>() : items.indexes();
        if (indexes.isEmpty()) {
            // AWS query sends an empty list as "Name=" with nothing under it
            String bare = node.value();
            return bare != null && bare.isEmpty() ? new ArrayList<>() : null;
        }
        List<Object> list = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            ParameterTree itemNode = items.item(i);
            Object item = itemNode == null ? null : readValue(itemNode, trait.memberFieldInfo(), path.index(i));
            if (item != null) {
                list.add(item);
            }
        }
        return list;
    }

    private Map<String, Object> readMap(ParameterTree node, SdkField<?> field, FieldPath path) {
        MapTrait trait = field.getRequiredTrait(MapTrait.class);
        ParameterTree entries = trait.isFlattened() || style == ListStyle.EC2 ? node : node.child("entry");
        TreeSet<Integer> indexes = entries == null ? new TreeSet<>() : entries.indexes();
        if (indexes.isEmpty()) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i : indexes) {
            ParameterTree entry = entries.item(i);
            ParameterTree keyNode = entry == null ? null : entry.child(trait.keyLocationName());
            String key = keyNode == null ? null : keyNode.value();
            if (key != null) {
                ParameterTree valueNode = entry.child(trait.valueLocationName());
                map.put(key, valueNode == null ? null : readValue(valueNode, trait.valueFieldInfo(), path.child(key)));
            }
        }
        return map;
    }
}
