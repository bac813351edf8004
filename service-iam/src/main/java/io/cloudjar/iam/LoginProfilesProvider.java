package io.cloudjar.iam;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.LoginProfile;
import io.cloudjar.iam.state.User;
import software.amazon.awssdk.services.iam.model.ChangePasswordRequest;
import software.amazon.awssdk.services.iam.model.ChangePasswordResponse;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.GetLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.GetLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.UpdateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.UpdateLoginProfileResponse;

/** Console passwords (login profiles), checked against the account's password policy. */
public final class LoginProfilesProvider extends IamFeature {

    public CreateLoginProfileResponse createLoginProfile(CallContext ctx, CreateLoginProfileRequest request) {
        return inAccount(ctx, account -> {
            User user = Callers.named(ctx, account, request.userName());
            if (user.loginProfile != null) {
                throw IamErrors.loginProfileExists(user.name);
            }
            if (request.password() == null) {
                throw IamErrors.validation("Password is required to create a login profile.");
            }
            PasswordRules.check(account.passwordPolicy, request.password());
            user.loginProfile = new LoginProfile(request.password(), ctx.receivedAt(), Boolean.TRUE.equals(request.passwordResetRequired()));
            return CreateLoginProfileResponse.builder().loginProfile(shape(user)).build();
        });
    }

    public GetLoginProfileResponse getLoginProfile(CallContext ctx, GetLoginProfileRequest request) {
        return inAccount(ctx, account -> {
            User user = Callers.named(ctx, account, request.userName());
            profile(user);
            return GetLoginProfileResponse.builder().loginProfile(shape(user)).build();
        });
    }

    public UpdateLoginProfileResponse updateLoginProfile(CallContext ctx, UpdateLoginProfileRequest request) {
        return inAccount(ctx, account -> {
            User user = Callers.named(ctx, account, request.userName());
            LoginProfile profile = profile(user);
            if (request.password() != null) {
                PasswordRules.check(account.passwordPolicy, request.password());
                PasswordRules.checkNotReused(account.passwordPolicy, profile, request.password());
                profile.changePassword(request.password(), ctx.receivedAt());
            }
            if (request.passwordResetRequired() != null) {
                profile.resetRequired = request.passwordResetRequired();
            }
            return UpdateLoginProfileResponse.builder().build();
        });
    }

    public DeleteLoginProfileResponse deleteLoginProfile(CallContext ctx, DeleteLoginProfileRequest request) {
        return inAccount(ctx, account -> {
            User user = Callers.named(ctx, account, request.userName());
            profile(user);
            user.loginProfile = null;
            return DeleteLoginProfileResponse.builder().build();
        });
    }

    /** A user changes its own password: the old one must match, the new one obey the policy. */
    public ChangePasswordResponse changePassword(CallContext ctx, ChangePasswordRequest request) {
        return inAccount(ctx, account -> {
            User user = Callers.user(ctx, account);
            if (user == null) {
                // the root's password is not IAM's, and roles have none
                throw AwsErrors.modeled("InvalidUserType", "The request was rejected because the type of user for the "
                        + "transaction was incorrect. Only IAM users can change their own password.");
            }
            if (account.passwordPolicy != null && !account.passwordPolicy.allowUsersToChange()) {
                throw IamErrors.accessDenied("The account password policy does not allow users to change their password.");
            }
            LoginProfile profile = profile(user);
            if (!profile.password.equals(request.oldPassword())) {
                throw IamErrors.invalidInput("The old password is incorrect.");
            }
            PasswordRules.check(account.passwordPolicy, request.newPassword());
            PasswordRules.checkNotReused(account.passwordPolicy, profile, request.newPassword());
            profile.changePassword(request.newPassword(), ctx.receivedAt());
            profile.resetRequired = false;
            return ChangePasswordResponse.builder().build();
        });
    }

    private static LoginProfile profile(User user) {
        if (user.loginProfile == null) {
            throw IamErrors.noSuchLoginProfile(user.name);
        }
        return user.loginProfile;
    }

    private static software.amazon.awssdk.services.iam.model.LoginProfile shape(User user) {
        return software.amazon.awssdk.services.iam.model.LoginProfile.builder().userName(user.name)
                .createDate(user.loginProfile.created).passwordResetRequired(user.loginProfile.resetRequired).build();
    }
}
