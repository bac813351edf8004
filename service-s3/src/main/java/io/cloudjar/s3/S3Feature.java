package io.cloudjar.s3;

import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;

/** What every S3 provider shares: the API name (S3's, or S3 Control's for account settings) and the one {@link S3State}. */
abstract class S3Feature implements ServiceProvider {
    protected S3State state;

    @Override
    public String api() {
        return "s3";
    }

    @Override
    public void init(ServiceContext context) {
        state = S3State.of(context);
    }
}
