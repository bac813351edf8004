package io.cloudjar.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the AWS model says about a request structure that the SDK class does not: which members are
 * required and which constraints (enum, length, range, pattern) each member has.
 */
public final class ShapeFacts {
    static final ShapeFacts NONE = new ShapeFacts(List.of(), Map.of());

    private final List<String> required;
    private final Map<String, MemberConstraints> members;

    private ShapeFacts(List<String> required, Map<String, MemberConstraints> members) {
        this.required = required;
        this.members = members;
    }

    static ShapeFacts from(JsonNode node, Map<String, List<String>> enums) {
        List<String> required = new ArrayList<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        Map<String, MemberConstraints> members = new LinkedHashMap<>();
        node.path("members").fields().forEachRemaining(e -> members.put(e.getKey(), MemberConstraints.from(e.getValue(), enums)));
        return new ShapeFacts(List.copyOf(required), Collections.unmodifiableMap(members));
    }

    public List<String> required() {
        return required;
    }

    public MemberConstraints member(String memberName) {
        return members.get(memberName);
    }

    /** Constraints of one member; any part may be absent (null). */
    public record MemberConstraints(List<String> enumValues, List<String> itemEnumValues, Long min, Long max, String pattern) {
        static MemberConstraints from(JsonNode node, Map<String, List<String>> enums) {
            return new MemberConstraints(
                    node.hasNonNull("enum") ? enums.get(node.get("enum").asText()) : null,
                    node.hasNonNull("itemEnum") ? enums.get(node.get("itemEnum").asText()) : null,
                    node.hasNonNull("min") ? node.get("min").asLong() : null,
                    node.hasNonNull("max") ? node.get("max").asLong() : null,
                    node.hasNonNull("pattern") ? node.get("pattern").asText() : null);
        }
    }
}
