package io.cloudjar.iam.sts;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.iam.IdentityPolicies;
import io.cloudjar.iam.policy.EvaluationResult;
import io.cloudjar.iam.policy.PolicyEvaluator;
import io.cloudjar.iam.policy.PolicyKind;
import io.cloudjar.iam.policy.PolicySet;
import io.cloudjar.iam.policy.PolicySource;
import io.cloudjar.iam.policy.RequestFacts;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.Role;
import io.cloudjar.iam.state.StsSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * AssumeRole: the role's trust policy is evaluated against the caller (with the caller's identity-based
 * policies, as AWS combines them within and across accounts); the session gets {@code ASIA…} credentials
 * that expire on the emulator's clock, the role's and the session's tags, and any session policies.
 */
public final class AssumeRoleProvider extends StsFeature {
    static final int CHAINED_MAX_SECONDS = 3600;

    public AssumeRoleResponse assumeRole(CallContext ctx, AssumeRoleRequest request) {
        CallerFacts facts = CallerFacts.of(state, ctx);
        RoleRef ref = RoleRef.parse(request.roleArn());
        IamAccount roleAccount = state.account(ref.accountId());
        Role role = roleAccount.locked(a -> a.findRole(ref.name()));
        if (role == null || !role.arn().equals(request.roleArn())) {
            throw StsErrors.notAuthorized(ctx.principal().arn(), "sts:AssumeRole", request.roleArn());
        }
        int duration = duration(ctx, request.durationSeconds(), role);
        Map<String, String> sessionTags = tags(request.tags());
        Map<String, List<String>> context = new LinkedHashMap<>(facts.context());
        boolean mfa = mfa(ctx, request.serialNumber(), request.tokenCode(), context);
        context.put("sts:RoleSessionName", List.of(request.roleSessionName()));
        if (request.externalId() != null) {
            context.put("sts:ExternalId", List.of(request.externalId()));
        }
        if (request.sourceIdentity() != null) {
            context.put("sts:SourceIdentity", List.of(request.sourceIdentity()));
        }
        if (!sessionTags.isEmpty()) {
            sessionTags.forEach((k, v) -> context.put("aws:RequestTag/" + k, List.of(v)));
            context.put("aws:TagKeys", List.copyOf(sessionTags.keySet()));
        }
        PolicySource trust = roleAccount.locked(a -> {
            // the role is the resource: identity policies may test its tags (ABAC)
            role.tags.asMap().forEach((k, v) -> {
                context.put("aws:ResourceTag/" + k, List.of(v));
                context.put("iam:ResourceTag/" + k, List.of(v));
            });
            return new PolicySource(role.arn(), "resource", IdentityPolicies.parse(role.trustPolicy, PolicyKind.TRUST));
        });
        PolicySet policies = new PolicySet(facts.identity(), facts.boundary(), facts.session(), trust, ref.accountId(), true);
        authorize(ctx, policies, "sts:AssumeRole", role, facts, context);
        // Passing session tags or a source identity is an action of its own that the trust policy must allow.
        if (!sessionTags.isEmpty() || request.hasTransitiveTagKeys() && !request.transitiveTagKeys().isEmpty()) {
            authorize(ctx, policies, "sts:TagSession", role, facts, context);
        }
        if (request.sourceIdentity() != null) {
            authorize(ctx, policies, "sts:SetSourceIdentity", role, facts, context);
        }
        List<String> sessionPolicies = SessionPolicies.documents(roleAccount, request.policy(), request.policyArns());
        Integer packed = SessionPolicies.packedSize(request.policy(), sessionTags);
        Map<String, String> principalTags = roleAccount.locked(a -> {
            Map<String, String> t = new LinkedHashMap<>(role.tags.asMap());
            t.putAll(sessionTags);
            role.lastUsed = ctx.receivedAt();
            role.lastUsedRegion = ctx.region();
            return t;
        });
        StsSession session = Sessions.issue(state, (key, secret, token) -> Sessions.assumedRole(ref.accountId(), role.name,
                role.id, request.roleSessionName(), principalTags, key, secret, token), role.name, ctx.receivedAt(),
                duration, sessionPolicies, mfa);
        Principal p = session.principal();
        return AssumeRoleResponse.builder().credentials(Sessions.credentials(session))
                .assumedRoleUser(AssumedRoleUser.builder().assumedRoleId(p.userId()).arn(p.arn()).build())
                .packedPolicySize(packed).sourceIdentity(request.sourceIdentity()).build();
    }

    private static void authorize(CallContext ctx, PolicySet policies, String action, Role role, CallerFacts facts,
                                  Map<String, List<String>> context) {
        EvaluationResult decision = PolicyEvaluator.evaluate(policies, new RequestFacts(action, role.arn(), facts.caller(), context));
        if (!decision.allowed()) {
            throw StsErrors.notAuthorized(ctx.principal().arn(), action, role.arn());
        }
    }

    /** DurationSeconds within the role's MaxSessionDuration, and at most an hour when chaining roles. */
    private static int duration(CallContext ctx, Integer requested, Role role) {
        int seconds = requested == null ? 3600 : requested;
        if (ctx.principal().type() == Principal.Type.ASSUMED_ROLE && seconds > CHAINED_MAX_SECONDS) {
            throw StsErrors.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        if (seconds > role.maxSessionDuration) {
            throw StsErrors.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        return seconds;
    }

    /** Checks an MFA code if one was passed; records the result as aws:MultiFactorAuthPresent. */
    private boolean mfa(CallContext ctx, String serial, String code, Map<String, List<String>> context) {
        if (serial == null && code == null) {
            return false;
        }
        MfaCodes.verify(state, ctx.principal(), serial, code, ctx.receivedAt());
        context.put("aws:MultiFactorAuthPresent", List.of("true"));
        context.put("aws:MultiFactorAuthAge", List.of("0"));
        return true;
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Tag tag : tags) {
            if (map.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(tag.key()))) {
                throw StsErrors.validation("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            map.put(tag.key(), tag.value());
        }
        return map;
    }

    /** A role ARN's account and name: {@code arn:aws:iam::ACCOUNT:role/path/NAME}. */
    record RoleRef(String accountId, String name) {
        static RoleRef parse(String arn) {
            String[] parts = arn.split(":", 6);
            if (parts.length != 6 || !parts[2].equals("iam") || !parts[4].matches("\\d{12}") || !parts[5].startsWith("role/")) {
                throw StsErrors.validation("%s is invalid", arn);
            }
            return new RoleRef(parts[4], parts[5].substring(parts[5].lastIndexOf('/') + 1));
        }
    }
}
