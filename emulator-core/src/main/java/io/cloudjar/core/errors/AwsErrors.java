package io.cloudjar.core.errors;

import java.util.Locale;

/** Factory for AWS errors, so a provider reads {@code throw AwsErrors.of("InvalidVpcID.NotFound", 400, ...)}. */
public final class AwsErrors {
    private AwsErrors() {
    }

    public static AwsException of(String code, int status, String message, Object... args) {
        return new AwsException(code, status, args.length == 0 ? message : String.format(Locale.ROOT, message, args));
    }

    /** A client error with status 400, the status of nearly every EC2 and query-API client error. */
    public static AwsException badRequest(String code, String message, Object... args) {
        return of(code, 400, message, args);
    }

    /** A fault on our side; logged with its cause, answered as AWS answers its own faults. */
    public static AwsException internal(String message) {
        return new AwsException("InternalError", 500, message, false);
    }
}
