package io.cloudjar.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** Asserts that an SDK call fails with an exact EC2 error code, HTTP status and (optionally) message. */
public final class Ec2ErrorAssert {
    private Ec2ErrorAssert() {
    }

    public static void assertEc2Error(ThrowingCallable call, String code, int status) {
        assertEc2Error(call, code, status, null);
    }

    public static void assertEc2Error(ThrowingCallable call, String code, int status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Ec2Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
            if (message != null) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            }
        });
    }
}
