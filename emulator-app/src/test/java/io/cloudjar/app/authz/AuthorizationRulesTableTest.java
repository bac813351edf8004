package io.cloudjar.app.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.auth.AuthorizationCheck;
import io.cloudjar.core.auth.OperationRules;
import io.cloudjar.core.auth.RuleScope;
import io.cloudjar.core.config.EmulatorConfig;
import io.cloudjar.core.model.ApiModel;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.model.ModelRegistry;
import io.cloudjar.core.model.OperationModel;
import io.cloudjar.core.runtime.EmulatorRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The authorization table of every module, as the packaged server loads it: every operation a provider
 * implements has a rule, every rule names an operation of its API and members its input has, and every rule
 * renders against a full and an empty input.
 */
class AuthorizationRulesTableTest {
    private static final List<String> APIS = List.of("ec2", "s3", "s3control", "iam", "sts", "rds", "lightsail");
    private static final EmulatorRuntime RUNTIME = new EmulatorRuntime(EmulatorConfig.forTests());
    private static final ModelRegistry MODELS = RUNTIME.models();
    private static final OperationRules RULES = RUNTIME.operationRules();
    private static final RuleScope SCOPE = new RuleScope("123456789012", "eu-west-1", "arn:aws:iam::123456789012:user/alice");

    @AfterAll
    static void close() {
        RUNTIME.close();
    }

    @Test
    void everyImplementedOperationHasARule() {
        List<String> missing = new ArrayList<>();
        for (String api : APIS) {
            for (String op : new TreeSet<>(RUNTIME.providers().implemented(api))) {
                if (RULES.of(api, op).isEmpty()) {
                    missing.add(api + " " + op);
                }
            }
        }
        assertThat(missing).as("implemented operations without an authorization rule").isEmpty();
    }

    @Test
    void rulesNameOperationsAndMembersTheirApisHave() {
        assertThat(RULES.apis()).containsAll(APIS);
        List<String> problems = new ArrayList<>();
        for (String api : RULES.apis()) {
            ApiModel model = MODELS.api(api);
            problems.addAll(RULES.problems(api, op -> model.operation(op) == null ? null : model.operation(op).newInputBuilder()));
        }
        assertThat(problems).isEmpty();
    }

    static Stream<String> operationsWithRules() {
        return APIS.stream().flatMap(api -> new TreeSet<>(RULES.operations(api)).stream().map(op -> api + " " + op));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsWithRules")
    void everyRuleRendersAgainstAFullAndAnEmptyInput(String apiAndOperation) {
        String[] parts = apiAndOperation.split(" ");
        OperationModel op = MODELS.api(parts[0]).operation(parts[1]);
        Map<String, List<String>> callKeys = Map.of("aws:RequestedRegion", List.of("eu-west-1"));

        for (Object input : List.of(SampleInputs.filled(op.newInputBuilder()), ModelClasses.build(op.newInputBuilder()))) {
            for (AuthorizationCheck check : RULES.checks(op, input, SCOPE, callKeys)) {
                assertThat(check.action()).matches("[a-z0-9-]+:[A-Za-z0-9]+");
                assertThat(check.resources()).isNotEmpty()
                        .allSatisfy(arn -> assertThat(arn).matches("\\*|arn:aws:[^:]*:[^:]*:[^:]*:[^{}]+"));
                assertThat(check.contextKeys()).containsAllEntriesOf(callKeys);
            }
        }
    }
}
