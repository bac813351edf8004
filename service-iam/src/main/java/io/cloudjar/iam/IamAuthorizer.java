package io.cloudjar.iam;

import io.cloudjar.core.auth.AuthorizationRequest;
import io.cloudjar.core.auth.Authorizer;
import io.cloudjar.core.auth.Decision;
import io.cloudjar.iam.policy.EvaluationResult;
import io.cloudjar.iam.policy.PolicyEvaluator;
import io.cloudjar.iam.policy.PolicySet;
import io.cloudjar.iam.policy.RequestFacts;
import io.cloudjar.iam.state.IamState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy evaluator as the emulator's {@link Authorizer}: identity-based policies, boundaries and session
 * policies of the caller decide each call. Installed only with {@code ENFORCE_IAM=1} for now: services do
 * not yet name their resources or resource-based policies, which a later change wires in.
 */
final class IamAuthorizer implements Authorizer {
    private final IamState state;

    IamAuthorizer(IamState state) {
        this.state = state;
    }

    @Override
    public Decision authorize(AuthorizationRequest request) {
        PrincipalPolicies p = PrincipalPolicies.of(state, request.principal());
        Map<String, List<String>> context = new LinkedHashMap<>(request.contextKeys());
        p.putSessionKeys(context, state.clock().now());
        PolicySet policies = new PolicySet(p.identity(), p.boundary(), p.session(), null, null, false);
        for (String resource : request.resources()) {
            EvaluationResult result = PolicyEvaluator.evaluate(policies,
                    new RequestFacts(request.action(), resource, p.caller(), context));
            if (!result.allowed()) {
                return result.decision() == EvaluationResult.Decision.EXPLICIT_DENY
                        ? Decision.explicitDeny(result.reason()) : Decision.implicitDeny(result.reason());
            }
        }
        return Decision.allow("allowed by IAM policies");
    }
}
