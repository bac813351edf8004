package io.cloudjar.iam.sts;

import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.iam.state.IamState;

/** What every STS provider shares: the API name and IAM's state (roles, users, MFA devices, sessions). */
abstract class StsFeature implements ServiceProvider {
    protected IamState state;

    @Override
    public final String api() {
        return "sts";
    }

    @Override
    public void init(ServiceContext context) {
        state = IamState.of(context);
    }
}
