package io.cloudjar.s3;

import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Permission;

/**
 * A bucket's or object's ACL grants to AllUsers and AuthenticatedUsers written as resource-policy statements, so
 * IAM's evaluator weighs them with the bucket policy (S3's table "Mapping of ACL permissions and access policy
 * permissions"). Nothing is granted where ACLs are disabled (BucketOwnerEnforced) or IgnorePublicAcls is on. The
 * statements name {@code Resource: "*"} because they are weighed only for the resource they were written for, which
 * keeps the text the same for every object (IAM parses each text once).
 */
final class AclGrants {
    /** AuthenticatedUsers: any signed caller, i.e. one with a principal ARN (anonymous calls have none). */
    private static final String AUTHENTICATED = ",\"Condition\":{\"Null\":{\"aws:PrincipalArn\":\"false\"}}";

    private AclGrants() {
    }

    /**
     * The grants of the bucket (key null), or for a key those of its latest version plus the bucket's WRITE (uploads
     * and deletes of any key), as a policy document; null when there are none.
     */
    static String of(S3State state, Bucket bucket, String key) {
        if (OwnershipControlsProvider.aclsDisabled(bucket) || PublicAccess.settings(state, bucket).ignorePublicAcls()) {
            return null;
        }
        AccessControlPolicy bucketAcl = bucket.setting(AccessControlPolicy.class);
        List<String> statements = new ArrayList<>();
        if (key == null) {
            add(statements, bucketAcl, AclGrants::bucketActions);
        } else {
            StoredObject latest = bucket.latest(key);
            if (latest != null && !latest.deleteMarker() && latest.blob() != null) {
                add(statements, (AccessControlPolicy) bucket.objectAcls().get(latest.blob()), AclGrants::objectActions);
            }
            add(statements, bucketAcl, p -> p == Permission.WRITE || p == Permission.FULL_CONTROL
                    ? List.of("s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:AbortMultipartUpload")
                    : List.of());
        }
        return statements.isEmpty() ? null
                : "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static void add(List<String> statements, AccessControlPolicy acl,
            java.util.function.Function<Permission, List<String>> actionsOf) {
        if (acl == null) {
            return;
        }
        for (Grant grant : acl.grants()) {
            String uri = grant.grantee() == null ? null : grant.grantee().uri();
            if (!Acls.ALL_USERS.equals(uri) && !Acls.AUTHENTICATED_USERS.equals(uri)) {
                continue;
            }
            List<String> actions = actionsOf.apply(grant.permission());
            if (!actions.isEmpty()) {
                statements.add("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"" + String.join("\",\"", actions)
                        + "\"],\"Resource\":\"*\"" + (Acls.AUTHENTICATED_USERS.equals(uri) ? AUTHENTICATED : "") + "}");
            }
        }
    }

    private static List<String> bucketActions(Permission permission) {
        return switch (permission) {
            case READ -> List.of("s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads");
            case READ_ACP -> List.of("s3:GetBucketAcl");
            case WRITE_ACP -> List.of("s3:PutBucketAcl");
            case FULL_CONTROL -> List.of("s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads",
                    "s3:GetBucketAcl", "s3:PutBucketAcl");
            default -> List.of(); // WRITE is about the bucket's objects: see objectActions
        };
    }

    private static List<String> objectActions(Permission permission) {
        return switch (permission) {
            case READ -> List.of("s3:GetObject", "s3:GetObjectVersion");
            case READ_ACP -> List.of("s3:GetObjectAcl", "s3:GetObjectVersionAcl");
            case WRITE_ACP -> List.of("s3:PutObjectAcl", "s3:PutObjectVersionAcl");
            case FULL_CONTROL -> List.of("s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAcl", "s3:GetObjectVersionAcl",
                    "s3:PutObjectAcl", "s3:PutObjectVersionAcl");
            default -> List.of();
        };
    }
}
