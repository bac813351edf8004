package io.cloudjar.iam.sts;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;

/**
 * STS's errors, worded as STS words them. Codes STS's model declares are {@link AwsErrors#modeled}, so their status
 * is the model's; AccessDenied and ValidationError, which it does not declare, keep theirs here. The model's
 * ExpiredTokenException is what AssumeRoleWithWebIdentity answers for an expired identity token; a call signed with
 * expired session credentials is answered ExpiredToken instead (by the core's Authenticate stage, as AWS answers it).
 */
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
        return AwsErrors.modeled("InvalidIdentityToken", message, args);
    }

    static AwsException malformedPolicy(String message) {
        return AwsErrors.modeled("MalformedPolicyDocument", message);
    }

    static AwsException packedPolicyTooLarge() {
        return AwsErrors.modeled("PackedPolicyTooLarge", "Packed policy consumes more than 100% of the allotted space.");
    }
}
