package io.cloudjar.iam;

import io.cloudjar.core.util.PercentCodec;
import io.cloudjar.iam.state.Group;
import io.cloudjar.iam.state.InstanceProfile;
import io.cloudjar.iam.state.ManagedPolicy;
import io.cloudjar.iam.state.PolicyVersion;
import io.cloudjar.iam.state.Role;
import io.cloudjar.iam.state.Tags;
import io.cloudjar.iam.state.User;
import java.util.List;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Stored entities as the SDK shapes IAM answers with. Policy documents go out URL-encoded, as IAM sends them
 * (boto3 and the CLI decode them; SDK v2 users call {@code URLDecoder}). Callers hold the account lock.
 */
final class Shapes {
    private Shapes() {
    }

    static String document(String json) {
        return PercentCodec.encode(json, false);
    }

    static List<Tag> tags(Tags tags) {
        return tags.entries().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    static AttachedPermissionsBoundary boundary(String arn) {
        return arn == null ? null : AttachedPermissionsBoundary.builder().permissionsBoundaryArn(arn)
                .permissionsBoundaryType("PermissionsBoundaryPolicy").build();
    }

    /** ListUsers leaves out tags and boundary; GetUser includes them. */
    static software.amazon.awssdk.services.iam.model.User user(User user, boolean full) {
        var b = software.amazon.awssdk.services.iam.model.User.builder()
                .userName(user.name).path(user.path).userId(user.id).arn(user.arn()).createDate(user.created)
                .passwordLastUsed(user.passwordLastUsed);
        if (full) {
            b.permissionsBoundary(boundary(user.permissionsBoundary));
            if (!user.tags.isEmpty()) {
                b.tags(tags(user.tags));
            }
        }
        return b.build();
    }

    static software.amazon.awssdk.services.iam.model.Group group(Group group) {
        return software.amazon.awssdk.services.iam.model.Group.builder().groupName(group.name).path(group.path)
                .groupId(group.id).arn(group.arn()).createDate(group.created).build();
    }

    /** ListRoles leaves out tags, boundary and last use; GetRole includes them. */
    static software.amazon.awssdk.services.iam.model.Role role(Role role, boolean full) {
        var b = software.amazon.awssdk.services.iam.model.Role.builder()
                .roleName(role.name).path(role.path).roleId(role.id).arn(role.arn()).createDate(role.created)
                .assumeRolePolicyDocument(document(role.trustPolicy)).description(role.description)
                .maxSessionDuration(role.maxSessionDuration);
        if (full) {
            b.permissionsBoundary(boundary(role.permissionsBoundary));
            if (!role.tags.isEmpty()) {
                b.tags(tags(role.tags));
            }
            b.roleLastUsed(RoleLastUsed.builder().lastUsedDate(role.lastUsed).region(role.lastUsedRegion).build());
        }
        return b.build();
    }

    static software.amazon.awssdk.services.iam.model.InstanceProfile instanceProfile(InstanceProfile profile) {
        var b = software.amazon.awssdk.services.iam.model.InstanceProfile.builder()
                .instanceProfileName(profile.name).path(profile.path).instanceProfileId(profile.id)
                .arn(profile.arn()).createDate(profile.created)
                .roles(profile.roles.stream().map(r -> role(r, false)).toList());
        if (!profile.tags.isEmpty()) {
            b.tags(tags(profile.tags));
        }
        return b.build();
    }

    static Policy policy(ManagedPolicy policy, boolean withTags) {
        var b = Policy.builder().policyName(policy.name).policyId(policy.id).arn(policy.arn).path(policy.path)
                .defaultVersionId(policy.defaultVersionId).attachmentCount(policy.attachments.size())
                .permissionsBoundaryUsageCount(policy.boundaryOf.size()).isAttachable(true)
                .description(policy.description).createDate(policy.created).updateDate(policy.updated);
        if (withTags && !policy.tags.isEmpty()) {
            b.tags(tags(policy.tags));
        }
        return b.build();
    }

    static software.amazon.awssdk.services.iam.model.PolicyVersion version(ManagedPolicy policy, PolicyVersion version) {
        return software.amazon.awssdk.services.iam.model.PolicyVersion.builder()
                .versionId(version.versionId()).document(document(version.document()))
                .isDefaultVersion(version.versionId().equals(policy.defaultVersionId)).createDate(version.created())
                .build();
    }
}
