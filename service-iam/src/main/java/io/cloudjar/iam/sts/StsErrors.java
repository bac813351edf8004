package io.cloudjar.iam.sts;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;

/** STS's errors, worded as STS words them. */
final class StsErrors {
    private StsErrors() {
    }

    static AwsException notAuthorized(String callerArn, String action, String resource) {
        return AwsErrors.of("AccessDenied", 403, "User: %s is not authorized to perform: %s on resource: %s",
                callerArn, action, resource);
    }

    static AwsException validation(String message, Object... args) {
        return AwsErrors.of("ValidationError", 400, message, args);
    }

    static AwsException mfaFailed() {
        return AwsErrors.of("AccessDenied", 403, "MultiFactorAuthentication failed with invalid MFA one time pass code.");
    }

    static AwsException invalidIdentityToken(String message, Object... args) {
        return AwsErrors.of("InvalidIdentityToken", 400, message, args);
    }

    static AwsException malformedPolicy(String message) {
        return AwsErrors.of("MalformedPolicyDocument", 400, message);
    }

    static AwsException packedPolicyTooLarge() {
        return AwsErrors.of("PackedPolicyTooLarge", 400, "Packed policy consumes more than 100% of the allotted space.");
    }
}
