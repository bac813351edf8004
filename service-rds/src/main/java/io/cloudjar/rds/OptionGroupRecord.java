package io.cloudjar.rds;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.model.Option;
import software.amazon.awssdk.services.rds.model.OptionGroup;
import software.amazon.awssdk.services.rds.model.OptionSetting;

/**
 * An option group: the options (and their settings) instances of one engine and major version can use. Default
 * groups ({@code default:<engine>-<major>}) exist for every engine version and cannot be changed or deleted.
 */
record OptionGroupRecord(String name, String arn, String engine, String majorVersion, String description,
                         Map<String, Map<String, String>> options) {

    static String defaultName(String engine, String major) {
        return "default:" + engine + "-" + major.replace('.', '-');
    }

    boolean isDefault() {
        return name.startsWith("default:");
    }

    OptionGroup toSdk(String vpcId) {
        List<Option> rendered = options.entrySet().stream().map(e -> {
            OptionGroupOptions.Spec spec = OptionGroupOptions.find(engine, e.getKey());
            return Option.builder().optionName(e.getKey()).optionDescription(spec == null ? null : spec.description())
                    .persistent(false).permanent(false).port(spec == null ? null : spec.port())
                    .optionSettings(e.getValue().entrySet().stream().map(s -> OptionSetting.builder().name(s.getKey())
                            .value(s.getValue()).isModifiable(true).applyType("DYNAMIC").build()).toList())
                    .dbSecurityGroupMemberships(List.of()).vpcSecurityGroupMemberships(List.of()).build();
        }).toList();
        return OptionGroup.builder().optionGroupName(name).optionGroupArn(arn).engineName(engine)
                .majorEngineVersion(majorVersion).optionGroupDescription(description).options(rendered)
                .allowsVpcAndNonVpcInstanceMemberships(true).vpcId(vpcId).build();
    }
}
