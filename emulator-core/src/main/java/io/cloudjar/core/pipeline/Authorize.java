package io.cloudjar.core.pipeline;

import io.cloudjar.core.auth.AuthorizationCheck;
import io.cloudjar.core.auth.AuthorizationMessages;
import io.cloudjar.core.auth.AuthorizationRequest;
import io.cloudjar.core.auth.AuthorizationRule;
import io.cloudjar.core.auth.Authorizer;
import io.cloudjar.core.auth.Decision;
import io.cloudjar.core.auth.RuleScope;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.runtime.EmulatorRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Asks the authorizer about every call, after parsing, so the action is the operation's IAM action and
 * the resources come from the parsed input; then lets the provider ask about what only it can see (each key of
 * DeleteObjects, the role an instance profile passes) through {@link io.cloudjar.core.spi.CallContext#allowed}.
 * With {@code IAM_SOFT_MODE=1} (LocalStack's) a denial is logged and the call goes on. EC2's {@code DryRun} is
 * answered here too: AWS checks permissions and then reports {@code DryRunOperation} instead of acting.
 */
final class Authorize implements Stage, InCallChecks {
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
        boolean dryRun = isDryRun(ctx.input());
        boolean installed = runtime.authorizer() != Authorizer.ALLOW_ALL;
        if (installed || runtime.evaluator() != null) {
            ctx.checks(this);
            // one question per check of the operation's rules; the first denial decides
            RuleScope scope = new RuleScope(ctx.principal().accountId(), ctx.region(),
                    ctx.principal().isAnonymous() ? null : ctx.principal().arn());
            List<AuthorizationCheck> checks = new ArrayList<>(runtime.operationRules().checks(ctx.operation(), ctx.input(),
                    scope, ctx.conditionKeys()));
            if (dryRun) { // the provider never runs: its own checks (iam:PassRole of a profile) are asked here
                checks.addAll(runtime.operationRules().checks(ctx.apiMetadata().api(), ctx.operation().name(),
                        AuthorizationRule.CheckedBy.PROVIDER, ctx.input(), scope, ctx.conditionKeys()));
            }
            for (AuthorizationCheck check : checks) {
                if (installed || decidedByResourcePolicy(ctx, check.resources())) {
                    Decision decision = runtime.evaluator().authorize(new AuthorizationRequest(
                            ctx.principal(), check.action(), check.resources(), check.contextKeys(), ctx.region()));
                    enforce(ctx, check, decision);
                }
            }
        }
        if (dryRun) {
            throw AwsErrors.of("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set.");
        }
    }

    /** Throws the API's denial of a decision that does not allow the call, unless soft mode logs it and goes on. */
    private void enforce(RequestContext ctx, AuthorizationCheck check, Decision decision) {
        if (decision.allowed()) {
            return;
        }
        List<String> resources = check.resources();
        Decision about = decision.resource() != null ? decision : decision.about(resources.isEmpty() ? "*" : resources.get(0));
        if (!softMode) {
            throw denied(ctx, check.action(), about.resource(), about, check.contextKeys());
        }
        logSoftDenial(ctx, check.action(), about);
    }

    @Override
    public Decision decide(RequestContext ctx, String action, String resourceArn, Map<String, List<String>> keys) {
        if (runtime.authorizer() == Authorizer.ALLOW_ALL && !decidedByResourcePolicy(ctx, List.of(resourceArn))) {
            return Decision.allow("no authorizer installed: the caller's own resource");
        }
        Map<String, List<String>> all = new LinkedHashMap<>(ctx.conditionKeys());
        all.putAll(keys);
        Decision decision = runtime.evaluator().authorize(
                new AuthorizationRequest(ctx.principal(), action, List.of(resourceArn), all, ctx.region())).about(resourceArn);
        if (decision.allowed() || !softMode) {
            return decision;
        }
        logSoftDenial(ctx, action, decision);
        return Decision.allow("IAM_SOFT_MODE: " + decision.reason());
    }

    /**
     * Without {@code ENFORCE_IAM}, IAM's evaluator still decides what bucket policies decide in AWS: an anonymous S3
     * call, and an S3 call on a bucket another account owns (the owner as S3's
     * {@link io.cloudjar.core.auth.ResourcePolicies} answers it). A signed call on the caller's own resources stays
     * allowed, as before.
     */
    private boolean decidedByResourcePolicy(RequestContext ctx, List<String> resources) {
        // S3 only: other services' resources answer ResourcePolicies for their tags (EC2, IAM roles) but are not
        // governed by a resource policy there (a role's trust policy is AssumeRole's own check)
        if (!"s3".equals(ctx.apiMetadata().api())) {
            return false;
        }
        boolean anonymous = ctx.principal().isAnonymous();
        String account = ctx.principal().accountId();
        for (String resource : resources) {
            if (resource.equals("*")) {
                if (anonymous) { // ListBuckets: nothing grants it to everyone
                    return true;
                }
                continue;
            }
            // a resource no service knows (a bucket that does not exist) is left to the provider: NoSuchBucket
            if (runtime.resourcePolicies().find(resource)
                    .filter(r -> anonymous || !r.ownerAccountId().equals(account)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** LocalStack's IAM_SOFT_MODE: the would-be denial, with what decided it, for the user to read; the call goes on. */
    private static void logSoftDenial(RequestContext ctx, String action, Decision decision) {
        LOG.warn("IAM_SOFT_MODE: allowing a call IAM denies: principal={} action={} resource={} decision={} matched={} ({})",
                who(ctx), action, decision.resource(), decision.wire(),
                decision.matched().isEmpty() ? "none" : String.join(", ", decision.matched()), decision.reason());
    }

    private static boolean isDryRun(Object input) {
        return input instanceof SdkPojo pojo && Boolean.TRUE.equals(ModelClasses.member(pojo, "DryRun"));
    }

    @Override
    public AwsException denied(RequestContext ctx, String action, String resourceArn, Map<String, List<String>> keys,
                               Decision decision) {
        Map<String, List<String>> all = new LinkedHashMap<>(ctx.conditionKeys());
        all.putAll(keys);
        return denied(ctx, action, resourceArn, decision, all);
    }

    /**
     * Each API words a denial its own way: IAM, STS and RDS name the principal, action, resource and the kind of
     * policy that decided ("because no identity-based policy allows the iam:ListUsers action", "with an explicit
     * deny in a resource-based policy"); EC2 hides that in an encoded message STS decodes; S3 says "Access Denied".
     */
    static AwsException denied(RequestContext ctx, String action, String resource, Decision decision,
                               Map<String, List<String>> conditions) {
        String because = decision.explicitDeny() ? "with an explicit deny in " + decision.basis().withArticle()
                : "because no " + decision.basis().words() + " allows the " + action + " action";
        String message = "User: " + who(ctx) + " is not authorized to perform: " + action + " on resource: " + resource
                + " " + because;
        return switch (ctx.apiMetadata().api()) {
            case "ec2" -> AwsErrors.of("UnauthorizedOperation", 403,
                    "You are not authorized to perform this operation. Encoded authorization failure message: %s",
                    AuthorizationMessages.encode(ctx.principal(), action, resource, conditions, decision));
            case "s3" -> AwsErrors.of("AccessDenied", 403, "Access Denied");
            case "lightsail" -> AwsErrors.of("AccessDeniedException", 403, "%s", message);
            default -> AwsErrors.of("AccessDenied", 403, "%s", message);
        };
    }

    private static String who(RequestContext ctx) {
        return ctx.principal().isAnonymous() ? "anonymous" : ctx.principal().arn();
    }
}
