package io.cloudjar.iam;

import io.cloudjar.core.auth.PolicyGrammar;
import io.cloudjar.iam.policy.MalformedPolicyException;
import io.cloudjar.iam.policy.PolicyDocument;
import io.cloudjar.iam.policy.PolicyKind;
import io.cloudjar.iam.policy.PolicyParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM's parser offered to services that keep resource-based policies ({@link PolicyGrammar}): S3 checks a bucket
 * policy with the very parser that later evaluates it, and keeps no JSON code of its own. No operations.
 */
public final class PolicyGrammarProvider extends IamFeature implements PolicyGrammar {
    static final String SYNTAX = "Syntax errors in policy.";

    @Override
    public List<StatementOutline> outline(String document) {
        PolicyDocument parsed;
        try {
            parsed = PolicyParser.parse(document, PolicyKind.RESOURCE);
        } catch (MalformedPolicyException e) {
            throw new InvalidPolicyException(e.getMessage(), SYNTAX.equals(e.getMessage()));
        }
        return parsed.statements().stream().map(PolicyGrammarProvider::outline).toList();
    }

    private static StatementOutline outline(PolicyDocument.Statement s) {
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        s.conditions().forEach(c -> conditions.computeIfAbsent(c.key(), k -> new ArrayList<>()).addAll(c.values()));
        return new StatementOutline(s.effect() == PolicyDocument.Effect.ALLOW, s.principals(), s.notPrincipal(),
                s.actions(), s.notAction(), s.resources() == null ? List.of() : s.resources(), s.notResource(), conditions);
    }
}
