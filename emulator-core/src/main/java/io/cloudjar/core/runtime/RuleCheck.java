package io.cloudjar.core.runtime;

import io.cloudjar.core.auth.OperationRules;
import io.cloudjar.core.model.ApiMetadata;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.model.ModelRegistry;
import io.cloudjar.core.model.OperationTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The start-up check of the authorization rules against the operation tables: a rule naming an operation its
 * API lacks, or an input member the operation's request lacks, stops the server. It reads the operation tables,
 * not the full models, and only the request classes named by rules (the wiring loads them anyway).
 */
final class RuleCheck {
    private RuleCheck() {
    }

    static void check(OperationRules rules, ModelRegistry models) {
        List<String> problems = new ArrayList<>();
        for (String api : rules.apis()) {
            ApiMetadata meta = models.metadata(api);
            if (meta == null) {
                problems.add("rules for '" + api + "', which is no API of the model index");
                continue;
            }
            Map<String, String> inputClass = new HashMap<>();
            for (OperationTable.Entry e : models.operationTable(api).entries()) {
                inputClass.put(e.name(), e.inputClass());
            }
            problems.addAll(rules.problems(api, op -> inputClass.containsKey(op)
                    ? builder(meta, inputClass.get(op)) : null, false));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Authorization rules do not match their APIs' operations:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private static SdkPojo builder(ApiMetadata meta, String inputClass) {
        try {
            return ModelClasses.newBuilder(Class.forName(meta.sdkPackage() + ".model." + inputClass, false,
                    RuleCheck.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The SDK model class " + inputClass + " is not on the class path", e);
        }
    }
}
