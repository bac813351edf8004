package io.cloudjar.core.auth;

import java.util.Optional;

/**
 * Maps an access key id to the principal it belongs to. IAM registers one that knows its users' and
 * sessions' keys; the default resolver answers for every other key.
 */
@FunctionalInterface
public interface CredentialResolver {
    Optional<Principal> resolve(String accessKeyId);
}
