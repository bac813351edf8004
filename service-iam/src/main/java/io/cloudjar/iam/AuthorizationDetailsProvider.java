package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.iam.state.Identity;
import io.cloudjar.iam.state.ManagedPolicy;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * GetAccountAuthorizationDetails: every user, group, role and managed policy in use with their policies,
 * in one answer (filterable by entity type). The whole account fits one page, so it is never truncated.
 */
public final class AuthorizationDetailsProvider extends IamFeature {

    public GetAccountAuthorizationDetailsResponse getAccountAuthorizationDetails(CallContext ctx,
                                                                                GetAccountAuthorizationDetailsRequest r) {
        List<EntityType> filter = r.filter();
        boolean all = filter.isEmpty();
        return inAccount(ctx, account -> {
            var b = GetAccountAuthorizationDetailsResponse.builder().isTruncated(false);
            if (all || filter.contains(EntityType.USER)) {
                b.userDetailList(sorted(account.users().stream()).map(u -> UserDetail.builder().userName(u.name).userId(u.id)
                        .arn(u.arn()).path(u.path).createDate(u.created).userPolicyList(inline(u))
                        .groupList(u.groups.stream().map(g -> g.name).toList()).attachedManagedPolicies(attached(u))
                        .permissionsBoundary(Shapes.boundary(u.permissionsBoundary)).tags(Shapes.tags(u.tags)).build()).toList());
            }
            if (all || filter.contains(EntityType.GROUP)) {
                b.groupDetailList(sorted(account.groups().stream()).map(g -> GroupDetail.builder().groupName(g.name)
                        .groupId(g.id).arn(g.arn()).path(g.path).createDate(g.created).groupPolicyList(inline(g))
                        .attachedManagedPolicies(attached(g)).build()).toList());
            }
            if (all || filter.contains(EntityType.ROLE)) {
                b.roleDetailList(sorted(account.roles().stream()).map(ro -> RoleDetail.builder().roleName(ro.name)
                        .roleId(ro.id).arn(ro.arn()).path(ro.path).createDate(ro.created)
                        .assumeRolePolicyDocument(Shapes.document(ro.trustPolicy))
                        .instanceProfileList(ro.instanceProfiles.stream().map(Shapes::instanceProfile).toList())
                        .rolePolicyList(inline(ro)).attachedManagedPolicies(attached(ro))
                        .permissionsBoundary(Shapes.boundary(ro.permissionsBoundary)).tags(Shapes.tags(ro.tags))
                        .roleLastUsed(Shapes.role(ro, true).roleLastUsed()).build()).toList());
            }
            boolean local = all || filter.contains(EntityType.LOCAL_MANAGED_POLICY);
            boolean aws = all || filter.contains(EntityType.AWS_MANAGED_POLICY);
            Stream<ManagedPolicy> policies = Stream.concat(local ? account.customerPolicies().stream() : Stream.empty(),
                    aws ? account.touchedAwsPolicies().stream().filter(p -> !p.attachments.isEmpty() || !p.boundaryOf.isEmpty())
                            : Stream.empty());
            if (local || aws) {
                b.policies(policies.sorted(Comparator.comparing(p -> p.name.toLowerCase(Locale.ROOT))).map(p ->
                        ManagedPolicyDetail.builder().policyName(p.name).policyId(p.id).arn(p.arn).path(p.path)
                                .defaultVersionId(p.defaultVersionId).attachmentCount(p.attachments.size())
                                .permissionsBoundaryUsageCount(p.boundaryOf.size()).isAttachable(true)
                                .description(p.description).createDate(p.created).updateDate(p.updated)
                                .policyVersionList(p.versions.values().stream().map(v -> Shapes.version(p, v)).toList())
                                .build()).toList());
            }
            return b.build();
        });
    }

    private static <T extends Identity> Stream<T> sorted(Stream<T> identities) {
        return identities.sorted(Comparator.comparing(i -> i.name.toLowerCase(Locale.ROOT)));
    }

    private static List<PolicyDetail> inline(Identity identity) {
        return identity.inlinePolicies.entrySet().stream().map(e -> PolicyDetail.builder().policyName(e.getKey())
                .policyDocument(Shapes.document(e.getValue())).build()).toList();
    }

    private static List<AttachedPolicy> attached(Identity identity) {
        return identity.attached.values().stream()
                .map(p -> AttachedPolicy.builder().policyName(p.name).policyArn(p.arn).build()).toList();
    }
}
