package io.cloudjar.core.runtime;

import io.cloudjar.core.auth.OperationRules;
import io.cloudjar.core.model.ModelRegistry;
import io.cloudjar.core.model.OperationTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The start-up check of the authorization rules, on the wiring thread: the rules files are read (a malformed line
 * stops the server, naming file and line), and a rule naming an operation its API lacks stops it too. Members
 * and resolvers are checked by emulator-app's {@code AuthorizationRulesTableTest} instead: that needs every
 * request class initialised, about 0.8 s for the 320 operations, which start-up would wait for.
 */
final class RuleCheck {
    private RuleCheck() {
    }

    static void check(OperationRules rules, ModelRegistry models) {
        List<String> problems = new ArrayList<>();
        for (String api : rules.apis()) {
            if (models.metadata(api) == null) {
                problems.add("rules for '" + api + "', which is no API of the model index");
                continue;
            }
            Set<String> operations = new HashSet<>();
            for (OperationTable.Entry e : models.operationTable(api).entries()) {
                operations.add(e.name());
            }
            problems.addAll(rules.unknownOperations(api, operations::contains));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Authorization rules do not match their APIs' operations:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
