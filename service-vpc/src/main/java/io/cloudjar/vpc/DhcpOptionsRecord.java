package io.cloudjar.vpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A DHCP option set ({@code dopt-}): option name (e.g. {@code domain-name-servers}) → values. */
final class DhcpOptionsRecord extends Resource {
    final String ownerId;
    final Map<String, List<String>> configurations = new LinkedHashMap<>();

    DhcpOptionsRecord(String id, String ownerId, Map<String, List<String>> configurations, Map<String, String> tags) {
        super(id, tags);
        this.ownerId = ownerId;
        this.configurations.putAll(configurations);
    }
}
