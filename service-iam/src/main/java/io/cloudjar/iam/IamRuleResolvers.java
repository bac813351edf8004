package io.cloudjar.iam;

import io.cloudjar.core.auth.RuleScope;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.IamState;
import io.cloudjar.iam.state.InstanceProfile;
import io.cloudjar.iam.state.Role;
import java.util.List;
import java.util.function.Function;

/**
 * What the authorization rules need from IAM's state: the ARNs of users, groups, roles and instance profiles by
 * name (their paths are not in the input; an entity that does not exist is named with the path {@code /}), the
 * role of an instance profile ({@code iam:PassRole} for EC2), and an OIDC provider's name from its URL.
 */
final class IamRuleResolvers {
    private IamRuleResolvers() {
    }

    static void register(ServiceContext context, IamState state) {
        context.addRuleResolver("userArn", (name, call) -> arn(state, call, "user", name,
                a -> a.findUser(name) == null ? null : a.findUser(name).path));
        context.addRuleResolver("groupArn", (name, call) -> arn(state, call, "group", name,
                a -> a.groups().stream().filter(g -> g.name.equalsIgnoreCase(name)).map(g -> g.path).findFirst().orElse(null)));
        context.addRuleResolver("roleArn", (name, call) -> arn(state, call, "role", name,
                a -> a.findRole(name) == null ? null : a.findRole(name).path));
        context.addRuleResolver("instanceProfileArn", (name, call) -> arn(state, call, "instance-profile", name,
                a -> profile(a, name) == null ? null : profile(a, name).path));
        context.addRuleResolver("instanceProfileRoleArn", (nameOrArn, call) -> {
            String name = nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
            IamAccount account = state.knownAccount(call.account());
            return account == null ? List.of() : account.locked(a -> {
                InstanceProfile profile = profile(a, name);
                return profile == null ? List.<String>of() : profile.roles.stream().map(Role::arn).toList();
            });
        });
        context.addRuleResolver("oidcProviderName", (url, call) -> List.of(url.replaceFirst("^https://", "")));
    }

    private static List<String> arn(IamState state, RuleScope call, String kind, String name, Function<IamAccount, String> path) {
        IamAccount account = state.knownAccount(call.account());
        String found = account == null ? null : account.locked(path);
        return List.of("arn:" + call.partition() + ":iam::" + call.account() + ":" + kind + (found == null ? "/" : found) + name);
    }

    private static InstanceProfile profile(IamAccount account, String name) {
        return account.instanceProfiles().stream().filter(p -> p.name.equalsIgnoreCase(name)).findFirst().orElse(null);
    }

}
