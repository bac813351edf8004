package io.cloudjar.iam;

import io.cloudjar.core.auth.Arn;
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
        Arn parsed = Arn.parse(arn).filter(a -> a.service().equals("iam") && !a.account().isEmpty()).orElse(null);
        if (parsed == null) {
            return Optional.empty();
        }
        boolean user = parsed.resource().startsWith("user/");
        IamAccount account = state.knownAccount(parsed.account());
        if (!user && !parsed.resource().startsWith("role/") || account == null) {
            return Optional.empty();
        }
        String name = parsed.resourceName();
        Map<String, String> tags = account.locked(a -> {
            Identity identity = user ? a.findUser(name) : a.findRole(name);
            return identity == null ? null : identity.tags.asMap();
        });
        return Optional.ofNullable(tags)
                .map(t -> new ResourcePolicy(parsed.account(), null, null, ResourcePolicies.tagKeys("iam", t)));
    }
}
