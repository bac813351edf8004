package io.cloudjar.iam;

import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.Identity;
import io.cloudjar.iam.state.ManagedPolicy;

/** Setting and clearing a user's or role's permissions boundary, keeping the policy's usage count. */
final class Boundaries {
    private Boundaries() {
    }

    static void set(IamAccount account, Identity identity, String arn) {
        ManagedPolicy policy = IdentityPolicies.attachable(account, arn);
        clear(account, identity);
        identity.permissionsBoundary = policy.arn;
        policy.boundaryOf.add(identity);
    }

    static void clear(IamAccount account, Identity identity) {
        if (identity.permissionsBoundary != null) {
            ManagedPolicy old = IdentityPolicies.find(account, identity.permissionsBoundary);
            if (old != null) {
                old.boundaryOf.remove(identity);
            }
            identity.permissionsBoundary = null;
        }
    }
}
