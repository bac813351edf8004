package io.cloudjar.iam.state;

import io.cloudjar.core.auth.CredentialResolver;
import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.auth.RejectedCredentials;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves the keys IAM and STS issued: a user's {@code AKIA…} key is that user (refused while inactive); an
 * {@code ASIA…} key is its STS session until it expires on the emulator's clock; a deleted key is refused.
 * Other keys are left to the default resolver (the account root, as LocalStack does).
 */
final class IamCredentials implements CredentialResolver {
    private final IamState state;

    IamCredentials(IamState state) {
        this.state = state;
    }

    @Override
    public Optional<Principal> resolve(String accessKeyId) {
        Optional<AccessKey> key = state.accessKey(accessKeyId);
        if (key.isPresent()) {
            return Optional.of(userPrincipal(key.get()));
        }
        if (state.wasDeleted(accessKeyId)) {
            throw new RejectedCredentials(RejectedCredentials.Reason.INVALID, "access key was deleted");
        }
        Optional<StsSession> session = state.session(accessKeyId);
        if (session.isPresent()) {
            if (!state.clock().now().isBefore(session.get().expiration())) {
                throw new RejectedCredentials(RejectedCredentials.Reason.EXPIRED, "session expired");
            }
            return Optional.of(session.get().principal());
        }
        return Optional.empty();
    }

    private Principal userPrincipal(AccessKey key) {
        if (!key.active) {
            throw new RejectedCredentials(RejectedCredentials.Reason.INVALID, "access key is inactive");
        }
        User user = key.user;
        IamAccount account = state.account(user.accountId);
        return account.locked(a -> new Principal(Principal.Type.USER, user.accountId, user.arn(), user.id, user.name,
                key.id, key.secret, null, user.tags.asMap()));
    }

    @Override
    public void recordUse(String accessKeyId, String service, String region, Instant at) {
        state.accessKey(accessKeyId).ifPresent(key -> key.lastUse = new AccessKey.LastUse(at, service, region));
    }
}
