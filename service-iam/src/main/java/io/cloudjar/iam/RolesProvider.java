package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.iam.policy.PolicyKind;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.Role;
import java.util.ArrayList;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleResponse;

/** IAM roles: trust policy, session duration, description, boundary; deleted once nothing hangs on them. */
public final class RolesProvider extends IamFeature {
    static final int TRUST_POLICY_SIZE = 2048;

    public CreateRoleResponse createRole(CallContext ctx, CreateRoleRequest request) {
        String trust = checkedTrustPolicy(request.assumeRolePolicyDocument());
        checkPrincipalsExist(ctx, trust);
        return inAccount(ctx, account -> {
            Role role = new Role(account.id, Ids.iam("AROA", 21), request.roleName(), pathOrRoot(request.path()), ctx.receivedAt());
            role.trustPolicy = trust;
            role.description = request.description();
            if (request.maxSessionDuration() != null) {
                role.maxSessionDuration = request.maxSessionDuration();
            }
            role.tags.put(tagMap(request.tags()));
            if (request.permissionsBoundary() != null) {
                Boundaries.set(account, role, request.permissionsBoundary());
            }
            account.addRole(role);
            return CreateRoleResponse.builder().role(Shapes.role(role, true)).build();
        });
    }

    /** A trust policy must parse as one and, without whitespace, fit in 2,048 characters. */
    static String checkedTrustPolicy(String document) {
        IdentityPolicies.parse(document, PolicyKind.TRUST);
        if (document.replaceAll("\\s", "").length() > TRUST_POLICY_SIZE) {
            throw IamErrors.quota("ACLSizePerRole", TRUST_POLICY_SIZE);
        }
        return document;
    }

    /**
     * IAM resolves user and role principals when a trust policy is saved: naming one that does not exist (in an
     * account this emulator knows) is a MalformedPolicyDocument, as in AWS.
     */
    private void checkPrincipalsExist(CallContext ctx, String trust) {
        for (var statement : IdentityPolicies.parse(trust, PolicyKind.TRUST).statements()) {
            if (statement.principals() == null) {
                continue;
            }
            for (String arn : statement.principals().getOrDefault("AWS", java.util.List.of())) {
                String[] parts = arn.split(":", 6);
                if (parts.length != 6 || !parts[2].equals("iam")) {
                    continue;
                }
                var account = parts[4].equals(ctx.accountId()) ? state.account(parts[4]) : state.knownAccount(parts[4]);
                String resource = parts[5];
                String name = resource.substring(resource.lastIndexOf('/') + 1);
                boolean missing = account != null && account.locked(a -> resource.startsWith("user/") && a.findUser(name) == null
                        || resource.startsWith("role/") && a.findRole(name) == null);
                if (missing) {
                    throw IamErrors.malformedPolicy("Invalid principal in policy: \"AWS\":\"" + arn + "\"");
                }
            }
        }
    }

    public GetRoleResponse getRole(CallContext ctx, GetRoleRequest request) {
        return inAccount(ctx, account -> GetRoleResponse.builder().role(Shapes.role(account.role(request.roleName()), true)).build());
    }

    public ListRolesResponse listRoles(CallContext ctx, ListRolesRequest request) {
        return inAccount(ctx, account -> {
            Pages.Page<Role> page = page(new ArrayList<>(account.roles()), r -> r.name, r -> r.path,
                    request.pathPrefix(), request.maxItems(), request.marker());
            return ListRolesResponse.builder().roles(page.items().stream().map(r -> Shapes.role(r, false)).toList())
                    .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    public UpdateRoleResponse updateRole(CallContext ctx, UpdateRoleRequest request) {
        return inAccount(ctx, account -> {
            Role role = account.role(request.roleName());
            if (request.description() != null) {
                role.description = request.description();
            }
            if (request.maxSessionDuration() != null) {
                role.maxSessionDuration = request.maxSessionDuration();
            }
            return UpdateRoleResponse.builder().build();
        });
    }

    public UpdateRoleDescriptionResponse updateRoleDescription(CallContext ctx, UpdateRoleDescriptionRequest request) {
        return inAccount(ctx, account -> {
            Role role = account.role(request.roleName());
            role.description = request.description();
            return UpdateRoleDescriptionResponse.builder().role(Shapes.role(role, true)).build();
        });
    }

    public UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(CallContext ctx, UpdateAssumeRolePolicyRequest request) {
        String trust = checkedTrustPolicy(request.policyDocument());
        checkPrincipalsExist(ctx, trust);
        return inAccount(ctx, account -> {
            account.role(request.roleName()).trustPolicy = trust;
            return UpdateAssumeRolePolicyResponse.builder().build();
        });
    }

    public DeleteRoleResponse deleteRole(CallContext ctx, DeleteRoleRequest request) {
        return inAccount(ctx, account -> {
            Role role = account.role(request.roleName());
            checkDeletable(role);
            Boundaries.clear(account, role);
            account.removeRole(role);
            return DeleteRoleResponse.builder().build();
        });
    }

    static void checkDeletable(Role role) {
        if (role.path.startsWith(ServiceLinkedRolesProvider.PATH_PREFIX)) {
            throw io.cloudjar.core.errors.AwsErrors.modeled("UnmodifiableEntity", "Cannot perform the operation on the "
                    + "protected role '%s' - this role is only modifiable by AWS", role.name);
        }
        if (!role.instanceProfiles.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }
        if (!role.inlinePolicies.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (!role.attached.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
    }

    public PutRolePermissionsBoundaryResponse putRolePermissionsBoundary(CallContext ctx, PutRolePermissionsBoundaryRequest request) {
        return inAccount(ctx, account -> {
            Boundaries.set(account, account.role(request.roleName()), request.permissionsBoundary());
            return PutRolePermissionsBoundaryResponse.builder().build();
        });
    }

    public DeleteRolePermissionsBoundaryResponse deleteRolePermissionsBoundary(CallContext ctx, DeleteRolePermissionsBoundaryRequest request) {
        return inAccount(ctx, account -> {
            Role role = account.role(request.roleName());
            requireBoundary(role.permissionsBoundary, "role", role.name);
            Boundaries.clear(account, role);
            return DeleteRolePermissionsBoundaryResponse.builder().build();
        });
    }

    static void requireBoundary(String boundary, String kind, String name) {
        if (boundary == null) {
            throw IamErrors.noSuchEntity("The %s with name %s does not have a permissions boundary.", kind, name);
        }
    }
}
