package io.cloudjar.iam.policy;

import java.util.List;

/**
 * The policies that apply to one request, by the role each plays in AWS's evaluation logic.
 *
 * @param identity        identity-based policies of the caller (user + groups, or the role)
 * @param boundary        the permissions boundary, or null when the caller has none
 * @param session         session policies of an assumed-role or federated session, or null when none were passed
 * @param resource        the resource-based policy (bucket policy, trust policy), or null
 * @param resourceAccount the account owning the resource; null means the caller's own account
 * @param trust           the resource policy is a role's trust policy, which must name the caller (or its
 *                        account) even within one account: identity-based policies alone never let anyone
 *                        assume a role
 */
public record PolicySet(List<PolicySource> identity, List<PolicySource> boundary, List<PolicySource> session,
                        PolicySource resource, String resourceAccount, boolean trust) {
    public PolicySet {
        identity = identity == null ? List.of() : List.copyOf(identity);
        boundary = boundary == null ? null : List.copyOf(boundary);
        session = session == null ? null : List.copyOf(session);
    }

    public static PolicySet identityOnly(List<PolicySource> identity) {
        return new PolicySet(identity, null, null, null, null, false);
    }
}
