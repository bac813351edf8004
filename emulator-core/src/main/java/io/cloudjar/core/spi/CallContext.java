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
}
