package io.cloudjar.core.spi;

import io.cloudjar.core.auth.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a provider knows about the call it serves, and nothing of HTTP: who signed it, for which account and
 * region, when it arrived on the emulator clock, and its request id. The pipeline fills it; a provider method
 * receives it as its first argument.
 */
public interface CallContext {
    /** Who signed the call (the account root, an IAM user, a role session, or anonymous). */
    Principal principal();

    /** The caller's account: every piece of state is kept per account. */
    default String accountId() {
        return principal().accountId();
    }

    /** The region the call was signed for (or the default region). */
    String region();

    /** When the call arrived, on the emulator clock: what every timed state is read against. */
    Instant receivedAt();

    /** The id AWS reports back as {@code RequestId} / {@code x-amz-request-id}. */
    String requestId();

    /**
     * The global condition keys of this call as AWS puts them in the request context ({@code aws:CurrentTime},
     * {@code aws:SourceIp}, {@code aws:PrincipalArn}, ...), built by {@link io.cloudjar.core.auth.ConditionKeys}.
     */
    Map<String, List<String>> conditionKeys();

    /**
     * Whether the caller may do {@code action} on {@code resourceArn}, asked by a provider for a check the pipeline
     * cannot make before the call runs (each key of S3's DeleteObjects, {@code iam:PassRole} on the role of an
     * instance profile). {@code keys} are the check's own condition keys, added to the call's. Always true when no
     * authorizer is installed, for calls moto's reset-auth lets through, and in {@code IAM_SOFT_MODE} (which logs
     * the would-be denial).
     */
    default boolean allowed(String action, String resourceArn, Map<String, List<String>> keys) {
        return true;
    }

    /** As {@link #allowed}, but a denial is thrown as the API words it (EC2's UnauthorizedOperation, ...). */
    default void authorize(String action, String resourceArn, Map<String, List<String>> keys) {
    }
}
