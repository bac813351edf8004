package io.cloudjar.iam;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;

/** IAM's errors, worded as IAM words them. */
final class IamErrors {
    private IamErrors() {
    }

    static AwsException noSuchUser(String name) {
        return AwsErrors.of("NoSuchEntity", 404, "The user with name %s cannot be found.", name);
    }

    static AwsException userExists(String name) {
        return AwsErrors.of("EntityAlreadyExists", 409, "User with name %s already exists.", name);
    }

    static AwsException duplicateTagKeys() {
        return AwsErrors.of("InvalidInput", 400, "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    }
}
