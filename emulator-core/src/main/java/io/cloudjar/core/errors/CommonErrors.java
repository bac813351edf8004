package io.cloudjar.core.errors;

/** Errors every AWS API shares (AWS "Common Errors" reference). */
public final class CommonErrors {
    private CommonErrors() {
    }

    public static AwsException invalidAction(String action, String api) {
        return AwsErrors.of("InvalidAction", 400, "The action %s is not valid for this web service.", action);
    }

    public static AwsException missingAction() {
        return AwsErrors.of("MissingAction", 400, "The request must contain the parameter Action.");
    }

    /** An operation of the AWS model that Cloudjar does not emulate yet: clear, AWS-shaped, never a 500. */
    public static AwsException notImplemented(String api, String operation) {
        return AwsErrors.of("NotImplemented", 501,
                "The %s operation %s is not implemented by Cloudjar yet.", api, operation);
    }

    public static AwsException accessDenied(String message) {
        return AwsErrors.of("AccessDenied", 403, message);
    }

    public static AwsException malformedQueryString(String detail) {
        return AwsErrors.of("MalformedQueryString", 400, "The query string is malformed: %s", detail);
    }
}
