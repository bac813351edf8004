package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Access control lists as S3 builds them: canned ACLs, {@code x-amz-grant-*} headers and AccessControlPolicy
 * documents become an owner and its grants; grants to AllUsers or AuthenticatedUsers make an ACL public.
 */
final class Acls {
    static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
    private static final List<String> GROUPS = List.of(ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY);
    private static final Pattern HEADER_GRANTEE = Pattern.compile("\\s*(id|uri|emailAddress)\\s*=\\s*\"?([^\",]*)\"?\\s*");

    private Acls() {
    }

    /** The ACL every bucket and object starts with: its owner has full control. */
    static AccessControlPolicy ownerOnly(String ownerAccount) {
        return canned("private", ownerAccount, ownerAccount);
    }

    /** A canned ACL for a resource of {@code ownerAccount} in a bucket of {@code bucketOwner}. */
    static AccessControlPolicy canned(String acl, String ownerAccount, String bucketOwner) {
        List<Grant> grants = new ArrayList<>();
        grants.add(grant(user(ownerAccount), Permission.FULL_CONTROL));
        switch (acl) {
            case "private", "aws-exec-read" -> { }
            case "public-read" -> grants.add(grant(group(ALL_USERS), Permission.READ));
            case "public-read-write" -> {
                grants.add(grant(group(ALL_USERS), Permission.READ));
                grants.add(grant(group(ALL_USERS), Permission.WRITE));
            }
            case "authenticated-read" -> grants.add(grant(group(AUTHENTICATED_USERS), Permission.READ));
            case "log-delivery-write" -> {
                grants.add(grant(group(LOG_DELIVERY), Permission.WRITE));
                grants.add(grant(group(LOG_DELIVERY), Permission.READ_ACP));
            }
            case "bucket-owner-read" -> addIfOther(grants, ownerAccount, bucketOwner, Permission.READ);
            case "bucket-owner-full-control" -> addIfOther(grants, ownerAccount, bucketOwner, Permission.FULL_CONTROL);
            default -> throw S3Errors.invalidArgument("", "x-amz-acl", acl);
        }
        return AccessControlPolicy.builder().owner(owner(ownerAccount)).grants(grants).build();
    }

    /** The {@code x-amz-grant-*} headers given (permission to header value), or an empty ACL when none is. */
    static AccessControlPolicy fromHeaders(Map<Permission, String> headers, String ownerAccount) {
        List<Grant> grants = new ArrayList<>();
        headers.forEach((permission, value) -> {
            if (value == null) {
                return;
            }
            for (String grantee : value.split(",")) {
                Matcher m = HEADER_GRANTEE.matcher(grantee);
                if (!m.matches()) {
                    throw S3Errors.invalidArgument("Invalid id", "x-amz-grant-" + permission, grantee);
                }
                grants.add(grant(grantee(m.group(1), m.group(2)), permission));
            }
        });
        return AccessControlPolicy.builder().owner(owner(ownerAccount)).grants(grants).build();
    }

    /** A policy document's grants, checked: every grantee must be a known canonical user or group. */
    static AccessControlPolicy checked(AccessControlPolicy policy, String ownerAccount) {
        if (policy.owner() == null || policy.owner().id() == null) {
            throw S3Errors.malformedXml();
        }
        if (!policy.owner().id().equals(CanonicalIds.of(ownerAccount))) {
            throw S3Errors.accessDenied();
        }
        for (Grant grant : policy.grants()) {
            if (grant.grantee() == null || grant.permission() == null || grant.permission() == Permission.UNKNOWN_TO_SDK_VERSION) {
                throw S3Errors.malformedXml();
            }
            Grantee g = grant.grantee();
            switch (g.typeAsString() == null ? "" : g.typeAsString()) {
                case "CanonicalUser" -> grantee("id", g.id());
                case "Group" -> grantee("uri", g.uri());
                case "AmazonCustomerByEmail" -> grantee("emailAddress", g.emailAddress());
                default -> throw S3Errors.malformedXml();
            }
        }
        return AccessControlPolicy.builder().owner(owner(ownerAccount)).grants(policy.grants()).build();
    }

    /** True when the ACL grants anything to everyone or to every AWS account (S3's "public" ACL). */
    static boolean isPublic(AccessControlPolicy acl) {
        return acl.grants().stream().anyMatch(g -> g.grantee() != null
                && (ALL_USERS.equals(g.grantee().uri()) || AUTHENTICATED_USERS.equals(g.grantee().uri())));
    }

    /** True when the ACL grants no one but its owner. */
    static boolean ownerOnly(AccessControlPolicy acl, String ownerAccount) {
        String owner = CanonicalIds.of(ownerAccount);
        return acl.grants().stream().allMatch(g -> g.grantee() != null && owner.equals(g.grantee().id()));
    }

    /** True when a group grantee has the permission (or FULL_CONTROL). */
    static boolean grantsGroup(AccessControlPolicy acl, String groupUri, Permission permission) {
        return acl.grants().stream().anyMatch(g -> g.grantee() != null && groupUri.equals(g.grantee().uri())
                && (g.permission() == permission || g.permission() == Permission.FULL_CONTROL));
    }

    static Owner owner(String account) {
        return Owner.builder().id(CanonicalIds.of(account)).build();
    }

    private static void addIfOther(List<Grant> grants, String ownerAccount, String bucketOwner, Permission permission) {
        if (!ownerAccount.equals(bucketOwner)) {
            grants.add(grant(user(bucketOwner), permission));
        }
    }

    private static Grantee grantee(String kind, String value) {
        if (value == null || value.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        return switch (kind) {
            case "id" -> {
                if (!value.matches("[0-9a-f]{64}")) {
                    throw S3Errors.invalidArgument("Invalid id", "CanonicalUser/ID", value);
                }
                yield Grantee.builder().type(Type.CANONICAL_USER).id(value).build();
            }
            case "uri" -> {
                if (!GROUPS.contains(value)) {
                    throw S3Errors.invalidArgument("Invalid group uri", "Group/URI", value);
                }
                yield group(value);
            }
            default -> throw AwsErrors.of("UnresolvableGrantByEmailAddress", 400,
                    "The e-mail address you provided does not match any account on record.").withDetail("EmailAddress", value);
        };
    }

    private static Grantee user(String account) {
        return Grantee.builder().type(Type.CANONICAL_USER).id(CanonicalIds.of(account)).build();
    }

    private static Grantee group(String uri) {
        return Grantee.builder().type(Type.GROUP).uri(uri).build();
    }

    private static Grant grant(Grantee grantee, Permission permission) {
        return Grant.builder().grantee(grantee).permission(permission).build();
    }
}
