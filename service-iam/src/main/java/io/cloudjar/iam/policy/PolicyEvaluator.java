package io.cloudjar.iam.policy;

import io.cloudjar.iam.policy.EvaluationResult.Decision;
import io.cloudjar.iam.policy.EvaluationResult.Match;
import io.cloudjar.iam.policy.EvaluationResult.PolicyRole;
import io.cloudjar.iam.policy.PolicyDocument.Condition;
import io.cloudjar.iam.policy.PolicyDocument.Effect;
import io.cloudjar.iam.policy.PolicyDocument.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * AWS's policy evaluation logic for one request. An explicit deny in any policy wins. Otherwise, in the
 * caller's own account, the request is allowed by identity-based policies (within the permissions boundary
 * and session policies) or by a resource-based policy that names the caller; a resource policy naming a
 * role (not the session) is still limited by the boundary and session policies, and one naming only the
 * account defers to identity-based policies. Across accounts both the identity side and the resource
 * policy must allow. The account root is allowed everything its own account's policies do not deny.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {
    }

    /** How a resource policy's Principal element names the caller. */
    private enum Named { NOT, ACCOUNT, ROLE, DIRECTLY }

    public static EvaluationResult evaluate(PolicySet policies, RequestFacts request) {
        Set<String> missing = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<PolicySource> all = new ArrayList<>(policies.identity());
        if (policies.boundary() != null) {
            all.addAll(policies.boundary());
        }
        if (policies.session() != null) {
            all.addAll(policies.session());
        }
        if (policies.resource() != null) {
            all.add(policies.resource());
        }
        List<Match> denies = matches(all, Effect.DENY, request, missing);
        if (!denies.isEmpty()) {
            Match first = denies.get(0);
            return new EvaluationResult(Decision.EXPLICIT_DENY, "explicitly denied by statement " + first.label()
                    + " of " + first.source().id(), denies, missing, boundaryAllows(policies, request, missing),
                    roleOf(first.source(), policies));
        }
        Caller caller = request.caller();
        List<Match> identityAllows = matches(policies.identity(), Effect.ALLOW, request, missing);
        Boolean boundary = boundaryAllows(policies, request, missing);
        List<Match> sessionAllows = policies.session() == null ? List.of()
                : matches(policies.session(), Effect.ALLOW, request, missing);
        boolean withinLimits = !Boolean.FALSE.equals(boundary) && (policies.session() == null || !sessionAllows.isEmpty());
        boolean isRoot = caller.kind() == Caller.Kind.ROOT;
        boolean identitySide = (isRoot || !identityAllows.isEmpty()) && withinLimits;

        List<Match> resourceAllows = policies.resource() == null ? List.of()
                : matches(List.of(policies.resource()), Effect.ALLOW, request, missing);
        Named named = resourceAllows.stream().map(m -> named(m.statement(), caller)).max(Enum::compareTo).orElse(Named.NOT);
        boolean sameAccount = policies.resourceAccount() == null || policies.resourceAccount().equals(caller.accountId());

        if (policies.trust() && named == Named.NOT) {
            return new EvaluationResult(Decision.IMPLICIT_DENY, "implicitly denied: the role's trust policy does not "
                    + "allow the caller", List.of(), missing, boundary, PolicyRole.RESOURCE);
        }
        List<Match> decisive = new ArrayList<>(identityAllows);
        decisive.addAll(resourceAllows);
        if (sameAccount) {
            boolean resourceSide = named == Named.DIRECTLY || (named == Named.ROLE && withinLimits);
            if (identitySide || resourceSide) {
                return allowed(decisive, missing, boundary, isRoot && identityAllows.isEmpty() && !resourceSide,
                        identitySide ? PolicyRole.IDENTITY : PolicyRole.RESOURCE);
            }
        } else if (identitySide && named != Named.NOT) {
            return allowed(decisive, missing, boundary, false, PolicyRole.IDENTITY);
        }
        return new EvaluationResult(Decision.IMPLICIT_DENY, implicitReason(policies, identityAllows, boundary,
                withinLimits, sameAccount, named, isRoot), List.of(), missing, boundary,
                implicitRole(identityAllows, boundary, withinLimits, identitySide, sameAccount, named, isRoot));
    }

    private static EvaluationResult allowed(List<Match> decisive, Set<String> missing, Boolean boundary, boolean byRoot,
                                            PolicyRole by) {
        String reason = byRoot ? "allowed: the account root may do anything no policy denies"
                : "allowed by statement " + decisive.get(0).label() + " of " + decisive.get(0).source().id();
        return new EvaluationResult(Decision.ALLOWED, reason, decisive, missing, boundary, by);
    }

    /** Which kind of policy failed to allow, as AWS's messages name it (the same order as {@link #implicitReason}). */
    private static PolicyRole implicitRole(List<Match> identityAllows, Boolean boundary, boolean withinLimits,
                                           boolean identitySide, boolean sameAccount, Named named, boolean isRoot) {
        boolean grantedElsewhere = isRoot || !identityAllows.isEmpty() || named == Named.ROLE;
        if (Boolean.FALSE.equals(boundary) && grantedElsewhere) {
            return PolicyRole.BOUNDARY;
        }
        if (!withinLimits && grantedElsewhere) {
            return PolicyRole.SESSION;
        }
        return !sameAccount && identitySide && named == Named.NOT ? PolicyRole.RESOURCE : PolicyRole.IDENTITY;
    }

    private static PolicyRole roleOf(PolicySource source, PolicySet policies) {
        if (source == policies.resource()) {
            return PolicyRole.RESOURCE;
        }
        if (policies.boundary() != null && policies.boundary().stream().anyMatch(b -> b == source)) {
            return PolicyRole.BOUNDARY;
        }
        if (policies.session() != null && policies.session().stream().anyMatch(p -> p == source)) {
            return PolicyRole.SESSION;
        }
        return PolicyRole.IDENTITY;
    }

    private static String implicitReason(PolicySet policies, List<Match> identityAllows, Boolean boundary,
                                         boolean withinLimits, boolean sameAccount, Named named, boolean isRoot) {
        boolean grantedElsewhere = isRoot || !identityAllows.isEmpty() || named == Named.ROLE;
        if (Boolean.FALSE.equals(boundary) && grantedElsewhere) {
            return "implicitly denied: the permissions boundary does not allow the action";
        }
        if (!withinLimits && grantedElsewhere) {
            return "implicitly denied: no session policy allows the action";
        }
        if (!sameAccount && named == Named.NOT) {
            return "implicitly denied: the resource-based policy of account " + policies.resourceAccount()
                    + " does not allow the cross-account request";
        }
        return "implicitly denied: no statement allows the action";
    }

    private static Boolean boundaryAllows(PolicySet policies, RequestFacts request, Set<String> missing) {
        if (policies.boundary() == null) {
            return null;
        }
        return !matches(policies.boundary(), Effect.ALLOW, request, missing).isEmpty();
    }

    private static List<Match> matches(List<PolicySource> sources, Effect effect, RequestFacts request, Set<String> missing) {
        List<Match> out = new ArrayList<>();
        for (PolicySource source : sources) {
            List<Statement> statements = source.document().statements();
            for (int i = 0; i < statements.size(); i++) {
                Statement s = statements.get(i);
                if (s.effect() == effect && applies(s, source.document(), request, missing)) {
                    out.add(new Match(source, s, i));
                }
            }
        }
        return out;
    }

    /** Whether a statement applies to the request: principal, action, resource and every condition. */
    static boolean applies(Statement s, PolicyDocument doc, RequestFacts request, Set<String> missing) {
        if (s.principals() != null && (named(s, request.caller()) == Named.NOT) != s.notPrincipal()) {
            return false;
        }
        boolean actionListed = s.actions().stream().anyMatch(a -> Wildcards.matches(a, request.action(), true));
        if (actionListed == s.notAction()) {
            return false;
        }
        if (s.resources() != null) {
            boolean resourceListed = s.resources().stream()
                    .map(r -> PolicyVariables.substitute(r, request, doc.supportsVariables()))
                    .anyMatch(r -> r.isPresent() && Wildcards.matches(r.get(), request.resource(), false));
            if (resourceListed == s.notResource()) {
                return false;
            }
        }
        boolean all = true;
        for (Condition c : s.conditions()) {
            List<String> requestValues = request.context(c.key());
            if (requestValues == null) {
                missing.add(c.key());
            }
            if (all && !conditionHolds(c, requestValues, request, doc)) {
                all = false;
            }
        }
        return all;
    }

    private static boolean conditionHolds(Condition c, List<String> requestValues, RequestFacts request, PolicyDocument doc) {
        ConditionOperators.Operator op = ConditionOperators.parse(c.operator());
        if (op == null) {
            return false;
        }
        List<String> values = c.values().stream()
                .map(v -> PolicyVariables.substitute(v, request, doc.supportsVariables()))
                .flatMap(Optional::stream)
                .toList();
        return ConditionOperators.holds(op, requestValues, values);
    }

    private static Named named(Statement s, Caller caller) {
        Named best = Named.NOT;
        for (Map.Entry<String, List<String>> entry : s.principals().entrySet()) {
            for (String value : entry.getValue()) {
                Named n = named(entry.getKey(), value, caller);
                if (n.compareTo(best) > 0) {
                    best = n;
                }
            }
        }
        return best;
    }

    private static Named named(String type, String value, Caller caller) {
        switch (type) {
            case "*" -> {
                return Named.DIRECTLY;
            }
            case "Service" -> {
                return value.equals(caller.service()) ? Named.DIRECTLY : Named.NOT;
            }
            case "Federated" -> {
                return value.equals(caller.federated()) ? Named.DIRECTLY : Named.NOT;
            }
            case "AWS" -> {
                if (value.equals("*")) {
                    return Named.DIRECTLY;
                }
                if (caller.accountId() == null || caller.kind() == Caller.Kind.FEDERATED) {
                    return Named.NOT;
                }
                if (value.equals(caller.arn())) {
                    return caller.kind() == Caller.Kind.ROOT ? Named.ACCOUNT : Named.DIRECTLY;
                }
                if (value.equals(caller.roleArn())) {
                    return Named.ROLE;
                }
                if (value.equals(caller.accountId()) || value.equals("arn:aws:iam::" + caller.accountId() + ":root")) {
                    return Named.ACCOUNT;
                }
                return Named.NOT;
            }
            default -> {
                return Named.NOT;
            }
        }
    }
}
