package io.cloudjar.iam.sts;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.iam.state.StsSession;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sts.model.FederatedUser;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

/**
 * GetSessionToken: temporary credentials for a user (or the root) that act as that principal, MFA-
 * authenticated when {@code SerialNumber} and a current {@code TokenCode} of the user's device are passed;
 * GetFederationToken: a federated user session limited by the passed policies.
 */
public final class SessionTokenProvider extends StsFeature {
    static final int DEFAULT_SECONDS = 43200;
    static final int ROOT_MAX_SECONDS = 3600;

    public GetSessionTokenResponse getSessionToken(CallContext ctx, GetSessionTokenRequest request) {
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
                caller.arn(), caller.userId(), caller.name(), key, secret, token, caller.tags()), null, null, ctx.receivedAt(),
                duration, List.of(), mfa);
        return GetSessionTokenResponse.builder().credentials(Sessions.credentials(session)).build();
    }

    /**
     * GetFederationToken: a federated user session ({@code arn:aws:sts::ACCOUNT:federated-user/NAME}) whose
     * permissions are what both the calling user's policies and the passed session policies allow.
     */
    public GetFederationTokenResponse getFederationToken(CallContext ctx, GetFederationTokenRequest request) {
        Principal caller = ctx.principal();
        if (caller.sessionToken() != null || caller.type() == Principal.Type.ASSUMED_ROLE) {
            throw AwsErrors.of("AccessDenied", 403, "Cannot call GetFederationToken with session credentials");
        }
        int duration = request.durationSeconds() == null ? DEFAULT_SECONDS : request.durationSeconds();
        if (caller.isRoot()) {
            duration = Math.min(duration, ROOT_MAX_SECONDS);
        }
        List<String> policies = SessionPolicies.documents(state.account(caller.accountId()), request.policy(), request.policyArns());
        Map<String, String> tags = AssumeRoleProvider.tags(request.tags());
        Integer packed = SessionPolicies.packedSize(request.policy(), tags);
        String account = caller.accountId();
        String arn = "arn:aws:sts::" + account + ":federated-user/" + request.name();
        String userId = account + ":" + request.name();
        StsSession session = Sessions.issue(state, (key, secret, token) -> new Principal(Principal.Type.FEDERATED_USER, account,
                arn, userId, request.name(), key, secret, token, tags), null,
                caller.type() == Principal.Type.USER ? caller.name() : null, ctx.receivedAt(), duration, policies, false);
        return GetFederationTokenResponse.builder().credentials(Sessions.credentials(session))
                .federatedUser(FederatedUser.builder().arn(arn).federatedUserId(userId).build())
                .packedPolicySize(packed).build();
    }

    /** Both or neither: a serial number without its code is a malformed request here, not a failed check. */
    private void checkMfa(CallContext ctx, String serial, String code) {
        if (serial == null || code == null) {
            throw StsErrors.validation("SerialNumber and TokenCode must be passed together");
        }
        MfaCodes.verify(state, ctx.principal(), serial, code, ctx.receivedAt());
    }
}
