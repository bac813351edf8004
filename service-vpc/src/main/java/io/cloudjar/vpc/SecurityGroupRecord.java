package io.cloudjar.vpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A security group: name unique per VPC, stateful allow-only rules kept in the order they were added. */
final class SecurityGroupRecord extends Resource {
    static final String DEFAULT_NAME = "default";

    final String groupName;
    final String description;
    final String vpcId;
    final String ownerId;
    final Map<String, SecurityGroupRuleRecord> rules = new LinkedHashMap<>();

    SecurityGroupRecord(String id, String groupName, String description, String vpcId, String ownerId,
                        Map<String, String> tags) {
        super(id, tags);
        this.groupName = groupName;
        this.description = description;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
    }

    boolean isDefault() {
        return DEFAULT_NAME.equals(groupName);
    }

    List<SecurityGroupRuleRecord> rules(boolean egress) {
        return rules.values().stream().filter(r -> r.egress == egress).toList();
    }
}
