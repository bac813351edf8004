package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * S3's errors as S3 words them (S3 API reference, "Error responses"), with the detail elements it adds. Codes S3's
 * model declares are {@link AwsErrors#modeled}, so their status is the model's; the others keep theirs here.
 */
final class S3Errors {
    private S3Errors() {
    }

    static AwsException noSuchBucket(String bucket) {
        return AwsErrors.modeled("NoSuchBucket", "The specified bucket does not exist").withDetail("BucketName", bucket);
    }

    static AwsException noSuchKey(String key) {
        return AwsErrors.modeled("NoSuchKey", "The specified key does not exist.").withDetail("Key", key);
    }

    static AwsException invalidBucketName(String bucket) {
        return AwsErrors.of("InvalidBucketName", 400, "The specified bucket is not valid.").withDetail("BucketName", bucket);
    }

    static AwsException bucketAlreadyExists(String bucket) {
        return AwsErrors.modeled("BucketAlreadyExists",
                "The requested bucket name is not available. The bucket namespace is shared by all users of the system. "
                        + "Please select a different name and try again.").withDetail("BucketName", bucket);
    }

    static AwsException bucketAlreadyOwnedByYou(String bucket) {
        return AwsErrors.modeled("BucketAlreadyOwnedByYou",
                "Your previous request to create the named bucket succeeded and you already own it.").withDetail("BucketName", bucket);
    }

    static AwsException bucketNotEmpty(String bucket) {
        return AwsErrors.of("BucketNotEmpty", 409, "The bucket you tried to delete is not empty").withDetail("BucketName", bucket);
    }

    static AwsException illegalLocationConstraint(String constraint) {
        return AwsErrors.of("IllegalLocationConstraintException", 400, constraint == null
                ? "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to."
                : "The " + constraint + " location constraint is incompatible for the region specific endpoint this request was sent to.");
    }

    static AwsException invalidLocationConstraint(String constraint) {
        return AwsErrors.of("InvalidLocationConstraint", 400, "The specified location-constraint is not valid")
                .withDetail("LocationConstraint", constraint);
    }

    static AwsException metadataTooLarge(long size, int max) {
        return AwsErrors.of("MetadataTooLarge", 400, "Your metadata headers exceed the maximum allowed metadata size.")
                .withDetail("Size", Long.toString(size)).withDetail("MaxSizeAllowed", Integer.toString(max));
    }

    static AwsException badDigest() {
        return AwsErrors.of("BadDigest", 400, "The Content-MD5 you specified did not match what we received.");
    }

    static AwsException invalidDigest() {
        return AwsErrors.of("InvalidDigest", 400, "The Content-MD5 you specified is not valid.");
    }

    static AwsException checksumMismatch(String algorithm) {
        return AwsErrors.of("BadDigest", 400, "The %s you specified did not match the calculated checksum.", algorithm);
    }

    static AwsException malformedTrailer() {
        return AwsErrors.of("MalformedTrailerError", 400,
                "The request contained trailing data that was not well-formed or did not conform to our published schema.");
    }

    static AwsException incompleteBody() {
        return AwsErrors.of("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header");
    }

    static AwsException invalidRange(long size) {
        return AwsErrors.of("InvalidRange", 416, "The requested range is not satisfiable")
                .withDetail("ActualObjectSize", Long.toString(size))
                .withResponseMembers(GetObjectResponse.builder().contentRange("bytes */" + size).build());
    }

    static AwsException noSuchUpload(String uploadId) {
        return AwsErrors.modeled("NoSuchUpload",
                "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.")
                .withDetail("UploadId", uploadId);
    }

    static AwsException invalidPart(int partNumber) {
        return AwsErrors.of("InvalidPart", 400,
                "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified "
                        + "entity tag may not match the part's entity tag.").withDetail("PartNumber", Integer.toString(partNumber));
    }

    static AwsException invalidPartOrder() {
        return AwsErrors.of("InvalidPartOrder", 400, "The list of parts was not in ascending order. Parts must be ordered by part number.");
    }

    static AwsException entityTooSmall(long size) {
        return AwsErrors.of("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed size")
                .withDetail("ProposedSize", Long.toString(size)).withDetail("MinSizeAllowed", "5242880");
    }

    static AwsException noSuchVersion(String key, String versionId) {
        return AwsErrors.of("NoSuchVersion", 404, "The specified version does not exist.")
                .withDetail("Key", key).withDetail("VersionId", versionId);
    }

    static AwsException invalidVersionId(String versionId) {
        return invalidArgument("Invalid version id specified", "versionId", versionId);
    }

    static AwsException preconditionFailed(String condition) {
        return AwsErrors.of("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold")
                .withDetail("Condition", condition);
    }

    static AwsException invalidRequest(String message) {
        return AwsErrors.modeled("InvalidRequest", message);
    }

    static AwsException malformedXml() {
        return AwsErrors.of("MalformedXML", 400,
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    static AwsException invalidObjectState(String storageClass) {
        return AwsErrors.modeled("InvalidObjectState", "The operation is not valid for the object's storage class")
                .withDetail("StorageClass", storageClass);
    }

    static AwsException invalidPartNumber(int requested, int actual) {
        return AwsErrors.of("InvalidPartNumber", 416, "The requested partnumber is not satisfiable")
                .withDetail("PartNumberRequested", Integer.toString(requested))
                .withDetail("ActualPartCount", Integer.toString(actual));
    }

    static AwsException invalidArgument(String message, String name, String value) {
        return AwsErrors.of("InvalidArgument", 400, message).withDetail("ArgumentName", name).withDetail("ArgumentValue", value);
    }

    static AwsException internalIo() {
        return AwsErrors.of("InternalError", 500, "We encountered an internal error. Please try again.");
    }

    static AwsException malformedPolicy(String message) {
        return AwsErrors.of("MalformedPolicy", 400, "%s", message);
    }

    static AwsException noSuchBucketPolicy(String bucket) {
        return AwsErrors.of("NoSuchBucketPolicy", 404, "The bucket policy does not exist").withDetail("BucketName", bucket);
    }

    /** A bucket-owner-only call (the bucket policy's) by another account, which S3 refuses even when policies allow. */
    static AwsException methodNotAllowed(String method) {
        return AwsErrors.of("MethodNotAllowed", 405, "The specified method is not allowed against this resource.")
                .withDetail("Method", method);
    }

    /** A Get of a configuration the bucket does not have (404, the bucket named), as each S3 configuration words it. */
    static AwsException notConfigured(String code, String message, String bucket) {
        return AwsErrors.of(code, 404, "%s", message).withDetail("BucketName", bucket);
    }

    static AwsException accessControlListNotSupported() {
        return AwsErrors.of("AccessControlListNotSupported", 400, "The bucket does not allow ACLs");
    }

    static AwsException invalidBucketState(String message) {
        return AwsErrors.of("InvalidBucketState", 409, "%s", message);
    }

    static AwsException noSuchConfiguration() {
        return AwsErrors.of("NoSuchConfiguration", 404, "The specified configuration does not exist.");
    }

    static AwsException accessDenied() {
        return AwsErrors.modeled("AccessDenied", "Access Denied");
    }
}
