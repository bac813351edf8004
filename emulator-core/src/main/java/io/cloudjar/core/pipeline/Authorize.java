package io.cloudjar.core.pipeline;

import io.cloudjar.core.auth.AuthorizationCheck;
import io.cloudjar.core.auth.AuthorizationRequest;
import io.cloudjar.core.auth.Authorizer;
import io.cloudjar.core.auth.Decision;
import io.cloudjar.core.auth.RuleScope;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.runtime.EmulatorRuntime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Asks the authorizer about every call, after parsing, so the action is the operation's IAM action and
 * the resources come from the parsed input. With {@code IAM_SOFT_MODE=1} (LocalStack's) a denial is logged and the call
 * goes on. EC2's {@code DryRun} is answered here too: AWS checks
 * permissions and then reports {@code DryRunOperation} instead of acting.
 */
final class Authorize implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger("cloudjar.iam");

    private final EmulatorRuntime runtime;
    private final boolean softMode;

    Authorize(EmulatorRuntime runtime) {
        this.runtime = runtime;
        String soft = runtime.config().env("IAM_SOFT_MODE", "");
        this.softMode = soft.equals("1") || soft.equalsIgnoreCase("true") || soft.equalsIgnoreCase("yes");
    }

    @Override
    public void apply(RequestContext ctx) {
        if (runtime.noAuthActions().skipAuthorization()) { // moto's INITIAL_NO_AUTH_ACTION_COUNT
            if (isDryRun(ctx.input())) {
                throw AwsErrors.of("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set.");
            }
            return;
        }
        // one question per check of the operation's rules; the first denial decides. Without IAM's evaluator: none
        List<AuthorizationCheck> checks = runtime.authorizer() == Authorizer.ALLOW_ALL ? List.of()
                : runtime.operationRules().checks(ctx.operation(), ctx.input(), new RuleScope(ctx.principal().accountId(),
                        ctx.region(), ctx.principal().isAnonymous() ? null : ctx.principal().arn()), ctx.conditionKeys());
        for (AuthorizationCheck check : checks) {
            String action = check.action();
            List<String> resources = check.resources();
            Decision decision = runtime.authorizer().authorize(
                    new AuthorizationRequest(ctx.principal(), action, resources, check.contextKeys(), ctx.region()));
            if (!decision.allowed()) {
                if (!softMode) {
                    throw denied(ctx, action, resources.get(0), decision);
                }
                // LocalStack's IAM_SOFT_MODE: policies are evaluated and a denial is logged, not enforced
                LOG.warn("IAM_SOFT_MODE: allowed {} by {} on {}, which IAM denies: {}", action,
                        ctx.principal().isAnonymous() ? "anonymous" : ctx.principal().arn(), resources.get(0), decision.reason());
            }
        }
        if (isDryRun(ctx.input())) {
            throw AwsErrors.of("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set.");
        }
    }

    private static boolean isDryRun(Object input) {
        return input instanceof SdkPojo pojo && Boolean.TRUE.equals(ModelClasses.member(pojo, "DryRun"));
    }

    /** Each API words a denial its own way. */
    private static AwsException denied(RequestContext ctx, String action, String resource, Decision decision) {
        String because = decision.explicitDeny() ? "with an explicit deny in an identity-based policy"
                : "because no identity-based policy allows the " + action + " action";
        String who = ctx.principal().isAnonymous() ? "anonymous" : ctx.principal().arn();
        String message = "User: " + who + " is not authorized to perform: " + action + " on resource: " + resource + " " + because;
        return switch (ctx.apiMetadata().api()) {
            case "ec2" -> AwsErrors.of("UnauthorizedOperation", 403, "You are not authorized to perform this operation. %s", message);
            case "s3" -> AwsErrors.of("AccessDenied", 403, "Access Denied");
            case "lightsail" -> AwsErrors.of("AccessDeniedException", 403, message);
            default -> AwsErrors.of("AccessDenied", 403, message);
        };
    }
}
