package io.cloudjar.iam;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.spi.ServiceProvider;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS: who the caller is (the foundation slice). */
public final class StsProvider implements ServiceProvider {
    @Override
    public String api() {
        return "sts";
    }

    public GetCallerIdentityResponse getCallerIdentity(RequestContext ctx, GetCallerIdentityRequest request) {
        Principal p = ctx.principal();
        return GetCallerIdentityResponse.builder()
                .userId(p.userId())
                .account(p.accountId())
                .arn(p.arn())
                .build();
    }
}
