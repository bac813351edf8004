package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.iam.policy.Caller;
import io.cloudjar.iam.policy.EvaluationResult;
import io.cloudjar.iam.policy.PolicyDocument;
import io.cloudjar.iam.policy.PolicyEvaluator;
import io.cloudjar.iam.policy.PolicyKind;
import io.cloudjar.iam.policy.PolicySet;
import io.cloudjar.iam.policy.PolicySource;
import io.cloudjar.iam.policy.RequestFacts;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.Identity;
import io.cloudjar.iam.state.Role;
import io.cloudjar.iam.state.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryDecisionDetail;
import software.amazon.awssdk.services.iam.model.Position;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * The policy simulator, answered by the same {@link PolicyEvaluator} that enforcement uses: one result per
 * action and resource, with the statements that decided it and the context keys the policies needed.
 */
public final class SimulatorProvider extends IamFeature {

    public SimulatePrincipalPolicyResponse simulatePrincipalPolicy(CallContext ctx, SimulatePrincipalPolicyRequest r) {
        List<PolicySource> extra = inputs(r.policyInputList(), "PolicyInputList");
        List<PolicySource> boundaryOverride = r.hasPermissionsBoundaryPolicyInputList()
                ? inputs(r.permissionsBoundaryPolicyInputList(), "PermissionsBoundaryPolicyInputList") : null;
        PolicySource resourcePolicy = resourcePolicy(r.resourcePolicy());
        Simulation sim = inAccount(ctx, account -> {
            Identity source = source(account, r.policySourceArn());
            List<PolicySource> identity = new ArrayList<>(IdentityPolicies.of(source));
            identity.addAll(extra);
            List<PolicySource> boundary = boundaryOverride != null ? boundaryOverride : IdentityPolicies.boundary(account, source);
            Map<String, List<String>> context = new LinkedHashMap<>(principalKeys(source));
            String callerArn = r.callerArn() != null ? r.callerArn() : source.arn();
            Caller caller = source instanceof Role role
                    ? Caller.roleSession(account.id, callerArn, role.arn()) : Caller.user(account.id, callerArn);
            return new Simulation(new PolicySet(identity, boundary, null, resourcePolicy, r.resourceOwner(), false), caller, context);
        });
        Pages.Page<software.amazon.awssdk.services.iam.model.EvaluationResult> page =
                run(sim, r.actionNames(), r.resourceArns(), r.contextEntries(), r.maxItems(), r.marker());
        return SimulatePrincipalPolicyResponse.builder().evaluationResults(page.items())
                .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
    }

    public SimulateCustomPolicyResponse simulateCustomPolicy(CallContext ctx, SimulateCustomPolicyRequest r) {
        List<PolicySource> identity = inputs(r.policyInputList(), "PolicyInputList");
        List<PolicySource> boundary = r.hasPermissionsBoundaryPolicyInputList()
                ? inputs(r.permissionsBoundaryPolicyInputList(), "PermissionsBoundaryPolicyInputList") : null;
        String callerArn = r.callerArn() != null ? r.callerArn() : "arn:aws:iam::" + ctx.accountId() + ":user/simulated";
        Simulation sim = new Simulation(new PolicySet(identity, boundary, null, resourcePolicy(r.resourcePolicy()),
                r.resourceOwner(), false), Caller.user(ctx.accountId(), callerArn), new LinkedHashMap<>());
        Pages.Page<software.amazon.awssdk.services.iam.model.EvaluationResult> page =
                run(sim, r.actionNames(), r.resourceArns(), r.contextEntries(), r.maxItems(), r.marker());
        return SimulateCustomPolicyResponse.builder().evaluationResults(page.items())
                .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
    }

    public GetContextKeysForPrincipalPolicyResponse getContextKeysForPrincipalPolicy(CallContext ctx,
                                                                                    GetContextKeysForPrincipalPolicyRequest r) {
        List<PolicySource> extra = inputs(r.policyInputList(), "PolicyInputList");
        List<String> keys = inAccount(ctx, account -> {
            List<PolicySource> all = new ArrayList<>(IdentityPolicies.of(source(account, r.policySourceArn())));
            all.addAll(extra);
            return contextKeys(all);
        });
        return GetContextKeysForPrincipalPolicyResponse.builder().contextKeyNames(keys).build();
    }

    public GetContextKeysForCustomPolicyResponse getContextKeysForCustomPolicy(CallContext ctx,
                                                                              GetContextKeysForCustomPolicyRequest r) {
        return GetContextKeysForCustomPolicyResponse.builder()
                .contextKeyNames(contextKeys(inputs(r.policyInputList(), "PolicyInputList"))).build();
    }

    /** The simulated principal and its policies, gathered under the account lock. */
    private record Simulation(PolicySet policies, Caller caller, Map<String, List<String>> context) {
    }

