package io.cloudjar.core.auth;

/**
 * Thrown by a {@link CredentialResolver} for a key it knows but refuses; the authentication stage words
 * the error as the called API does (IAM/STS {@code InvalidClientTokenId}, S3 {@code InvalidAccessKeyId}).
 */
public final class RejectedCredentials extends RuntimeException {
    public enum Reason {
        /** The key is inactive or deleted, or the session token does not belong to it. */
        INVALID,
        /** Temporary credentials past their expiration on the emulator's clock. */
        EXPIRED
    }

    private final Reason reason;

    public RejectedCredentials(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
