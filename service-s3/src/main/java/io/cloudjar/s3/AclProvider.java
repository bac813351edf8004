package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.GetBucketAclRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.PutBucketAclRequest;
import software.amazon.awssdk.services.s3.model.PutBucketAclResponse;
import software.amazon.awssdk.services.s3.model.PutObjectAclRequest;
import software.amazon.awssdk.services.s3.model.PutObjectAclResponse;

/**
 * Bucket and object ACLs: read always, set only where Object Ownership allows ACLs (otherwise
 * {@code AccessControlListNotSupported}), public ones refused under BlockPublicAcls.
 */
public final class AclProvider extends S3Feature {

    public GetBucketAclResponse getBucketAcl(CallContext ctx, GetBucketAclRequest request) {
        AccessControlPolicy acl = bucketAcl(state.bucket(ctx.principal(), request.bucket()));
        return GetBucketAclResponse.builder().owner(acl.owner()).grants(acl.grants()).build();
    }

    public PutBucketAclResponse putBucketAcl(CallContext ctx, PutBucketAclRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        Map<Permission, String> headers = grantHeaders(request.grantFullControl(), request.grantRead(), request.grantReadACP(),
                request.grantWrite(), request.grantWriteACP());
        AccessControlPolicy acl = requested(state, bucket, request.aclAsString(), headers, request.accessControlPolicy(),
                bucket.ownerAccount());
        bucket.setting(AccessControlPolicy.class, acl);
        return PutBucketAclResponse.builder().build();
    }

    public GetObjectAclResponse getObjectAcl(CallContext ctx, GetObjectAclRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        StoredObject object = ObjectLookup.find(bucket, request.key(), request.versionId());
        AccessControlPolicy acl = objectAcl(bucket, object);
        return GetObjectAclResponse.builder().owner(acl.owner()).grants(acl.grants()).build();
    }

    public PutObjectAclResponse putObjectAcl(CallContext ctx, PutObjectAclRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        StoredObject object = ObjectLookup.find(bucket, request.key(), request.versionId());
        Map<Permission, String> headers = grantHeaders(request.grantFullControl(), request.grantRead(), request.grantReadACP(),
                null, request.grantWriteACP());
        AccessControlPolicy acl = requested(state, bucket, request.aclAsString(), headers, request.accessControlPolicy(),
                object.ownerAccount());
        bucket.objectAcls().put(object.blob(), acl);
        return PutObjectAclResponse.builder().build();
    }

    /** The bucket's ACL: as set, else its owner's full control. */
    static AccessControlPolicy bucketAcl(Bucket bucket) {
        AccessControlPolicy acl = bucket.setting(AccessControlPolicy.class);
        return acl == null ? Acls.ownerOnly(bucket.ownerAccount()) : acl;
    }

    /** An object version's ACL: as set, else its owner's full control. */
    static AccessControlPolicy objectAcl(Bucket bucket, StoredObject object) {
        Object acl = object.blob() == null ? null : bucket.objectAcls().get(object.blob());
        return acl == null ? Acls.ownerOnly(object.ownerAccount()) : (AccessControlPolicy) acl;
    }

    /**
     * The ACL an upload asks for ({@code x-amz-acl}, {@code x-amz-grant-*}), or null for the default. Where ACLs are
     * disabled only {@code bucket-owner-full-control} (what the owner has anyway) is accepted, as S3 does.
     */
    static AccessControlPolicy forUpload(S3State state, Bucket bucket, String canned, String fullControl, String read, String readAcp,
            String writeAcp, String ownerAccount) {
        Map<Permission, String> headers = grantHeaders(fullControl, read, readAcp, null, writeAcp);
        if (canned == null && headers.isEmpty()) {
            return null;
        }
        if (OwnershipControlsProvider.aclsDisabled(bucket) && "bucket-owner-full-control".equals(canned)
                && headers.isEmpty()) {
            return null;
        }
        return requested(state, bucket, canned, headers, null, ownerAccount);
    }

    /**
     * The ACL a Put asks for: a canned ACL, grant headers or a document, only one of them; refused where ACLs are
     * disabled, and when public under BlockPublicAcls.
     */
    private static AccessControlPolicy requested(S3State state, Bucket bucket, String canned, Map<Permission, String> headers,
            AccessControlPolicy document, String ownerAccount) {
        if (OwnershipControlsProvider.aclsDisabled(bucket)) {
            throw S3Errors.accessControlListNotSupported();
        }
        AccessControlPolicy acl;
        if (canned != null && !headers.isEmpty()) {
            throw S3Errors.invalidRequest("Specifying both Canned ACLs and Header Grants is not allowed");
        } else if (canned != null) {
            acl = Acls.canned(canned, ownerAccount, bucket.ownerAccount());
        } else if (!headers.isEmpty()) {
            acl = Acls.fromHeaders(headers, ownerAccount);
        } else if (document != null) {
            acl = Acls.checked(document, ownerAccount);
        } else {
            throw S3Errors.malformedXml();
        }
        if (Acls.isPublic(acl) && PublicAccess.settings(state, bucket).blockPublicAcls()) {
            throw S3Errors.accessDenied();
        }
        return acl;
    }

    private static Map<Permission, String> grantHeaders(String fullControl, String read, String readAcp, String write,
            String writeAcp) {
        Map<Permission, String> headers = new LinkedHashMap<>();
        putIfGiven(headers, Permission.FULL_CONTROL, fullControl);
        putIfGiven(headers, Permission.READ, read);
        putIfGiven(headers, Permission.READ_ACP, readAcp);
        putIfGiven(headers, Permission.WRITE, write);
        putIfGiven(headers, Permission.WRITE_ACP, writeAcp);
        return headers;
    }

    private static void putIfGiven(Map<Permission, String> headers, Permission permission, String value) {
        if (value != null) {
            headers.put(permission, value);
        }
    }
}
