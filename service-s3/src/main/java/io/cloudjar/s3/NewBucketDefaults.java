package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.s3.model.Bucket;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * What a new bucket starts with, as S3 creates buckets since April 2023: Block Public Access all on, ACLs disabled
 * (BucketOwnerEnforced) unless {@code x-amz-object-ownership} says otherwise, the canned ACL or grant headers given,
 * and object lock (with versioning) when asked for.
 */
final class NewBucketDefaults {
    private NewBucketDefaults() {
    }

    static void apply(Bucket bucket, CreateBucketRequest request) {
        bucket.setting(PublicAccessBlockConfiguration.class, PublicAccess.ALL);
        ObjectOwnership ownership = request.objectOwnership() == null ? ObjectOwnership.BUCKET_OWNER_ENFORCED
                : request.objectOwnership();
        if (ownership == ObjectOwnership.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.invalidArgument("Invalid x-amz-object-ownership header: " + request.objectOwnershipAsString(),
                    "x-amz-object-ownership", request.objectOwnershipAsString());
        }
        AccessControlPolicy acl = requestedAcl(bucket, request);
        if (acl != null && !Acls.ownerOnly(acl, bucket.ownerAccount())) {
            if (ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED) {
                throw AwsErrors.of("InvalidBucketAclWithObjectOwnership", 400,
                        "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
            }
            if (Acls.isPublic(acl)) {
                throw AwsErrors.of("InvalidBucketAclWithBlockPublicAccessError", 400,
                        "Bucket cannot have public ACLs set with BlockPublicAccess enabled");
            }
            bucket.setting(AccessControlPolicy.class, acl);
        }
        OwnershipControlsProvider.set(bucket, ownership);
        if (Boolean.TRUE.equals(request.objectLockEnabledForBucket())) {
            bucket.versioning(Bucket.Versioning.ENABLED, false);
            bucket.setting(ObjectLockConfiguration.class, ObjectLockProvider.ENABLED);
        }
    }

    private static AccessControlPolicy requestedAcl(Bucket bucket, CreateBucketRequest request) {
        Map<Permission, String> headers = new LinkedHashMap<>();
        putIfGiven(headers, Permission.FULL_CONTROL, request.grantFullControl());
        putIfGiven(headers, Permission.READ, request.grantRead());
        putIfGiven(headers, Permission.READ_ACP, request.grantReadACP());
        putIfGiven(headers, Permission.WRITE, request.grantWrite());
        putIfGiven(headers, Permission.WRITE_ACP, request.grantWriteACP());
        if (request.aclAsString() != null && !headers.isEmpty()) {
            throw S3Errors.invalidRequest("Specifying both Canned ACLs and Header Grants is not allowed");
        }
        if (request.aclAsString() != null) {
            return Acls.canned(request.aclAsString(), bucket.ownerAccount(), bucket.ownerAccount());
        }
        return headers.isEmpty() ? null : Acls.fromHeaders(headers, bucket.ownerAccount());
    }

    private static void putIfGiven(Map<Permission, String> headers,
            software.amazon.awssdk.services.s3.model.Permission permission, String value) {
        if (value != null) {
            headers.put(permission, value);
        }
    }
}
