package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.iam.state.Group;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.Identity;
import io.cloudjar.iam.state.ManagedPolicy;
import io.cloudjar.iam.state.Role;
import io.cloudjar.iam.state.User;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyRequest;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.PolicyGroup;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyUser;

/** Attaching managed policies (customer or AWS managed) to users, groups and roles, at most 10 each. */
public final class PolicyAttachmentsProvider extends IamFeature {
    static final int ATTACHED_PER_ENTITY = 10;

    public AttachUserPolicyResponse attachUserPolicy(CallContext ctx, AttachUserPolicyRequest r) {
        attach(ctx, account(ctx)::user, r.userName(), r.policyArn());
        return AttachUserPolicyResponse.builder().build();
    }

    public AttachGroupPolicyResponse attachGroupPolicy(CallContext ctx, AttachGroupPolicyRequest r) {
        attach(ctx, account(ctx)::group, r.groupName(), r.policyArn());
        return AttachGroupPolicyResponse.builder().build();
    }

    public AttachRolePolicyResponse attachRolePolicy(CallContext ctx, AttachRolePolicyRequest r) {
        attach(ctx, account(ctx)::role, r.roleName(), r.policyArn());
        return AttachRolePolicyResponse.builder().build();
    }

    public DetachUserPolicyResponse detachUserPolicy(CallContext ctx, DetachUserPolicyRequest r) {
        detach(ctx, account(ctx)::user, r.userName(), r.policyArn());
        return DetachUserPolicyResponse.builder().build();
    }

    public DetachGroupPolicyResponse detachGroupPolicy(CallContext ctx, DetachGroupPolicyRequest r) {
        detach(ctx, account(ctx)::group, r.groupName(), r.policyArn());
        return DetachGroupPolicyResponse.builder().build();
    }

    public DetachRolePolicyResponse detachRolePolicy(CallContext ctx, DetachRolePolicyRequest r) {
        detach(ctx, account(ctx)::role, r.roleName(), r.policyArn());
        return DetachRolePolicyResponse.builder().build();
    }

    public ListAttachedUserPoliciesResponse listAttachedUserPolicies(CallContext ctx, ListAttachedUserPoliciesRequest r) {
        Pages.Page<AttachedPolicy> page = attached(ctx, account(ctx)::user, r.userName(), r.pathPrefix(), r.maxItems(), r.marker());
        return ListAttachedUserPoliciesResponse.builder().attachedPolicies(page.items())
                .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
    }

    public ListAttachedGroupPoliciesResponse listAttachedGroupPolicies(CallContext ctx, ListAttachedGroupPoliciesRequest r) {
        Pages.Page<AttachedPolicy> page = attached(ctx, account(ctx)::group, r.groupName(), r.pathPrefix(), r.maxItems(), r.marker());
        return ListAttachedGroupPoliciesResponse.builder().attachedPolicies(page.items())
                .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
    }

    public ListAttachedRolePoliciesResponse listAttachedRolePolicies(CallContext ctx, ListAttachedRolePoliciesRequest r) {
        Pages.Page<AttachedPolicy> page = attached(ctx, account(ctx)::role, r.roleName(), r.pathPrefix(), r.maxItems(), r.marker());
        return ListAttachedRolePoliciesResponse.builder().attachedPolicies(page.items())
                .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
    }

    public ListEntitiesForPolicyResponse listEntitiesForPolicy(CallContext ctx, ListEntitiesForPolicyRequest r) {
        return inAccount(ctx, account -> {
            ManagedPolicy policy = IdentityPolicies.existing(account, r.policyArn());
            List<Identity> entities = new ArrayList<>(r.policyUsageFilter() == PolicyUsageType.PERMISSIONS_BOUNDARY
                    ? policy.boundaryOf : policy.attachments);
            if (r.policyUsageFilter() == null) {
                policy.boundaryOf.stream().filter(e -> !entities.contains(e)).forEach(entities::add);
            }
            EntityType only = r.entityFilter();
            List<Identity> matching = entities.stream().filter(e -> only == null || matches(only, e)).toList();
            Pages.Page<Identity> page = page(matching, e -> e.kind() + ":" + e.name, e -> e.path, r.pathPrefix(),
                    r.maxItems(), r.marker());
            var b = ListEntitiesForPolicyResponse.builder();
            b.policyUsers(page.items().stream().filter(User.class::isInstance)
                    .map(u -> PolicyUser.builder().userName(u.name).userId(u.id).build()).toList());
            b.policyGroups(page.items().stream().filter(Group.class::isInstance)
                    .map(g -> PolicyGroup.builder().groupName(g.name).groupId(g.id).build()).toList());
            b.policyRoles(page.items().stream().filter(Role.class::isInstance)
                    .map(ro -> PolicyRole.builder().roleName(ro.name).roleId(ro.id).build()).toList());
            return b.isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    private static boolean matches(EntityType type, Identity identity) {
        return switch (type) {
            case USER -> identity instanceof User;
            case GROUP -> identity instanceof Group;
            case ROLE -> identity instanceof Role;
            default -> false;
        };
    }

    private void attach(CallContext ctx, Function<String, ? extends Identity> lookup, String owner, String arn) {
        inAccount(ctx, account -> {
            Identity identity = lookup.apply(owner);
            ManagedPolicy policy = IdentityPolicies.attachable(account, arn);
            if (!identity.attached.containsKey(policy.arn) && identity.attached.size() >= ATTACHED_PER_ENTITY) {
                throw IamErrors.quota("PoliciesPer" + Character.toUpperCase(identity.kind().charAt(0))
                        + identity.kind().substring(1), ATTACHED_PER_ENTITY);
            }
            identity.attached.put(policy.arn, policy);
            policy.attachments.add(identity);
            return null;
        });
    }

    private void detach(CallContext ctx, Function<String, ? extends Identity> lookup, String owner, String arn) {
        inAccount(ctx, account -> {
            Identity identity = lookup.apply(owner);
            IdentityPolicies.checkArn(arn);
            ManagedPolicy policy = identity.attached.remove(arn);
            if (policy == null) {
                throw IamErrors.notAttached(arn);
            }
            policy.attachments.remove(identity);
            return null;
        });
    }

    private Pages.Page<AttachedPolicy> attached(CallContext ctx, Function<String, ? extends Identity> lookup, String owner,
                                                String pathPrefix, Integer maxItems, String marker) {
        return inAccount(ctx, account -> {
            Pages.Page<ManagedPolicy> page = page(new ArrayList<>(lookup.apply(owner).attached.values()), p -> p.name,
                    p -> p.path, pathPrefix, maxItems, marker);
            return new Pages.Page<>(page.items().stream()
                    .map(p -> AttachedPolicy.builder().policyName(p.name).policyArn(p.arn).build()).toList(), page.nextToken());
        });
    }
}
