package io.cloudjar.vpc.api;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The {@code TagSpecification.N} parameter of EC2 create calls: tags for the resource being created.
 * Each call accepts only the resource types it creates; another type is rejected, as EC2 does.
 */
public final class TagSpecifications {
    private TagSpecifications() {
    }

    /** The tags for {@code resourceType} (e.g. {@code vpc}); empty when none were given. */
    public static Map<String, String> tagsFor(List<TagSpecification> specs, String resourceType) {
        return tagsFor(specs, Set.of(resourceType)).getOrDefault(resourceType, Map.of());
    }

    /** Tags per resource type, for calls that create several kinds of resource (e.g. RunInstances). */
    public static Map<String, Map<String, String>> tagsFor(List<TagSpecification> specs, Set<String> allowedTypes) {
        Set<String> seen = new HashSet<>();
        Map<String, Map<String, String>> byType = new java.util.LinkedHashMap<>();
        for (TagSpecification spec : specs) {
            String type = spec.resourceTypeAsString();
            if (type == null || !allowedTypes.contains(type)) {
                throw Ec2Errors.of("InvalidParameterValue#taggableType", type);
            }
            if (!seen.add(type)) {
                throw Ec2Errors.of("InvalidParameterValue#tagSpecificationRepeated");
            }
            byType.put(type, Tags.toMap(spec.tags()));
        }
        return byType;
    }
}
