package io.cloudjar.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.iam.catalog.AwsManagedPolicies;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyParserTest {

    static Stream<Arguments> malformed() {
        String st = "{\"Version\":\"2012-10-17\",\"Statement\":";
        return Stream.of(
                Arguments.of("{", PolicyKind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("[]", PolicyKind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("{\"Version\":\"2012-10-17\"}", PolicyKind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("{\"Version\":\"2013-01-01\",\"Statement\":[]}", PolicyKind.IDENTITY, "Syntax errors in policy."),
                Arguments.of(st + "[{\"Effect\":\"allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}", PolicyKind.IDENTITY,
                        "Syntax errors in policy."),
                Arguments.of(st + "[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Extra\":1}]}", PolicyKind.IDENTITY,
                        "Syntax errors in policy."),
                Arguments.of(st + "[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotAction\":\"s3:x\",\"Resource\":\"*\"}]}",
                        PolicyKind.IDENTITY, "Syntax errors in policy."),
                Arguments.of(st + "[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}", PolicyKind.IDENTITY,
                        "Policy statement must contain actions."),
                Arguments.of(st + "[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}", PolicyKind.IDENTITY,
                        "Policy statement must contain resources."),
                Arguments.of(st + "[{\"Effect\":\"Allow\",\"Action\":\"s3:a:b\",\"Resource\":\"*\"}]}", PolicyKind.IDENTITY,
                        "Actions/Condition can contain only one colon."),
                Arguments.of(st + "[{\"Effect\":\"Allow\",\"Action\":\"s 3:a\",\"Resource\":\"*\"}]}", PolicyKind.IDENTITY,
                        "Vendor s 3 is not valid"),
                Arguments.of(st + "[{\"Sid\":\"a\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
                        + "{\"Sid\":\"a\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}", PolicyKind.IDENTITY,
                        "Statement IDs (SID) in a single policy must be unique."),
                Arguments.of(st + "[{\"Sid\":\"no spaces\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
                        PolicyKind.IDENTITY, "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the "
                                + "regular expression [0-9A-Za-z]*"),
                Arguments.of("{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                        + "\"Resource\":\"arn:aws:s3:::${aws:username}\"}]}", PolicyKind.IDENTITY,
                        "Policy document must be version 2012-10-17 or greater."),
                Arguments.of(st + "[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}", PolicyKind.TRUST,
                        "Missing required field Principal."),
                Arguments.of(st + "[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\"}]}",
                        PolicyKind.TRUST, "Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  "
                                + "and sts:AssumeRoleWithWebIdentity"),
                Arguments.of(st + "[{\"Effect\":\"Allow\",\"Principal\":{\"Nobody\":\"x\"},\"Action\":\"sts:AssumeRole\"}]}",
                        PolicyKind.TRUST, "Syntax errors in policy."));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("malformed")
    void refusesWithIamsMessage(String document, PolicyKind kind, String message) {
        assertThatThrownBy(() -> PolicyParser.parse(document, kind))
                .isInstanceOf(MalformedPolicyException.class).hasMessage(message);
    }

    @Test
    void readsSingleStatementObjectsAndScalarConditionValues() {
        PolicyDocument doc = PolicyParser.parse("{\"Statement\":{\"Effect\":\"Deny\",\"NotAction\":[\"iam:*\"],"
                + "\"NotResource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"k:n\":5},\"Bool\":{\"k:b\":true}}}}", PolicyKind.IDENTITY);
        var s = doc.statements().get(0);
        assertThat(s.notAction()).isTrue();
        assertThat(s.notResource()).isTrue();
        assertThat(s.conditions()).extracting(PolicyDocument.Condition::values).containsExactly(
                java.util.List.of("5"), java.util.List.of("true"));
        assertThat(doc.supportsVariables()).isFalse();
    }

    @Test
    void statementPositionsAreLinesAndColumns() {
        String text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},\n"
                + "    {\"Effect\": \"Deny\", \"Action\": \"s3:Delete*\", \"Resource\": \"*\"}\n  ]\n}";
        var statements = PolicyParser.parse(text, PolicyKind.IDENTITY).statements();
        assertThat(statements.get(0).span()).isEqualTo(new PolicyDocument.Span(4, 5, 4, 59));
        assertThat(statements.get(1).span().startLine()).isEqualTo(5);
    }

    @Test
    void everyAwsManagedPolicyOfTheCatalogueParses() {
        assertThat(AwsManagedPolicies.all()).hasSizeGreaterThan(1000);
        for (AwsManagedPolicies.Entry entry : AwsManagedPolicies.all()) {
            PolicyParser.parse(entry.document(), PolicyKind.IDENTITY);
        }
        assertThat(AwsManagedPolicies.get("arn:aws:iam::aws:policy/AdministratorAccess").document()).contains("\"*\"");
    }
}
