package io.cloudjar.rds;

import io.cloudjar.rds.engine.ParameterDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.model.DBParameterGroup;
import software.amazon.awssdk.services.rds.model.Parameter;

/**
 * A DB parameter group: its family's defaults with the values a user set over them ({@code userValues}: name →
 * value and apply method). Default groups ({@code default.<family>}) exist once an instance or a call names them.
 */
record ParameterGroupRecord(String name, String family, String description, String arn, Map<String, UserValue> userValues) {
    record UserValue(String value, String applyMethod) {
    }

    static String defaultName(String family) {
        return "default." + family;
    }

    boolean isDefault() {
        return name.startsWith("default.");
    }

    DBParameterGroup toSdk() {
        return DBParameterGroup.builder().dbParameterGroupName(name).dbParameterGroupFamily(family)
                .description(description).dbParameterGroupArn(arn).build();
    }

    /** Every parameter as DescribeDBParameters lists it: the user's value (source "user") or the default. */
    List<Parameter> parameters() {
        return parameters(DefaultParameters.of(family));
    }

    /** As above over the given defaults (a DB cluster parameter group's). */
    List<Parameter> parameters(List<ParameterDefinition> defaults) {
        List<Parameter> all = new ArrayList<>();
        for (ParameterDefinition d : defaults) {
            UserValue user = userValues.get(d.name());
            all.add(toSdk(d, user == null ? d.value() : user.value(), user == null ? "engine-default" : "user",
                    user == null ? "pending-reboot" : user.applyMethod()));
        }
        return all;
    }

    static Parameter toSdk(ParameterDefinition d, String value, String source, String applyMethod) {
        return Parameter.builder().parameterName(d.name()).parameterValue(value).description(d.description())
                .source(source).applyType(d.applyType()).dataType(d.dataType()).allowedValues(d.allowedValues())
                .isModifiable(d.modifiable()).applyMethod(applyMethod).build();
    }
}
