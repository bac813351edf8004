package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.rds.engine.ParameterDefinition;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.rds.model.Parameter;

/** Finding parameter groups (default groups come into being when first named) and checking parameter changes. */
final class ParameterGroups {
    private ParameterGroups() {
    }

    /** The named group; {@code default.<family>} of a real family is created on first use, as RDS does. */
    static ParameterGroupRecord find(RdsState state, CallContext ctx, String requested) {
        if (requested == null || requested.isBlank()) {
            throw RdsErrors.invalidValue("The parameter DBParameterGroupName must be provided and must not be blank.");
        }
        String name = requested.toLowerCase(Locale.ROOT);
        ParameterGroupRecord group = state.parameterGroups.get(name);
        if (group != null) {
            return group;
        }
        String family = name.startsWith("default.") ? name.substring("default.".length()) : null;
        if (family == null || !DefaultParameters.isFamily(family)) {
            throw RdsErrors.parameterGroupNotFound(requested);
        }
        return state.parameterGroups.computeIfAbsent(name, n -> new ParameterGroupRecord(n, family,
                "Default parameter group for " + family,
                RdsArns.of(ctx.region(), ctx.accountId(), RdsArns.PARAMETER_GROUP, n), Map.of()));
    }

    static ParameterDefinition definition(ParameterGroupRecord group, String name) {
        return definition(DefaultParameters.of(group.family()), name);
    }

    static ParameterDefinition definition(java.util.List<ParameterDefinition> defaults, String name) {
        return defaults.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> RdsErrors.invalidValue("Could not find parameter with name: %s", name));
    }

    /** A group's user values with {@code changes} (Modify...ParameterGroup: 1 to 20 parameters, each checked) laid over. */
    static Map<String, ParameterGroupRecord.UserValue> withChanges(ParameterGroupRecord group,
            java.util.List<ParameterDefinition> defaults, java.util.List<Parameter> changes) {
        if (changes.isEmpty() || changes.size() > 20) {
            throw RdsErrors.invalidValue("The parameter Parameters must contain between 1 and 20 parameters.");
        }
        Map<String, ParameterGroupRecord.UserValue> values = new java.util.LinkedHashMap<>(group.userValues());
        for (Parameter p : changes) {
            ParameterDefinition d = definition(defaults, p.parameterName());
            checkChange(d, p);
            values.put(d.name(), new ParameterGroupRecord.UserValue(p.parameterValue(), p.applyMethodAsString()));
        }
        return Map.copyOf(values);
    }

    /** A group's user values after Reset...ParameterGroup: all of them, or exactly the named ones, back to the defaults. */
    static Map<String, ParameterGroupRecord.UserValue> withReset(ParameterGroupRecord group,
            java.util.List<ParameterDefinition> defaults, Boolean resetAll, java.util.List<Parameter> named) {
        boolean all = Boolean.TRUE.equals(resetAll);
        if (all == !named.isEmpty()) {
            throw RdsErrors.invalidCombination("Exactly one of ResetAllParameters and Parameters must be specified.");
        }
        Map<String, ParameterGroupRecord.UserValue> values = new java.util.LinkedHashMap<>(group.userValues());
        if (all) {
            values.clear();
        }
        for (Parameter p : named) {
            values.remove(definition(defaults, p.parameterName()).name());
        }
        return Map.copyOf(values);
    }

    /** A page of a group's parameters, of one source when asked (user, system, engine-default). */
    static io.cloudjar.core.support.Pages.Page<Parameter> page(java.util.List<Parameter> all, String source,
                                                               Integer maxRecords, String marker) {
        int max = RdsRequests.maxRecords(maxRecords);
        if (source != null && !java.util.List.of("user", "system", "engine-default").contains(source)) {
            throw RdsErrors.invalidValue("Invalid source: %s. Valid values are: user, system, engine-default", source);
        }
        java.util.List<Parameter> matching = all.stream().filter(p -> source == null || source.equals(p.source())).toList();
        return io.cloudjar.core.support.Pages.page(matching, Parameter::parameterName, max, marker);
    }

    /** DescribeEngineDefault(Cluster)Parameters: a page of a family's defaults. */
    static software.amazon.awssdk.services.rds.model.EngineDefaults engineDefaults(String family,
            java.util.List<ParameterDefinition> defaults, Integer maxRecords, String marker) {
        java.util.List<Parameter> all = defaults.stream()
                .map(d -> ParameterGroupRecord.toSdk(d, d.value(), "engine-default", "pending-reboot")).toList();
        io.cloudjar.core.support.Pages.Page<Parameter> page = page(all, null, maxRecords, marker);
        return software.amazon.awssdk.services.rds.model.EngineDefaults.builder().dbParameterGroupFamily(family)
                .parameters(page.items()).marker(page.nextToken()).build();
    }

    /**
     * A new group of {@code family} stored in {@code groups} (DB or DB cluster parameter groups: {@code arnType} and
     * {@code isFamily} tell which), refused when the name is taken.
     */
    static ParameterGroupRecord create(CallContext ctx, RdsState state, java.util.Map<String, ParameterGroupRecord> groups,
                                       String arnType, java.util.function.Predicate<String> isFamily, String name,
                                       String family, String description, java.util.List<software.amazon.awssdk.services.rds.model.Tag> tags) {
        if (family == null || description == null) {
            throw RdsErrors.invalidValue("The parameters DBParameterGroupFamily and Description must be provided.");
        }
        if (!isFamily.test(family)) {
            throw RdsErrors.invalidValue("ParameterGroupFamily %s is not a valid parameter group family", family);
        }
        ParameterGroupRecord group = new ParameterGroupRecord(name, family.toLowerCase(Locale.ROOT), description,
                RdsArns.of(ctx.region(), ctx.accountId(), arnType, name), Map.of());
        synchronized (state.lock) {
            if (groups.containsKey(name)) {
                throw RdsErrors.parameterGroupExists(name);
            }
            groups.put(name, group);
            state.putTags(group.arn(), RdsTags.of(tags));
        }
        return group;
    }

    /** Default groups take no change, as AWS refuses them. */
    static void refuseDefault(ParameterGroupRecord group) {
        if (group.isDefault()) {
            throw RdsErrors.invalidValue("The parameter group %s can't be modified. Default parameter groups cannot be modified.", group.name());
        }
    }

    /** A change AWS accepts: a modifiable parameter, an allowed value, pending-reboot for a static one. */
    static void checkChange(ParameterDefinition d, Parameter p) {
        if (!d.modifiable()) {
            throw RdsErrors.invalidValue("The parameter %s cannot be modified.", d.name());
        }
        if (p.applyMethod() == null) {
            throw RdsErrors.invalidValue("The parameter ApplyMethod of %s must be immediate or pending-reboot.", d.name());
        }
        if (d.isStatic() && "immediate".equals(p.applyMethodAsString())) {
            throw RdsErrors.invalidCombination("cannot use immediate apply method for static parameter");
        }
        if (!d.accepts(p.parameterValue())) {
            throw outOfRange(d, p.parameterValue());
        }
    }

    private static RuntimeException outOfRange(ParameterDefinition d, String value) {
        return RdsErrors.invalidValue("Value: %s is outside of range: %s for parameter: %s", value, d.allowedValues(), d.name());
    }
}
