package io.cloudjar.core.auth;

import io.cloudjar.core.model.ModelClasses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One check of an operation: an IAM action on resources rendered from the input, with condition keys, when a
 * guard holds. One line of a rules file (see {@link OperationRules} for the format).
 *
 * @param checkedBy who makes the check: the pipeline, the provider itself (S3 DeleteObjects per key,
 *                  {@code iam:PassRole}), or nobody (AWS requires no permission: {@code sts:GetCallerIdentity});
 *                  the pipeline makes only its own, the table lists them all
 */
public record AuthorizationRule(
        String operation,
        String action,
        List<RuleTemplate> resources,
        Map<String, RuleTemplate> conditions,
        RuleTemplate onlyIf,
        RuleTemplate unless,
        CheckedBy checkedBy,
        String source) {

    public enum CheckedBy { PIPELINE, PROVIDER, NOBODY }

    /** Whether this rule applies to the input: its {@code if:} renders to something, its {@code unless:} to nothing. */
    public boolean appliesTo(SdkPojo input, RuleScope scope, Map<String, RuleResolver> resolvers) {
        return (onlyIf == null || !onlyIf.render(input, scope, resolvers).isEmpty())
                && (unless == null || unless.render(input, scope, resolvers).isEmpty());
    }

    /** The resource ARNs of the call; {@code *} when every template drops out. */
    public List<String> renderResources(SdkPojo input, RuleScope scope, Map<String, RuleResolver> resolvers) {
        List<String> out = new ArrayList<>(2);
        for (RuleTemplate template : resources) {
            for (String arn : template.render(input, scope, resolvers)) {
                if (!out.contains(arn)) {
                    out.add(arn);
                }
            }
        }
        return out.isEmpty() ? List.of("*") : out;
    }

    /**
     * The rule's condition keys added to the call's. A key named {@code prefix/*} takes tag structures (members
     * Key and Value, or key and value as Lightsail names them) and becomes {@code prefix/<Key>} = Value for each:
     * {@code aws:RequestTag/*={Tags}}.
     */
    public Map<String, List<String>> renderKeys(Map<String, List<String>> callKeys, SdkPojo input, RuleScope scope,
                                                Map<String, RuleResolver> resolvers) {
        if (conditions.isEmpty()) {
            return callKeys;
        }
        Map<String, List<String>> keys = new LinkedHashMap<>(callKeys);
        conditions.forEach((key, template) -> {
            if (key.endsWith("/*")) {
                String prefix = key.substring(0, key.length() - 1);
                for (Object tag : template.rawValues(input, scope, resolvers)) {
                    if (tag instanceof SdkPojo pojo && tagMember(pojo, "Key") instanceof String k) {
                        Object v = tagMember(pojo, "Value");
                        keys.computeIfAbsent(prefix + k, x -> new ArrayList<>()).add(v == null ? "" : v.toString());
                    }
                }
                return;
            }
            List<String> values = template.render(input, scope, resolvers);
            if (!values.isEmpty()) {
                keys.put(key, values);
            }
        });
        return keys;
    }

    private static Object tagMember(SdkPojo tag, String name) {
        Object value = ModelClasses.member(tag, name);
        return value != null ? value : ModelClasses.member(tag, name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Every template of the rule, for validation. */
    List<RuleTemplate> templates() {
        List<RuleTemplate> all = new ArrayList<>(resources);
        all.addAll(conditions.values());
        if (onlyIf != null) {
            all.add(onlyIf);
        }
        if (unless != null) {
            all.add(unless);
        }
        return all;
    }

    @Override
    public String toString() {
        return source;
    }
}
