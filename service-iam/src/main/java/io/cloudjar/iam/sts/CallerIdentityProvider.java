package io.cloudjar.iam.sts;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.spi.CallContext;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * GetCallerIdentity for every kind of caller: the root (UserId is the account id), an IAM user (its AIDA…
 * id and user ARN) or an assumed-role session ({@code AROA…:session} and the assumed-role ARN).
 */
public final class CallerIdentityProvider extends StsFeature {

    public GetCallerIdentityResponse getCallerIdentity(CallContext ctx, GetCallerIdentityRequest request) {
        Principal p = ctx.principal();
        return GetCallerIdentityResponse.builder().userId(p.userId()).account(p.accountId()).arn(p.arn()).build();
    }
}
