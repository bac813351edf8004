package io.cloudjar.rds;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Pages;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.rds.model.CreateOptionGroupRequest;
import software.amazon.awssdk.services.rds.model.CreateOptionGroupResponse;
import software.amazon.awssdk.services.rds.model.DeleteOptionGroupRequest;
import software.amazon.awssdk.services.rds.model.DeleteOptionGroupResponse;
import software.amazon.awssdk.services.rds.model.DescribeOptionGroupOptionsRequest;
import software.amazon.awssdk.services.rds.model.DescribeOptionGroupOptionsResponse;
import software.amazon.awssdk.services.rds.model.DescribeOptionGroupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeOptionGroupsResponse;
import software.amazon.awssdk.services.rds.model.ModifyOptionGroupRequest;
import software.amazon.awssdk.services.rds.model.ModifyOptionGroupResponse;
import software.amazon.awssdk.services.rds.model.OptionConfiguration;

/**
 * Option groups: Create/Describe/Modify/Delete and DescribeOptionGroupOptions. Default groups
 * ({@code default:<engine>-<major>}) appear once an instance uses them or they are asked for by name.
 */
public final class OptionGroupsProvider implements ServiceProvider {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z](?:-?[a-zA-Z0-9])*");
    private RdsStore store;

    @Override
    public String api() {
        return "rds";
    }

    @Override
    public void init(ServiceContext context) {
        store = RdsStore.of(context);
    }

    public CreateOptionGroupResponse createOptionGroup(CallContext ctx, CreateOptionGroupRequest r) {
        String name = required("OptionGroupName", r.optionGroupName());
        if (name.length() > 255 || !NAME.matcher(name).matches()) {
            throw RdsErrors.invalidValue("The parameter OptionGroupName is not a valid identifier. Identifiers must begin"
                    + " with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen"
                    + " or contain two consecutive hyphens.");
        }
        String engine = InstanceRules.engine(required("EngineName", r.engineName()));
        String major = major(engine, required("MajorEngineVersion", r.majorEngineVersion()));
        String description = required("OptionGroupDescription", r.optionGroupDescription());
        RdsState state = store.get(ctx.accountId(), ctx.region());
        String key = name.toLowerCase(Locale.ROOT);
        OptionGroupRecord group = new OptionGroupRecord(key, RdsArns.of(ctx.region(), ctx.accountId(), RdsArns.OPTION_GROUP, key), engine,
                major, description, Map.of());
        synchronized (state.lock) {
            if (state.optionGroups.containsKey(key)) {
                throw AwsErrors.modeled("OptionGroupAlreadyExistsFault", "Option group %s already exists.", name);
            }
            state.optionGroups.put(key, group);
            state.putTags(group.arn(), RdsTags.of(r.tags()));
        }
        return CreateOptionGroupResponse.builder().optionGroup(group.toSdk(null)).build();
    }

    public DescribeOptionGroupsResponse describeOptionGroups(CallContext ctx, DescribeOptionGroupsRequest r) {
        int maxRecords = RdsRequests.maxRecords(r.maxRecords());
        if (r.hasFilters() && !r.filters().isEmpty()) {
            throw RdsErrors.invalidValue("Unrecognized filter name: %s", r.filters().get(0).name());
        }
        RdsState state = store.get(ctx.accountId(), ctx.region());
        synchronized (state.lock) {
            for (InstanceRecord i : Instances.live(state, ctx.receivedAt())) {
                group(state, ctx, optionGroupOf(state, i));
            }
        }
        List<OptionGroupRecord> matching = r.optionGroupName() != null ? List.of(group(state, ctx, r.optionGroupName()))
                : state.optionGroups.values().stream().sorted(Comparator.comparing(OptionGroupRecord::name)).toList();
        matching = matching.stream()
                .filter(g -> r.engineName() == null || g.engine().equals(r.engineName()))
                .filter(g -> r.majorEngineVersion() == null || g.majorVersion().equals(r.majorEngineVersion())).toList();
        Pages.Page<OptionGroupRecord> page = Pages.page(matching, OptionGroupRecord::name, maxRecords, r.marker());
        return DescribeOptionGroupsResponse.builder().optionGroupsList(page.items().stream().map(g -> g.toSdk(null)).toList())
                .marker(page.nextToken()).build();
    }

    public ModifyOptionGroupResponse modifyOptionGroup(CallContext ctx, ModifyOptionGroupRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        OptionGroupRecord changed;
        synchronized (state.lock) {
            OptionGroupRecord group = group(state, ctx, r.optionGroupName());
            if (group.isDefault()) {
                throw AwsErrors.modeled("InvalidOptionGroupStateFault", "Default option groups cannot be modified.");
            }
            Map<String, Map<String, String>> options = new LinkedHashMap<>(group.options());
            for (OptionConfiguration option : r.hasOptionsToInclude() ? r.optionsToInclude() : List.<OptionConfiguration>of()) {
                OptionGroupOptions.Spec spec = option.optionName() == null ? null : OptionGroupOptions.find(group.engine(), option.optionName());
                if (spec == null) {
                    throw RdsErrors.invalidValue("Option %s is not valid for engine %s %s.", option.optionName(), group.engine(), group.majorVersion());
                }
                Map<String, String> settings = new LinkedHashMap<>(options.getOrDefault(spec.name(), spec.settings()));
                for (var setting : option.hasOptionSettings() ? option.optionSettings() : List.<software.amazon.awssdk.services.rds.model.OptionSetting>of()) {
                    if (setting.name() == null || !spec.settings().containsKey(setting.name())) {
                        throw RdsErrors.invalidValue("Option setting %s is not valid for option %s.", setting.name(), spec.name());
                    }
                    settings.put(setting.name(), setting.value() == null ? "" : setting.value());
                }
                options.put(spec.name(), Map.copyOf(settings));
            }
            for (String remove : r.hasOptionsToRemove() ? r.optionsToRemove() : List.<String>of()) {
                if (options.remove(remove) == null) {
                    throw RdsErrors.invalidValue("Option %s is not in option group %s.", remove, group.name());
                }
            }
            changed = new OptionGroupRecord(group.name(), group.arn(), group.engine(), group.majorVersion(),
                    group.description(), Map.copyOf(options));
            state.optionGroups.put(group.name(), changed);
        }
        return ModifyOptionGroupResponse.builder().optionGroup(changed.toSdk(null)).build();
    }

    public DeleteOptionGroupResponse deleteOptionGroup(CallContext ctx, DeleteOptionGroupRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        synchronized (state.lock) {
            OptionGroupRecord group = group(state, ctx, r.optionGroupName());
            if (group.isDefault()) {
                throw AwsErrors.modeled("InvalidOptionGroupStateFault", "Default option group %s cannot be deleted.", group.name());
            }
            for (InstanceRecord i : Instances.live(state, ctx.receivedAt())) {
                if (group.name().equals(state.instanceOptionGroups.get(i.id()))) {
                    throw AwsErrors.modeled("InvalidOptionGroupStateFault",
                            "The option group '%s' cannot be deleted because it is in use by DB instance %s.", group.name(), i.id());
                }
            }
            state.optionGroups.remove(group.name());
            state.tags.remove(group.arn());
        }
        return DeleteOptionGroupResponse.builder().build();
    }

    public DescribeOptionGroupOptionsResponse describeOptionGroupOptions(CallContext ctx, DescribeOptionGroupOptionsRequest r) {
        String engine = InstanceRules.engine(required("EngineName", r.engineName()));
        String major = r.majorEngineVersion() == null ? null : major(engine, r.majorEngineVersion());
        List<String> majors = major != null ? List.of(major) : majors(engine);
        var options = majors.stream().flatMap(m -> OptionGroupOptions.ALL.stream().filter(s -> s.engine().equals(engine))
                .map(s -> OptionGroupOptions.toSdk(s, m))).toList();
        Pages.Page<software.amazon.awssdk.services.rds.model.OptionGroupOption> page = Pages.page(options,
                o -> o.majorEngineVersion() + "/" + o.name(), RdsRequests.maxRecords(r.maxRecords()), r.marker());
        return DescribeOptionGroupOptionsResponse.builder().optionGroupOptions(page.items()).marker(page.nextToken()).build();
    }

    /** The option group an instance is in: the one it was given, else its engine version's default group. */
    static String optionGroupOf(RdsState state, InstanceRecord i) {
        String given = state.instanceOptionGroups.get(i.id());
        if (given != null) {
            return given;
        }
        String major = EngineCatalog.all().stream().filter(v -> v.engine().equals(i.engine())
                && v.version().equals(i.settings().engineVersion())).map(v -> v.shape().majorEngineVersion()).findFirst()
                .orElse(i.settings().engineVersion());
        return OptionGroupRecord.defaultName(i.engine(), major);
    }

    /** The named group; a default group's name makes it on first use. */
    static OptionGroupRecord group(RdsState state, CallContext ctx, String name) {
        String key = required("OptionGroupName", name).toLowerCase(Locale.ROOT);
        OptionGroupRecord group = state.optionGroups.get(key);
        if (group == null && key.startsWith("default:")) {
            String rest = key.substring("default:".length());
            int dash = rest.indexOf('-');
            if (dash > 0) {
                String engine = rest.substring(0, dash);
                String major = rest.substring(dash + 1).replace('-', '.');
                if (majors(engine).contains(major)) {
                    group = new OptionGroupRecord(key, RdsArns.of(ctx.region(), ctx.accountId(), RdsArns.OPTION_GROUP, key), engine, major,
                            "Default option group for " + engine + " " + major, Map.of());
                    state.optionGroups.putIfAbsent(key, group);
                }
            }
        }
        if (group == null) {
            throw notFound(name);
        }
        return group;
    }

    static AwsException notFound(String name) {
        return AwsErrors.modeled("OptionGroupNotFoundFault", "Specified OptionGroupName: %s not found.", name);
    }

    private static List<String> majors(String engine) {
        return EngineCatalog.all().stream().filter(v -> v.engine().equals(engine)).map(v -> v.shape().majorEngineVersion())
                .distinct().sorted().toList();
    }

    private static String major(String engine, String requested) {
        if (!majors(engine).contains(requested)) {
            throw RdsErrors.invalidCombination("Cannot find major version %s for %s", requested, engine);
        }
        return requested;
    }

    private static String required(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw RdsErrors.invalidValue("The parameter %s must be provided and must not be blank.", parameter);
        }
        return value;
    }
}
