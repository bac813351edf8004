package io.cloudjar.iam;

import io.cloudjar.core.auth.AuthorizationRequest;
import io.cloudjar.core.auth.Authorizer;
import io.cloudjar.core.auth.Decision;
import io.cloudjar.core.auth.ResourcePolicies;
import io.cloudjar.iam.policy.EvaluationResult;
import io.cloudjar.iam.policy.PolicyEvaluator;
import io.cloudjar.iam.policy.PolicySet;
import io.cloudjar.iam.policy.PolicySource;
import io.cloudjar.iam.policy.RequestFacts;
import io.cloudjar.iam.state.IamState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy evaluator as the emulator's {@link Authorizer} (installed with {@code ENFORCE_IAM=1}): for each
 * resource of a call, the caller's identity-based policies, boundary and session policies, and the resource's
 * owner and resource-based policy (from the services' {@link ResourcePolicies}; other resources are owned by the
 * account their ARN names) decide, with AWS's rules for one account and across accounts. An anonymous caller
 * has no identity side: only a resource policy granting everyone ({@code "Principal": "*"}) lets it in.
 */
final class IamAuthorizer implements Authorizer {
    private static final Set<String> BUCKET_POLICY_ACTIONS = Set.of("s3:GetBucketPolicy",
            "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");

    private final IamState state;
    private final ResourcePolicies resources;

    IamAuthorizer(IamState state, ResourcePolicies resources) {
        this.state = state;
        this.resources = resources;
    }

    @Override
    public Decision authorize(AuthorizationRequest request) {
        PrincipalPolicies p = PrincipalPolicies.of(state, request.principal());
        Map<String, List<String>> context = new LinkedHashMap<>(request.contextKeys());
        p.putSessionKeys(context, state.clock().now());
        Decision allowed = Decision.allow("allowed by IAM policies");
        for (String resource : request.resources()) {
            Optional<ResourcePolicies.ResourcePolicy> found = resource.equals("*") ? Optional.empty() : resources.find(resource);
            PolicySource resourcePolicy = found.map(r -> ResourcePolicySources.of(r.id(), r.policy(), r.grants()))
                    .orElse(null);
            String resourceAccount = found.map(ResourcePolicies.ResourcePolicy::ownerAccountId)
                    .orElseGet(() -> ArnAccounts.of(resource));
            String owner = request.principal().isAnonymous() ? null // no account of its own: the resource policy alone decides
                    : trustPolicyDecidesTheRoleSide(request.action(), resource) ? request.principal().accountId()
                    : resourceAccount;
            PolicySet set = new PolicySet(p.identity(), p.boundary(), p.session(), resourcePolicy, owner, false);
            EvaluationResult result = PolicyEvaluator.evaluate(set,
                    new RequestFacts(request.action(), resource, p.caller(), resourceContext(context, resourceAccount,
                            found.map(ResourcePolicies.ResourcePolicy::conditionKeys).orElse(Map.of()))));
            Decision decision = decision(result, resource);
            if (!decision.allowed() && ownerRootManagingBucketPolicy(request, owner)) {
                decision = Decision.allow("allowed: the bucket owner's root may always manage the bucket policy");
            }
            if (!decision.allowed()) {
                return decision;
            }
            allowed = decision;
        }
        return allowed;
    }

    /**
     * Assuming a role (and tagging the session or setting its source identity) is the role's trust policy's to allow on
     * the role's side, which STS evaluates itself (AssumeRoleProvider); here only the caller's own policies are asked,
     * so another account's caller needs its identity side and the trust policy, as on AWS.
     */
    private static boolean trustPolicyDecidesTheRoleSide(String action, String resource) {
        return action.startsWith("sts:") && resource.startsWith("arn:") && resource.contains(":role/");
    }

    /** {@code aws:ResourceAccount} (the account owning the resource, when known) and the resource's own keys (its tags). */
    private static Map<String, List<String>> resourceContext(Map<String, List<String>> context, String account,
                                                             Map<String, List<String>> resourceKeys) {
        if (account == null && resourceKeys.isEmpty()) {
            return context;
        }
        Map<String, List<String>> keys = new LinkedHashMap<>(context);
        keys.putAll(resourceKeys);
        if (account != null) {
            keys.put("aws:ResourceAccount", List.of(account));
        }
        return keys;
    }

    /**
     * S3 keeps owners from locking themselves out: the root of the bucket owner's account may get, put and delete the
     * bucket policy even when the policy denies it.
     */
    private static boolean ownerRootManagingBucketPolicy(AuthorizationRequest request, String owner) {
        return request.principal().isRoot() && (owner == null || owner.equals(request.principal().accountId()))
                && BUCKET_POLICY_ACTIONS.contains(request.action());
    }

    private static Decision decision(EvaluationResult result, String resource) {
        List<String> matched = result.matched().stream().map(m -> m.source().id() + m.label()).toList();
        Decision.Basis basis = switch (result.decidedBy()) {
            case IDENTITY -> Decision.Basis.IDENTITY;
            case RESOURCE -> Decision.Basis.RESOURCE;
            case BOUNDARY -> Decision.Basis.BOUNDARY;
            case SESSION -> Decision.Basis.SESSION;
        };
        return new Decision(result.allowed(), result.decision() == EvaluationResult.Decision.EXPLICIT_DENY, result.reason(),
                basis, matched, resource);
    }
}
