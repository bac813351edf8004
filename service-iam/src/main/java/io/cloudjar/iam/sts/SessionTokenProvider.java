package io.cloudjar.iam.sts;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.iam.mfa.Totp;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.MfaDevice;
import io.cloudjar.iam.state.StsSession;
import java.util.List;
import java.util.OptionalLong;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

/**
 * GetSessionToken: temporary credentials for a user (or the root) that act as that principal, MFA-
 * authenticated when {@code SerialNumber} and a current {@code TokenCode} of the user's device are passed.
 */
public final class SessionTokenProvider extends StsFeature {
    static final int DEFAULT_SECONDS = 43200;
    static final int ROOT_MAX_SECONDS = 3600;

    public GetSessionTokenResponse getSessionToken(RequestContext ctx, GetSessionTokenRequest request) {
        Principal caller = ctx.principal();
        if (caller.sessionToken() != null || caller.type() == Principal.Type.ASSUMED_ROLE) {
            throw AwsErrors.of("AccessDenied", 403, "Cannot call GetSessionToken with session credentials");
        }
        int duration = request.durationSeconds() == null ? DEFAULT_SECONDS : request.durationSeconds();
        if (caller.isRoot()) {
            duration = Math.min(duration, ROOT_MAX_SECONDS);
        }
        boolean mfa = request.serialNumber() != null || request.tokenCode() != null;
        if (mfa) {
            checkMfa(ctx, request.serialNumber(), request.tokenCode());
        }
        StsSession session = Sessions.issue(state, (key, secret, token) -> new Principal(caller.type(), caller.accountId(),
                caller.arn(), caller.userId(), caller.name(), key, secret, token, caller.tags()), null, ctx.receivedAt(),
                duration, List.of(), mfa);
        return GetSessionTokenResponse.builder().credentials(Sessions.credentials(session)).build();
    }

    /** The device must be the calling user's and the code current and not used before. */
    private void checkMfa(RequestContext ctx, String serial, String code) {
        if (serial == null || code == null) {
            throw StsErrors.validation("SerialNumber and TokenCode must be passed together");
        }
        Principal caller = ctx.principal();
        IamAccount account = state.account(caller.accountId());
        boolean valid = account.locked(a -> {
            MfaDevice device = a.mfaDevices.get(serial);
            if (device == null || device.user == null || caller.type() != Principal.Type.USER
                    || !device.user.name.equals(caller.name())) {
                return false;
            }
            OptionalLong step = Totp.single(device.seed, code, ctx.receivedAt(), 2);
            if (step.isEmpty() || step.getAsLong() <= device.lastCounter) {
                return false;
            }
            device.lastCounter = step.getAsLong();
            return true;
        });
        if (!valid) {
            throw StsErrors.mfaFailed();
        }
    }
}
