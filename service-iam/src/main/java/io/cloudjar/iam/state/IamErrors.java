package io.cloudjar.iam.state;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;

/**
 * IAM's and STS's errors, worded as AWS words them; one place for every message. Codes IAM's model declares are
 * {@link AwsErrors#modeled}, so their status is the model's (noted in the section headings); ValidationError and
 * AccessDenied, which it does not declare, keep theirs here.
 */
public final class IamErrors {
    private IamErrors() {
    }

    // NoSuchEntity (404)

    public static AwsException noSuchUser(String name) {
        return noSuchEntity("The user with name %s cannot be found.", name);
    }

    public static AwsException noSuchGroup(String name) {
        return noSuchEntity("The group with name %s cannot be found.", name);
    }

    public static AwsException noSuchRole(String name) {
        return noSuchEntity("The role with name %s cannot be found.", name);
    }

    public static AwsException noSuchInstanceProfile(String name) {
        return noSuchEntity("Instance Profile %s cannot be found.", name);
    }

    public static AwsException noSuchPolicy(String arn) {
        return noSuchEntity("Policy %s was not found.", arn);
    }

    public static AwsException policyNotAttachable(String arn) {
        return noSuchEntity("Policy %s does not exist or is not attachable.", arn);
    }

    public static AwsException noSuchPolicyVersion(String arn, String versionId) {
        return noSuchEntity("Policy %s version %s does not exist or is not attachable.", arn, versionId);
    }

    public static AwsException noSuchInlinePolicy(String kind, String name) {
        return noSuchEntity("The %s policy with name %s cannot be found.", kind, name);
    }

    public static AwsException notAttached(String arn) {
        return noSuchEntity("Policy %s was not found.", arn);
    }

    public static AwsException noSuchLoginProfile(String user) {
        return noSuchEntity("Login Profile for User %s cannot be found.", user);
    }

    public static AwsException noSuchAccessKey(String id) {
        return noSuchEntity("The Access Key with id %s cannot be found.", id);
    }

    public static AwsException noSuchMfaDevice(String serial) {
        return noSuchEntity("VirtualMFADevice with serial number %s doesn't exist.", serial);
    }

    public static AwsException mfaNotEnabledForUser(String serial, String user) {
        return noSuchEntity("MFA Device with serial number %s is not enabled for user %s.", serial, user);
    }

    public static AwsException noSuchSshKey(String id) {
        return noSuchEntity("The Public Key with id %s cannot be found.", id);
    }

    public static AwsException noSuchOidcProvider(String arn) {
        return noSuchEntity("OpenIDConnect Provider not found for arn %s", arn);
    }

    public static AwsException noSuchSamlProvider(String arn) {
        return noSuchEntity("SAMLProvider not found for arn %s", arn);
    }

    public static AwsException noPasswordPolicy(String account) {
        return noSuchEntity("The Password Policy with domain name %s cannot be found.", account);
    }

    public static AwsException noSuchEntity(String message, Object... args) {
        return AwsErrors.modeled("NoSuchEntity", message, args);
    }

    // EntityAlreadyExists (409)

    public static AwsException userExists(String name) {
        return exists("User with name %s already exists.", name);
    }

    public static AwsException groupExists(String name) {
        return exists("Group with name %s already exists.", name);
    }

    public static AwsException roleExists(String name) {
        return exists("Role with name %s already exists.", name);
    }

    public static AwsException instanceProfileExists(String name) {
        return exists("Instance Profile %s already exists.", name);
    }

    public static AwsException policyExists(String name) {
        return exists("A policy called %s already exists. Duplicate names are not allowed.", name);
    }

    public static AwsException loginProfileExists(String user) {
        return exists("Login Profile for user %s already exists.", user);
    }

    public static AwsException mfaDeviceExists() {
        return exists("MFADevice entity at the same path and name already exists.");
    }

    public static AwsException mfaDeviceInUse(String serial) {
        return exists("MFA Device %s is already in use.", serial);
    }

    public static AwsException exists(String message, Object... args) {
        return AwsErrors.modeled("EntityAlreadyExists", message, args);
    }

    // DeleteConflict (409)

    public static AwsException deleteConflict(String message, Object... args) {
        return AwsErrors.modeled("DeleteConflict", message, args);
    }

    // LimitExceeded (409)

    public static AwsException quota(String quota, int limit) {
        return AwsErrors.modeled("LimitExceeded", "Cannot exceed quota for %s: %d", quota, limit);
    }

    public static AwsException tooManyPolicyVersions() {
        return AwsErrors.modeled("LimitExceeded", "A managed policy can have up to %d versions. Before you create a new "
                + "version, you must delete an existing version.", ManagedPolicy.MAX_VERSIONS);
    }

    public static AwsException tooManyTags() {
        return AwsErrors.modeled("LimitExceeded", "The number of tags has reached the maximum limit.");
    }

    // InvalidInput / ValidationError (400)

    public static AwsException duplicateTagKeys() {
        return invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    }

    public static AwsException invalidArn(String arn) {
        return invalidInput("ARN %s is not valid.", arn);
    }

    public static AwsException invalidInput(String message, Object... args) {
        return AwsErrors.modeled("InvalidInput", message, args);
    }

    /** A Marker IAM did not hand out (moto answers the same). */
    public static AwsException invalidMarker(String marker) {
        return validation("Invalid Marker.");
    }

    public static AwsException validation(String message, Object... args) {
        return AwsErrors.of("ValidationError", 400, message, args);
    }

    public static AwsException malformedPolicy(String message) {
        return AwsErrors.modeled("MalformedPolicyDocument", message);
    }

    public static AwsException passwordPolicyViolation(String reason) {
        return AwsErrors.modeled("PasswordPolicyViolation", "Password does not conform to the account password policy. %s", reason);
    }

    public static AwsException invalidAuthenticationCode(String serial) {
        return AwsErrors.modeled("InvalidAuthenticationCode", "Authentication code for device %s is not valid.", serial);
    }

    public static AwsException accessDenied(String message, Object... args) {
        return AwsErrors.of("AccessDenied", 403, message, args);
    }
}
