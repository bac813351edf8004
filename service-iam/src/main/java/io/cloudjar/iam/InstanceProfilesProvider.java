package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.InstanceProfile;
import io.cloudjar.iam.state.Role;
import java.util.ArrayList;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileResponse;

/** Instance profiles: the one-role containers EC2 instances are launched with. */
public final class InstanceProfilesProvider extends IamFeature {
    static final int ROLES_PER_PROFILE = 1;

    public CreateInstanceProfileResponse createInstanceProfile(CallContext ctx, CreateInstanceProfileRequest request) {
        return inAccount(ctx, account -> {
            InstanceProfile profile = new InstanceProfile(account.id, Ids.iam("AIPA", 21), request.instanceProfileName(),
                    pathOrRoot(request.path()), ctx.receivedAt());
            profile.tags.put(tagMap(request.tags()));
            account.addInstanceProfile(profile);
            return CreateInstanceProfileResponse.builder().instanceProfile(Shapes.instanceProfile(profile)).build();
        });
    }

    public GetInstanceProfileResponse getInstanceProfile(CallContext ctx, GetInstanceProfileRequest request) {
        return inAccount(ctx, account -> GetInstanceProfileResponse.builder()
                .instanceProfile(Shapes.instanceProfile(account.instanceProfile(request.instanceProfileName()))).build());
    }

    public ListInstanceProfilesResponse listInstanceProfiles(CallContext ctx, ListInstanceProfilesRequest request) {
        return inAccount(ctx, account -> {
            Pages.Page<InstanceProfile> page = page(new ArrayList<>(account.instanceProfiles()), p -> p.name, p -> p.path,
                    request.pathPrefix(), request.maxItems(), request.marker());
            return ListInstanceProfilesResponse.builder()
                    .instanceProfiles(page.items().stream().map(Shapes::instanceProfile).toList())
                    .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    public ListInstanceProfilesForRoleResponse listInstanceProfilesForRole(CallContext ctx, ListInstanceProfilesForRoleRequest request) {
        return inAccount(ctx, account -> {
            Role role = account.role(request.roleName());
            Pages.Page<InstanceProfile> page = page(new ArrayList<>(role.instanceProfiles), p -> p.name,
                    request.maxItems(), request.marker());
            return ListInstanceProfilesForRoleResponse.builder()
                    .instanceProfiles(page.items().stream().map(Shapes::instanceProfile).toList())
                    .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    public DeleteInstanceProfileResponse deleteInstanceProfile(CallContext ctx, DeleteInstanceProfileRequest request) {
        return inAccount(ctx, account -> {
            InstanceProfile profile = account.instanceProfile(request.instanceProfileName());
            if (!profile.roles.isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
            }
            account.removeInstanceProfile(profile);
            return DeleteInstanceProfileResponse.builder().build();
        });
    }

    public AddRoleToInstanceProfileResponse addRoleToInstanceProfile(CallContext ctx, AddRoleToInstanceProfileRequest request) {
        return inAccount(ctx, account -> {
            InstanceProfile profile = account.instanceProfile(request.instanceProfileName());
            Role role = account.role(request.roleName());
            if (profile.roles.contains(role)) {
                throw IamErrors.exists("Role %s is already associated with instance profile %s.", role.name, profile.name);
            }
            if (profile.roles.size() >= ROLES_PER_PROFILE) {
                throw IamErrors.quota("InstanceSessionsPerInstanceProfile", ROLES_PER_PROFILE);
            }
            profile.roles.add(role);
            role.instanceProfiles.add(profile);
            return AddRoleToInstanceProfileResponse.builder().build();
        });
    }

    public RemoveRoleFromInstanceProfileResponse removeRoleFromInstanceProfile(CallContext ctx, RemoveRoleFromInstanceProfileRequest request) {
        return inAccount(ctx, account -> {
            InstanceProfile profile = account.instanceProfile(request.instanceProfileName());
            Role role = account.role(request.roleName());
            if (!profile.roles.remove(role)) {
                throw IamErrors.noSuchEntity("The role with name %s cannot be found in instance profile %s.", role.name, profile.name);
            }
            role.instanceProfiles.remove(profile);
            return RemoveRoleFromInstanceProfileResponse.builder().build();
        });
    }
}
