package io.cloudjar.rds;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert;
import software.amazon.awssdk.services.rds.model.RdsException;

/** Asserts that a call fails with RDS's error code and HTTP status, and returns the message for further checks. */
final class RdsErrorsAssert {
    private RdsErrorsAssert() {
    }

    static String fails(ThrowableAssert.ThrowingCallable call, String code, int status) {
        String[] message = new String[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(RdsException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            org.assertj.core.api.Assertions.assertThat(e.statusCode()).isEqualTo(status);
            message[0] = e.awsErrorDetails().errorMessage();
        });
        return message[0];
    }
}
