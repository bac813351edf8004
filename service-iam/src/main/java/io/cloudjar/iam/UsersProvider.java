package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.User;
import java.util.ArrayList;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;
import software.amazon.awssdk.services.iam.model.UpdateUserResponse;

/** IAM users: create, read (also the caller), list, rename/move, delete (only once nothing hangs on them). */
public final class UsersProvider extends IamFeature {

    public CreateUserResponse createUser(CallContext ctx, CreateUserRequest request) {
        return inAccount(ctx, account -> {
            User user = new User(account.id, Ids.iam("AIDA", 21), request.userName(), pathOrRoot(request.path()), ctx.receivedAt());
            user.tags.put(tagMap(request.tags()));
            if (request.permissionsBoundary() != null) {
                Boundaries.set(account, user, request.permissionsBoundary());
            }
            account.addUser(user);
            return CreateUserResponse.builder().user(Shapes.user(user, true)).build();
        });
    }

    public GetUserResponse getUser(CallContext ctx, GetUserRequest request) {
        return inAccount(ctx, account -> {
            if (request.userName() == null) {
                return GetUserResponse.builder().user(Callers.asUser(ctx, account)).build();
            }
            return GetUserResponse.builder().user(Shapes.user(account.user(request.userName()), true)).build();
        });
    }

    public ListUsersResponse listUsers(CallContext ctx, ListUsersRequest request) {
        return inAccount(ctx, account -> {
            Pages.Page<User> page = page(new ArrayList<>(account.users()), u -> u.name, u -> u.path,
                    request.pathPrefix(), request.maxItems(), request.marker());
            return ListUsersResponse.builder()
                    .users(page.items().stream().map(u -> Shapes.user(u, false)).toList())
                    .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    public UpdateUserResponse updateUser(CallContext ctx, UpdateUserRequest request) {
        return inAccount(ctx, account -> {
            User user = account.user(request.userName());
            if (request.newUserName() != null) {
                account.renameUser(user, request.newUserName());
            }
            if (request.newPath() != null) {
                user.path = request.newPath();
            }
            return UpdateUserResponse.builder().build();
        });
    }

    public DeleteUserResponse deleteUser(CallContext ctx, DeleteUserRequest request) {
        return inAccount(ctx, account -> {
            User user = account.user(request.userName());
            checkDeletable(user);
            Boundaries.clear(account, user);
            account.removeUser(user);
            return DeleteUserResponse.builder().build();
        });
    }

    /** AWS refuses to delete a user that still has credentials, policies or group memberships. */
    private static void checkDeletable(User user) {
        if (user.loginProfile != null) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete login profile first.");
        }
        if (!user.accessKeys.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
        }
        if (!user.mfaDevices.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete MFA device first.");
        }
        if (!user.sshKeys.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete SSH public keys first.");
        }
        if (!user.inlinePolicies.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (!user.attached.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        if (!user.groups.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must remove user from all groups first.");
        }
    }

    public PutUserPermissionsBoundaryResponse putUserPermissionsBoundary(CallContext ctx, PutUserPermissionsBoundaryRequest request) {
        return inAccount(ctx, account -> {
            Boundaries.set(account, account.user(request.userName()), request.permissionsBoundary());
            return PutUserPermissionsBoundaryResponse.builder().build();
        });
    }

    public DeleteUserPermissionsBoundaryResponse deleteUserPermissionsBoundary(CallContext ctx, DeleteUserPermissionsBoundaryRequest request) {
        return inAccount(ctx, account -> {
            User user = account.user(request.userName());
            RolesProvider.requireBoundary(user.permissionsBoundary, "user", user.name);
            Boundaries.clear(account, user);
            return DeleteUserPermissionsBoundaryResponse.builder().build();
        });
    }
}
