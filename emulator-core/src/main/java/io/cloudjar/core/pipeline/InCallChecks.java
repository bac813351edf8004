package io.cloudjar.core.pipeline;

import io.cloudjar.core.auth.Decision;
import io.cloudjar.core.errors.AwsException;
import java.util.List;
import java.util.Map;

/** The authorizer as a provider asks it during a call ({@link io.cloudjar.core.spi.CallContext#allowed}). */
interface InCallChecks {
    /** The decision on one more action and resource of the call; allowed when soft mode lets a denial through. */
    Decision decide(RequestContext ctx, String action, String resourceArn, Map<String, List<String>> keys);

    /** The API's denial of a check; {@code keys} are the check's own condition keys (EC2's message shows them). */
    AwsException denied(RequestContext ctx, String action, String resourceArn, Map<String, List<String>> keys,
                        Decision decision);
}
