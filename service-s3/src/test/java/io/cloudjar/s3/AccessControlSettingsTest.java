package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;

/** Block Public Access, Object Ownership and ACLs as a new bucket has them and as they are changed. */
class AccessControlSettingsTest {
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private final S3Client s3 = S3Clients.pathStyle(cloudjar);

    @Test
    void aNewBucketBlocksPublicAccessAndDisablesAcls() {
        s3.createBucket(b -> b.bucket("acs-new"));
        var pab = s3.getPublicAccessBlock(r -> r.bucket("acs-new")).publicAccessBlockConfiguration();
        assertThat(pab.blockPublicAcls()).isTrue();
        assertThat(pab.ignorePublicAcls()).isTrue();
        assertThat(pab.blockPublicPolicy()).isTrue();
        assertThat(pab.restrictPublicBuckets()).isTrue();
        assertThat(s3.getBucketOwnershipControls(r -> r.bucket("acs-new")).ownershipControls().rules().get(0).objectOwnership())
                .isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED);

        var acl = s3.getBucketAcl(r -> r.bucket("acs-new"));
        assertThat(acl.grants()).singleElement().satisfies(g -> {
            assertThat(g.permission()).isEqualTo(Permission.FULL_CONTROL);
            assertThat(g.grantee().id()).isEqualTo(acl.owner().id());
        });
        assertS3Error(400, "AccessControlListNotSupported", () -> s3.putBucketAcl(r -> r.bucket("acs-new")
                .acl(BucketCannedACL.PRIVATE)));
        assertS3Error(400, "AccessControlListNotSupported", () -> s3.putObject(r -> r.bucket("acs-new").key("k")
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x")));
        s3.putObject(r -> r.bucket("acs-new").key("k").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL), RequestBody.fromString("x"));
        assertThat(s3.getObjectAcl(r -> r.bucket("acs-new").key("k")).grants()).hasSize(1);
        assertS3Error(400, "InvalidBucketAclWithObjectOwnership", () -> s3.createBucket(b -> b.bucket("acs-public")
                .acl(BucketCannedACL.PUBLIC_READ)));
    }

    @Test
    void publicAccessBlockRoundTripsAndIsGoneWhenDeleted() {
        s3.createBucket(b -> b.bucket("acs-pab"));
        s3.putPublicAccessBlock(r -> r.bucket("acs-pab").publicAccessBlockConfiguration(c -> c.blockPublicPolicy(true)));
        var pab = s3.getPublicAccessBlock(r -> r.bucket("acs-pab")).publicAccessBlockConfiguration();
        assertThat(pab.blockPublicPolicy()).isTrue();
        assertThat(pab.blockPublicAcls()).isFalse();
        s3.deletePublicAccessBlock(r -> r.bucket("acs-pab"));
        assertS3Error(404, "NoSuchPublicAccessBlockConfiguration", () -> s3.getPublicAccessBlock(r -> r.bucket("acs-pab")));
    }

    @Test
    void aclGrantsAreStoredOnceOwnershipAllowsThem() {
        s3.createBucket(b -> b.bucket("acs-grants"));
        s3.deleteBucketOwnershipControls(r -> r.bucket("acs-grants"));
        assertS3Error(404, "OwnershipControlsNotFoundError", () -> s3.getBucketOwnershipControls(r -> r.bucket("acs-grants")));
        // BlockPublicAcls still on: a public ACL is refused
        assertS3Error(403, "AccessDenied", () -> s3.putBucketAcl(r -> r.bucket("acs-grants").acl(BucketCannedACL.PUBLIC_READ)));
        s3.deletePublicAccessBlock(r -> r.bucket("acs-grants"));
        s3.putBucketAcl(r -> r.bucket("acs-grants").grantRead("uri=\"" + ALL_USERS + "\""));
        assertThat(s3.getBucketAcl(r -> r.bucket("acs-grants")).grants())
                .anySatisfy(g -> {
                    assertThat(g.grantee().uri()).isEqualTo(ALL_USERS);
                    assertThat(g.permission()).isEqualTo(Permission.READ);
                });
        assertS3Error(400, "InvalidRequest", () -> s3.putBucketAcl(r -> r.bucket("acs-grants").acl(BucketCannedACL.PRIVATE)
                .grantRead("uri=\"" + ALL_USERS + "\"")));
        assertS3Error(400, "InvalidBucketAclWithObjectOwnership", () -> s3.putBucketOwnershipControls(r -> r.bucket("acs-grants")
                .ownershipControls(c -> c.rules(rule -> rule.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)))));

        s3.putObject(r -> r.bucket("acs-grants").key("k").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x"));
        assertThat(s3.getObjectAcl(r -> r.bucket("acs-grants").key("k")).grants())
                .anySatisfy(g -> assertThat(g.grantee().uri()).isEqualTo(ALL_USERS));
        s3.putObjectAcl(r -> r.bucket("acs-grants").key("k").acl(ObjectCannedACL.PRIVATE));
        assertThat(s3.getObjectAcl(r -> r.bucket("acs-grants").key("k")).grants()).hasSize(1);
        s3.putObject(r -> r.bucket("acs-grants").key("k"), RequestBody.fromString("new version"));
        assertThat(s3.getObjectAcl(r -> r.bucket("acs-grants").key("k")).grants()).hasSize(1);
    }
}
