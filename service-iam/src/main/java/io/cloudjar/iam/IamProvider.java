package io.cloudjar.iam;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.store.AccountStore;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/** IAM: users (the foundation slice); IAM is global, so state is kept per account only. */
public final class IamProvider implements ServiceProvider {
    private static final int DEFAULT_MAX_ITEMS = 100;

    private AccountStore<IamStore> stores;

    @Override
    public String api() {
        return "iam";
    }

    @Override
    public void init(ServiceContext context) {
        stores = context.stores().account(IamStore::new);
    }

    private IamStore store(RequestContext ctx) {
        return stores.get(ctx.accountId());
    }

    public CreateUserResponse createUser(RequestContext ctx, CreateUserRequest request) {
        String path = request.path() == null ? "/" : request.path();
        IamUser user = new IamUser(request.userName(), path, Ids.iam("AIDA", 21),
                "arn:aws:iam::" + ctx.accountId() + ":user" + path + request.userName(),
                ctx.receivedAt(), request.permissionsBoundary(), tags(request.tags()));
        if (store(ctx).addUser(user) != null) {
            throw IamErrors.userExists(request.userName());
        }
        return CreateUserResponse.builder().user(toSdk(user)).build();
    }

    public GetUserResponse getUser(RequestContext ctx, GetUserRequest request) {
        if (request.userName() == null) {
            return GetUserResponse.builder().user(caller(ctx)).build();
        }
        IamUser user = store(ctx).user(request.userName());
        if (user == null) {
            throw IamErrors.noSuchUser(request.userName());
        }
        return GetUserResponse.builder().user(toSdk(user)).build();
    }

    public ListUsersResponse listUsers(RequestContext ctx, ListUsersRequest request) {
        String prefix = request.pathPrefix() == null ? "/" : request.pathPrefix();
        List<IamUser> users = store(ctx).users().stream()
                .filter(u -> u.path().startsWith(prefix))
                .sorted(Comparator.comparing(u -> u.userName().toLowerCase(Locale.ROOT)))
                .toList();
        int limit = request.maxItems() == null ? DEFAULT_MAX_ITEMS : request.maxItems();
        Pages.Page<IamUser> page = Pages.page(users, u -> u.userName().toLowerCase(Locale.ROOT), limit, request.marker());
        return ListUsersResponse.builder()
                .users(page.items().stream().map(IamProvider::toSdk).toList())
                .isTruncated(page.nextToken() != null)
                .marker(page.nextToken())
                .build();
    }

    public DeleteUserResponse deleteUser(RequestContext ctx, DeleteUserRequest request) {
        if (store(ctx).removeUser(request.userName()) == null) {
            throw IamErrors.noSuchUser(request.userName());
        }
        return DeleteUserResponse.builder().build();
    }

    /** GetUser without a name describes the caller; for the account root AWS omits the user name. */
    private User caller(RequestContext ctx) {
        Principal p = ctx.principal();
        if (p.type() == Principal.Type.USER && p.name() != null) {
            IamUser user = store(ctx).user(p.name());
            if (user != null) {
                return toSdk(user);
            }
        }
        return User.builder().userId(p.accountId()).arn("arn:aws:iam::" + p.accountId() + ":root")
                .path("/").createDate(ctx.receivedAt()).build();
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Tag tag : tags) {
            if (!seen.add(tag.key().toLowerCase(Locale.ROOT))) {
                throw IamErrors.duplicateTagKeys();
            }
            map.put(tag.key(), tag.value());
        }
        return map;
    }

    static User toSdk(IamUser user) {
        User.Builder b = User.builder()
                .userName(user.userName())
                .path(user.path())
                .userId(user.userId())
                .arn(user.arn())
                .createDate(user.createDate());
        if (!user.tags().isEmpty()) {
            b.tags(user.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList());
        }
        if (user.permissionsBoundary() != null) {
            b.permissionsBoundary(pb -> pb.permissionsBoundaryArn(user.permissionsBoundary())
                    .permissionsBoundaryType("PermissionsBoundaryPolicy"));
        }
        return b.build();
    }
}
