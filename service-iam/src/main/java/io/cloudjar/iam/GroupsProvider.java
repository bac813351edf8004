package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.iam.state.Group;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.User;
import java.util.ArrayList;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AddUserToGroupResponse;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupResponse;
import software.amazon.awssdk.services.iam.model.DeleteGroupRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupResponse;
import software.amazon.awssdk.services.iam.model.GetGroupRequest;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsResponse;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupRequest;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupResponse;
import software.amazon.awssdk.services.iam.model.UpdateGroupRequest;
import software.amazon.awssdk.services.iam.model.UpdateGroupResponse;

/** IAM groups and their members. */
public final class GroupsProvider extends IamFeature {
    static final int GROUPS_PER_USER = 10;

    public CreateGroupResponse createGroup(CallContext ctx, CreateGroupRequest request) {
        return inAccount(ctx, account -> {
            Group group = new Group(account.id, Ids.iam("AGPA", 21), request.groupName(), pathOrRoot(request.path()), ctx.receivedAt());
            account.addGroup(group);
            return CreateGroupResponse.builder().group(Shapes.group(group)).build();
        });
    }

    public GetGroupResponse getGroup(CallContext ctx, GetGroupRequest request) {
        return inAccount(ctx, account -> {
            Group group = account.group(request.groupName());
            Pages.Page<User> page = page(new ArrayList<>(group.members), u -> u.name, request.maxItems(), request.marker());
            return GetGroupResponse.builder().group(Shapes.group(group))
                    .users(page.items().stream().map(u -> Shapes.user(u, false)).toList())
                    .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    public ListGroupsResponse listGroups(CallContext ctx, ListGroupsRequest request) {
        return inAccount(ctx, account -> {
            Pages.Page<Group> page = page(new ArrayList<>(account.groups()), g -> g.name, g -> g.path,
                    request.pathPrefix(), request.maxItems(), request.marker());
            return ListGroupsResponse.builder().groups(page.items().stream().map(Shapes::group).toList())
                    .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    public ListGroupsForUserResponse listGroupsForUser(CallContext ctx, ListGroupsForUserRequest request) {
        return inAccount(ctx, account -> {
            User user = account.user(request.userName());
            Pages.Page<Group> page = page(new ArrayList<>(user.groups), g -> g.name, request.maxItems(), request.marker());
            return ListGroupsForUserResponse.builder().groups(page.items().stream().map(Shapes::group).toList())
                    .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    public UpdateGroupResponse updateGroup(CallContext ctx, UpdateGroupRequest request) {
        return inAccount(ctx, account -> {
            Group group = account.group(request.groupName());
            if (request.newGroupName() != null) {
                account.renameGroup(group, request.newGroupName());
            }
            if (request.newPath() != null) {
                group.path = request.newPath();
            }
            return UpdateGroupResponse.builder().build();
        });
    }

    public DeleteGroupResponse deleteGroup(CallContext ctx, DeleteGroupRequest request) {
        return inAccount(ctx, account -> {
            Group group = account.group(request.groupName());
            if (!group.members.isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            if (!group.inlinePolicies.isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!group.attached.isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            account.removeGroup(group);
            return DeleteGroupResponse.builder().build();
        });
    }

    public AddUserToGroupResponse addUserToGroup(CallContext ctx, AddUserToGroupRequest request) {
        return inAccount(ctx, account -> {
            Group group = account.group(request.groupName());
            User user = account.user(request.userName());
            if (!user.groups.contains(group) && user.groups.size() >= GROUPS_PER_USER) {
                throw IamErrors.quota("GroupsPerUser", GROUPS_PER_USER);
            }
            group.members.add(user);
            user.groups.add(group);
            return AddUserToGroupResponse.builder().build();
        });
    }

    public RemoveUserFromGroupResponse removeUserFromGroup(CallContext ctx, RemoveUserFromGroupRequest request) {
        return inAccount(ctx, account -> {
            Group group = account.group(request.groupName());
            User user = account.user(request.userName());
            if (!group.members.remove(user)) {
                throw IamErrors.noSuchEntity("User %s is not in group %s.", user.name, group.name);
            }
            user.groups.remove(group);
            return RemoveUserFromGroupResponse.builder().build();
        });
    }
}
