package io.cloudjar.iam;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.iam.policy.Caller;
import io.cloudjar.iam.policy.PolicyKind;
import io.cloudjar.iam.policy.PolicySource;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.IamState;
import io.cloudjar.iam.state.Role;
import io.cloudjar.iam.state.StsSession;
import io.cloudjar.iam.state.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A signed-in principal as the policy evaluator sees it: its {@link Caller}, its identity-based policies,
 * permissions boundary (null when none) and session policies (null when none), and its STS session if the
 * call was signed with temporary credentials. Used by STS (trust checks) and by enforcement.
 */
public record PrincipalPolicies(Caller caller, List<PolicySource> identity, List<PolicySource> boundary,
                                List<PolicySource> session, Optional<StsSession> stsSession) {

    public static PrincipalPolicies of(IamState state, Principal p) {
        Optional<StsSession> session = p.sessionToken() == null ? Optional.empty() : state.session(p.accessKeyId());
        if (p.isAnonymous()) {
            return new PrincipalPolicies(new Caller(Caller.Kind.ANONYMOUS, null, null, null, null, null), List.of(), null,
                    null, session);
        }
        IamAccount account = state.account(p.accountId());
        return account.locked(a -> switch (p.type()) {
            case USER -> {
                User user = a.findUser(p.name());
                yield new PrincipalPolicies(Caller.user(p.accountId(), p.arn()),
                        user == null ? List.of() : IdentityPolicies.of(user),
                        user == null ? null : IdentityPolicies.boundary(a, user), null, session);
            }
            case ASSUMED_ROLE -> {
                String roleName = session.map(StsSession::roleName).orElse(null);
                Role role = roleName == null ? null : a.findRole(roleName);
                yield new PrincipalPolicies(Caller.roleSession(p.accountId(), p.arn(), role == null ? null : role.arn()),
                        role == null ? List.of() : IdentityPolicies.of(role),
                        role == null ? null : IdentityPolicies.boundary(a, role), sessionPolicies(session), session);
            }
            case FEDERATED_USER -> {
                // bounded by the issuing user's policies and, always, by the session policies (none: no access)
                User parent = a.findUser(session.map(StsSession::parentUser).orElse(""));
                List<PolicySource> sessionPolicies = sessionPolicies(session);
                yield new PrincipalPolicies(Caller.user(p.accountId(), p.arn()),
                        parent == null ? List.of() : IdentityPolicies.of(parent), null,
                        sessionPolicies == null ? List.of() : sessionPolicies, session);
            }
            default -> new PrincipalPolicies(Caller.root(p.accountId()), List.of(), null, null, session);
        });
    }

    /**
     * The condition keys that only IAM knows and the core's authorization stage cannot fill: for role sessions
     * {@code aws:PrincipalArn} is the role's ARN (with its path), not the session's; calls signed with temporary
     * credentials carry {@code aws:MultiFactorAuthPresent} and, after an MFA check, {@code aws:MultiFactorAuthAge}.
     */
    public void putSessionKeys(Map<String, List<String>> keys, Instant now) {
        if (caller.kind() == Caller.Kind.ROLE_SESSION && caller.roleArn() != null) {
            keys.put("aws:PrincipalArn", List.of(caller.roleArn()));
        }
        stsSession.ifPresent(s -> {
            keys.put("aws:MultiFactorAuthPresent", List.of(Boolean.toString(s.mfaAuthenticated())));
            if (s.mfaAuthenticated()) {
                keys.put("aws:MultiFactorAuthAge", List.of(Long.toString(Duration.between(s.issued(), now).toSeconds())));
            }
        });
    }

    private static List<PolicySource> sessionPolicies(Optional<StsSession> session) {
        if (session.isEmpty() || session.get().sessionPolicies().isEmpty()) {
            return null;
        }
        List<PolicySource> sources = new ArrayList<>();
        int i = 1;
        for (String doc : session.get().sessionPolicies()) {
            sources.add(new PolicySource("SessionPolicy." + i++, "none", IdentityPolicies.parse(doc, PolicyKind.IDENTITY)));
        }
        return sources;
    }
}
