package io.cloudjar.iam.state;

import io.cloudjar.core.auth.Principal;
import java.time.Instant;
import java.util.List;

/**
 * Temporary credentials issued by STS ({@code ASIA…}): whose session they are, until when, and what limits
 * them (session policies) or vouches for them (MFA).
 *
 * @param principal      the session's principal, carrying the secret and the session token
 * @param roleName       the assumed role, or null for GetSessionToken and federation sessions
 * @param parentUser     for GetFederationToken sessions, the IAM user whose permissions bound the session
 * @param sessionPolicies documents passed as {@code Policy} / {@code PolicyArns}' defaults, as JSON text
 * @param mfaAuthenticated whether an MFA code was checked when the session was issued
 */
public record StsSession(Principal principal, String roleName, String parentUser, Instant issued, Instant expiration,
                         List<String> sessionPolicies, boolean mfaAuthenticated) {
    public StsSession {
        sessionPolicies = List.copyOf(sessionPolicies);
    }

    public String accessKeyId() {
        return principal.accessKeyId();
    }
}
