package io.cloudjar.core.pipeline;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.model.ApiModel;
import io.cloudjar.core.model.ErrorShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives an error raised with {@link AwsErrors#modeled} the status the answering API's model declares for its code. */
final class ModeledErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ModeledErrors.class);

    private ModeledErrors() {
    }

    static AwsException resolve(ApiModel api, AwsException error) {
        if (!error.statusFromModel()) {
            return error;
        }
        ErrorShape shape = api == null ? null : api.error(error.code());
        if (shape == null) {
            LOG.error("{} was raised as a modeled error, but the {} model does not declare it", error.code(),
                    api == null ? "(unresolved)" : api.metadata().api());
            return AwsErrors.internal("We encountered an internal error. Please try again.");
        }
        return error.withModelStatus(shape.status(), shape.senderFault());
    }
}
