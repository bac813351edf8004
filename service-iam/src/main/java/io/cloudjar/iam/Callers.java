package io.cloudjar.iam;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.User;

/** The calling principal as IAM entities: calls like GetUser and ChangePassword act on the caller. */
final class Callers {
    private Callers() {
    }

    /** The IAM user making the call, or null for root and role sessions. */
    static User user(CallContext ctx, IamAccount account) {
        Principal p = ctx.principal();
        return p.type() == Principal.Type.USER && p.name() != null ? account.findUser(p.name()) : null;
    }

    /** GetUser without a name: the calling user, or for the account root a user-shaped description of it. */
    static software.amazon.awssdk.services.iam.model.User asUser(CallContext ctx, IamAccount account) {
        User user = user(ctx, account);
        if (user != null) {
            return Shapes.user(user, true);
        }
        Principal p = ctx.principal();
        if (!p.isRoot()) {
            throw IamErrors.validation("Must specify userName when calling with non-User credentials");
        }
        return software.amazon.awssdk.services.iam.model.User.builder().userId(p.accountId()).arn(p.arn())
                .createDate(ctx.receivedAt()).build();
    }

    /** The user a call names, or the caller when it names none (ListAccessKeys, CreateLoginProfile, ...). */
    static User named(CallContext ctx, IamAccount account, String userName) {
        if (userName != null) {
            return account.user(userName);
        }
        User user = user(ctx, account);
        if (user == null) {
            throw IamErrors.validation("Must specify userName when calling with non-User credentials");
        }
        return user;
    }
}
