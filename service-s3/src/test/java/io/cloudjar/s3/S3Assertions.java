package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Asserts S3 errors the way the issue asks: by HTTP status and error code together. */
final class S3Assertions {
    private S3Assertions() {
    }

    static S3Exception assertS3Error(int status, String code, ThrowingCallable call) {
        S3Exception e = catchThrowableOfType(S3Exception.class, call);
        assertThat(e).as("expected %s %s", status, code).isNotNull();
        assertThat(e.statusCode()).as("status of %s", e.getMessage()).isEqualTo(status);
        if (code != null) { // HEAD errors carry no body, so no code
            assertThat(e.awsErrorDetails().errorCode()).as("code of %s", e.getMessage()).isEqualTo(code);
        }
        return e;
    }
}
