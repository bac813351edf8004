package io.cloudjar.core.errors;

import java.util.Locale;

/** Factory for AWS errors, so a provider reads {@code throw AwsErrors.of("InvalidArgument", 400, ...)}. */
public final class AwsErrors {
    private AwsErrors() {
    }

    public static AwsException of(String code, int status, String message, Object... args) {
        return new AwsException(code, status, format(message, args));
    }

    /**
     * An error the API's model declares (the {@code errors} of {@code cloudjar/models/<api>.json}), so its status is
     * written once, in the model: the pipeline sets it from the answering API's model before encoding. A code that
     * model does not declare is a bug, answered as a 500 and logged; services test that their modeled codes exist.
     */
    public static AwsException modeled(String code, String message, Object... args) {
        return new AwsException(code, AwsException.STATUS_FROM_MODEL, format(message, args), true);
    }

    /** A client error with status 400, the status of nearly every EC2 and query-API client error. */
    public static AwsException badRequest(String code, String message, Object... args) {
        return of(code, 400, message, args);
    }

    /** A fault on our side; logged with its cause, answered as AWS answers its own faults. */
    public static AwsException internal(String message) {
        return new AwsException("InternalError", 500, message, false);
    }

    private static String format(String message, Object... args) {
        return args.length == 0 ? message : String.format(Locale.ROOT, message, args);
    }
}
