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

    private final Map<String, List<String>> params;
    private final ListStyle style;

    QueryShapeReader(Map<String, List<String>> params, ListStyle style) {
        this.params = params;
        this.style = style;
    }

    void readMembers(String prefix, SdkPojo builder, FieldPath path) {
        for (SdkField<?> field : builder.sdkFields()) {
            Object value = readValue(prefix + field.locationName(), field, path.child(field.memberName()));
            if (value != null) {
                field.set(builder, value);
            }
        }
    }

    private Object readValue(String name, SdkField<?> field, FieldPath path) {
        switch (field.marshallingType().getKnownType()) {
            case SDK_POJO:
                if (!hasPrefix(name + ".")) {
                    return null;
                }
                SdkPojo nested = field.constructor().get();
                readMembers(name + ".", nested, path);
                return ModelClasses.build(nested);
            case LIST:
                return readList(name, field, path);
            case MAP:
                return readMap(name, field, path);
            default:
                List<String> values = params.get(name);
                return values == null ? null : path.parse(field, values.get(0), Format.ISO_8601);
        }
    }

    private List<Object> readList(String name, SdkField<?> field, FieldPath path) {
        ListTrait trait = field.getRequiredTrait(ListTrait.class);
        String itemPrefix;
        if (style == ListStyle.EC2 || trait.isFlattened()) {
            itemPrefix = name + ".";
        } else {
            String member = trait.memberFieldInfo().locationName();
            itemPrefix = name + "." + (member == null ? "member" : member) + ".";
        }
        TreeSet<Integer> indexes = indexes(itemPrefix);
        if (indexes.isEmpty()) {
            // AWS query sends an empty list as "Name=" with nothing under it
            List<String> bare = params.get(name);
            return bare != null && bare.get(0).isEmpty() ? new ArrayList<>() : null;
        }
        List<Object> items = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            Object item = readValue(itemPrefix + i, trait.memberFieldInfo(), path.index(i));
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private Map<String, Object> readMap(String name, SdkField<?> field, FieldPath path) {
        MapTrait trait = field.getRequiredTrait(MapTrait.class);
        String entryPrefix = trait.isFlattened() || style == ListStyle.EC2 ? name + "." : name + ".entry.";
        TreeSet<Integer> indexes = indexes(entryPrefix);
        if (indexes.isEmpty()) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i : indexes) {
            List<String> key = params.get(entryPrefix + i + "." + trait.keyLocationName());
            if (key != null) {
                map.put(key.get(0), readValue(entryPrefix + i + "." + trait.valueLocationName(), trait.valueFieldInfo(),
                        path.child(key.get(0))));
            }
        }
        return map;
    }

    /** The item numbers present under a prefix, in order; AWS does not require them to be contiguous. */
    private TreeSet<Integer> indexes(String prefix) {
        TreeSet<Integer> indexes = new TreeSet<>();
        for (String key : params.keySet()) {
            if (key.startsWith(prefix)) {
                int end = key.indexOf('.', prefix.length());
                String number = end < 0 ? key.substring(prefix.length()) : key.substring(prefix.length(), end);
                try {
                    indexes.add(Integer.parseInt(number));
                } catch (NumberFormatException ignored) {
                    // not an item of this list
                }
            }
        }
        return indexes;
    }

    private boolean hasPrefix(String prefix) {
        for (String key : params.keySet()) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
