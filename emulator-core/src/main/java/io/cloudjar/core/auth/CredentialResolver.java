package io.cloudjar.core.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Maps an access key id to the principal it belongs to. IAM registers one that knows its users' and
 * sessions' keys; the default resolver answers for every other key. A resolver that knows a key but must
 * refuse it (inactive, expired) throws {@link RejectedCredentials}.
 */
@FunctionalInterface
public interface CredentialResolver {
    Optional<Principal> resolve(String accessKeyId);

    /**
     * Told after a call signed with {@code accessKeyId} was authenticated, with the signing service and
     * region: IAM records a key's last use ({@code GetAccessKeyLastUsed}). Keys of other resolvers are ignored.
     */
    default void recordUse(String accessKeyId, String service, String region, Instant at) {
    }
}
