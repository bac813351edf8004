package io.cloudjar.iam;

import io.cloudjar.core.auth.ResourcePolicies;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.IamState;
import io.cloudjar.iam.state.Identity;
import java.util.Map;
import java.util.Optional;

/**
 * What a policy sees of an IAM user or role: its tags as {@code iam:ResourceTag/<key>} and {@code aws:ResourceTag/<key>}
 * ({@code arn:aws:iam::<account>:user/<path><name>}, {@code role/...}). Users and roles have no resource-based policy
 * here (a role's trust policy is AssumeRole's); entities that do not exist are left to the ARN's account.
 */
final class IamResourceTags implements ResourcePolicies {
    private final IamState state;

    IamResourceTags(IamState state) {
        this.state = state;
    }

    @Override
    public Optional<ResourcePolicy> find(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("iam") || parts[4].isEmpty()) {
            return Optional.empty();
        }
        String resource = parts[5];
        boolean user = resource.startsWith("user/");
        if (!user && !resource.startsWith("role/")) {
            return Optional.empty();
        }
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        IamAccount account = state.knownAccount(parts[4]);
        if (account == null) {
            return Optional.empty();
        }
        Map<String, String> tags = account.locked(a -> {
            Identity identity = user ? a.findUser(name) : a.findRole(name);
            return identity == null ? null : identity.tags.asMap();
        });
        return Optional.ofNullable(tags)
                .map(t -> new ResourcePolicy(parts[4], null, null, ResourcePolicies.tagKeys("iam", t)));
    }
}