    private static Pages.Page<software.amazon.awssdk.services.iam.model.EvaluationResult> run(
            Simulation sim, List<String> actions, List<String> resourceArns, List<ContextEntry> entries,
            Integer maxItems, String marker) {
        Map<String, List<String>> context = new LinkedHashMap<>(sim.context());
        for (ContextEntry entry : entries) {
            context.put(entry.contextKeyName(), entry.contextKeyValues());
        }
        List<String> resources = resourceArns.isEmpty() ? List.of("*") : resourceArns;
        List<software.amazon.awssdk.services.iam.model.EvaluationResult> results = new ArrayList<>();
        for (String action : actions) {
            for (String resource : resources) {
                EvaluationResult result = PolicyEvaluator.evaluate(sim.policies(),
                        new RequestFacts(action, resource, sim.caller(), context));
                results.add(shape(action, resource, result));
            }
        }
        // results keep the caller's order; the token is the index reached
        List<Indexed> indexed = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            indexed.add(new Indexed(String.format("%08d", i), results.get(i)));
        }
        Pages.Page<Indexed> page = Pages.page(indexed, Indexed::key, maxItems == null ? DEFAULT_MAX_ITEMS : maxItems, marker,
                io.cloudjar.iam.state.IamErrors::invalidMarker);
        return new Pages.Page<>(page.items().stream().map(Indexed::result).toList(), page.nextToken());
    }

    private record Indexed(String key, software.amazon.awssdk.services.iam.model.EvaluationResult result) {
    }

    private static software.amazon.awssdk.services.iam.model.EvaluationResult shape(String action, String resource,
                                                                                   EvaluationResult result) {
        var b = software.amazon.awssdk.services.iam.model.EvaluationResult.builder()
                .evalActionName(action).evalResourceName(resource).evalDecision(result.decision().wire())
                .matchedStatements(result.matched().stream().map(SimulatorProvider::statement).toList())
                .missingContextValues(List.copyOf(result.missingContextKeys()));
        if (result.allowedByBoundary() != null) {
            b.permissionsBoundaryDecisionDetail(PermissionsBoundaryDecisionDetail.builder()
                    .allowedByPermissionsBoundary(result.allowedByBoundary()).build());
        }
        return b.build();
    }

    private static Statement statement(EvaluationResult.Match match) {
        var b = Statement.builder().sourcePolicyId(match.source().id()).sourcePolicyType(match.source().type());
        PolicyDocument.Span span = match.statement().span();
        if (span != null) {
            b.startPosition(Position.builder().line(span.startLine()).column(span.startColumn()).build())
                    .endPosition(Position.builder().line(span.endLine()).column(span.endColumn()).build());
        }
        return b.build();
    }

    private static List<PolicySource> inputs(List<String> documents, String name) {
        List<PolicySource> sources = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            sources.add(new PolicySource(name + "." + (i + 1), "none",
                    IdentityPolicies.parse(documents.get(i), PolicyKind.IDENTITY)));
        }
        return sources;
    }

    private static PolicySource resourcePolicy(String document) {
        return document == null ? null
                : new PolicySource("ResourcePolicy", "resource", IdentityPolicies.parse(document, PolicyKind.RESOURCE));
    }

    /** The user, group or role a PolicySourceArn names. */
    private static Identity source(IamAccount account, String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[2].equals("iam") || !parts[4].equals(account.id)) {
            throw IamErrors.invalidInput("Invalid ARN: %s", arn);
        }
        String resource = parts[5];
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        if (resource.startsWith("user/")) {
            return account.user(name);
        }
        if (resource.startsWith("group/")) {
            return account.group(name);
        }
        if (resource.startsWith("role/")) {
            return account.role(name);
        }
        throw IamErrors.invalidInput("Invalid ARN: %s", arn);
    }

    /** The keys a call by this principal would carry, so policy variables like ${aws:username} resolve. */
    private static Map<String, List<String>> principalKeys(Identity source) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("aws:PrincipalArn", List.of(source.arn()));
        keys.put("aws:PrincipalAccount", List.of(source.accountId));
        if (source instanceof User user) {
            keys.put("aws:username", List.of(user.name));
            keys.put("aws:userid", List.of(user.id));
        }
        source.tags.asMap().forEach((k, v) -> keys.put("aws:PrincipalTag/" + k, List.of(v)));
        return keys;
    }

    private static List<String> contextKeys(List<PolicySource> sources) {
        TreeSet<String> keys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (PolicySource source : sources) {
            for (PolicyDocument.Statement s : source.document().statements()) {
                s.conditions().forEach(c -> keys.add(c.key()));
            }
        }
        return List.copyOf(keys);
    }
}
