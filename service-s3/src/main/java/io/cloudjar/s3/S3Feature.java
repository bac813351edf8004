package io.cloudjar.s3;

import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;

/** What every S3 provider shares: the API name and the one {@link S3State} of the server. */
abstract class S3Feature implements ServiceProvider {
    protected S3State state;

    @Override
    public final String api() {
        return "s3";
    }

    @Override
    public void init(ServiceContext context) {
        state = S3State.of(context);
    }
}
