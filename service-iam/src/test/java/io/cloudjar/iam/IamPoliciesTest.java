package io.cloudjar.iam;

import static io.cloudjar.iam.IamUsersTest.assertError;
import static io.cloudjar.iam.IamUsersTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

class IamPoliciesTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static final String S3_READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}]}";
    static final String S3_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    static final String S3_READ_ONLY = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

    final IamClient iam = cloudjar.client(IamClient.builder());

    @AfterEach
    void reset() {
        cloudjar.reset();
        iam.close();
    }

    @Test
    void inlinePoliciesArePutReadListedAndDeletedForUsersGroupsAndRoles() {
        iam.createUser(r -> r.userName("u"));
        iam.createGroup(r -> r.groupName("g"));
        iam.createRole(r -> r.roleName("ro").assumeRolePolicyDocument(IamRolesTest.EC2_TRUST));
        iam.putUserPolicy(r -> r.userName("u").policyName("read").policyDocument(S3_READ));
        iam.putGroupPolicy(r -> r.groupName("g").policyName("read").policyDocument(S3_READ));
        iam.putRolePolicy(r -> r.roleName("ro").policyName("read").policyDocument(S3_READ));

        var got = iam.getUserPolicy(r -> r.userName("u").policyName("read"));
        assertThat(URLDecoder.decode(got.policyDocument(), StandardCharsets.UTF_8)).isEqualTo(S3_READ);
        assertThat(iam.listGroupPolicies(r -> r.groupName("g")).policyNames()).containsExactly("read");
        assertThat(iam.listRolePolicies(r -> r.roleName("ro")).policyNames()).containsExactly("read");
        assertThat(URLDecoder.decode(iam.getRolePolicy(r -> r.roleName("ro").policyName("read")).policyDocument(),
                StandardCharsets.UTF_8)).isEqualTo(S3_READ);
        assertError(error(() -> iam.deleteUser(r -> r.userName("u"))), "DeleteConflict", 409);
        iam.deleteUserPolicy(r -> r.userName("u").policyName("read"));
        assertError(error(() -> iam.getUserPolicy(r -> r.userName("u").policyName("read"))), "NoSuchEntity", 404);
        assertError(error(() -> iam.deleteGroupPolicy(r -> r.groupName("g").policyName("none"))), "NoSuchEntity", 404);
    }

    @Test
    void malformedDocumentsAreRefusedWithIamsMessages() {
        iam.createUser(r -> r.userName("u"));
        assertMalformed(() -> iam.putUserPolicy(r -> r.userName("u").policyName("p").policyDocument("nope")),
                "Syntax errors in policy.");
        assertMalformed(() -> iam.putUserPolicy(r -> r.userName("u").policyName("p").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}]}")),
                "Policy statement must contain resources.");
        assertMalformed(() -> iam.createPolicy(r -> r.policyName("p").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"GetObject\",\"Resource\":\"*\"}]}")),
                "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        assertMalformed(() -> iam.createPolicy(r -> r.policyName("p").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}")),
                "Policy document should not specify a principal.");
        assertMalformed(() -> iam.createPolicy(r -> r.policyName("p").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"bucket\"}]}")),
                "Resource bucket must be in ARN format or \"*\".");
        assertMalformed(() -> iam.createPolicy(r -> r.policyName("p").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"StringEqualz\":{\"aws:username\":\"x\"}}}]}")),
                "Invalid Condition type : StringEqualz");
    }

    private static void assertMalformed(Runnable call, String message) {
        IamException e = error(call);
        assertError(e, "MalformedPolicyDocument", 400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    @Test
    void managedPolicyVersionsAreLimitedToFiveAndTheDefaultCannotBeDeleted() {
        Policy policy = iam.createPolicy(r -> r.policyName("s3-read").path("/team/").policyDocument(S3_READ)
                .description("reads")).policy();
        assertThat(policy.arn()).isEqualTo("arn:aws:iam::000000000000:policy/team/s3-read");
        assertThat(policy.defaultVersionId()).isEqualTo("v1");
        assertThat(policy.policyId()).startsWith("ANPA");
        for (int i = 2; i <= 5; i++) {
            PolicyVersion v = iam.createPolicyVersion(r -> r.policyArn(policy.arn()).policyDocument(S3_ALL)).policyVersion();
            assertThat(v.versionId()).isEqualTo("v" + i);
            assertThat(v.isDefaultVersion()).isFalse();
        }
        assertError(error(() -> iam.createPolicyVersion(r -> r.policyArn(policy.arn()).policyDocument(S3_ALL))), "LimitExceeded", 409);
        assertError(error(() -> iam.deletePolicyVersion(r -> r.policyArn(policy.arn()).versionId("v1"))), "DeleteConflict", 409);
        iam.setDefaultPolicyVersion(r -> r.policyArn(policy.arn()).versionId("v3"));
        iam.deletePolicyVersion(r -> r.policyArn(policy.arn()).versionId("v1"));
        assertThat(iam.listPolicyVersions(r -> r.policyArn(policy.arn())).versions()).extracting(PolicyVersion::versionId)
                .containsExactly("v5", "v4", "v3", "v2");
        PolicyVersion v3 = iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId("v3")).policyVersion();
        assertThat(v3.isDefaultVersion()).isTrue();
        assertThat(URLDecoder.decode(v3.document(), StandardCharsets.UTF_8)).isEqualTo(S3_ALL);
        assertError(error(() -> iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId("v1"))), "NoSuchEntity", 404);
        assertError(error(() -> iam.deletePolicy(r -> r.policyArn(policy.arn()))), "DeleteConflict", 409);
        assertError(error(() -> iam.createPolicy(r -> r.policyName("S3-READ").policyDocument(S3_READ))), "EntityAlreadyExists", 409);
    }

    @Test
    void awsManagedPoliciesAreListedReadableAndAttachable() {
        var aws = iam.listPolicies(r -> r.scope(PolicyScopeType.AWS).maxItems(1000));
        assertThat(aws.isTruncated()).isTrue();
        assertThat(aws.policies()).extracting(Policy::arn).contains("arn:aws:iam::aws:policy/AdministratorAccess");
        Policy readOnly = iam.getPolicy(r -> r.policyArn(S3_READ_ONLY)).policy();
        assertThat(readOnly.policyName()).isEqualTo("AmazonS3ReadOnlyAccess");
        String doc = URLDecoder.decode(iam.getPolicyVersion(r -> r.policyArn(S3_READ_ONLY)
                .versionId(readOnly.defaultVersionId())).policyVersion().document(), StandardCharsets.UTF_8);
        assertThat(doc).contains("s3:Get*").contains("s3:List*");

        iam.createGroup(r -> r.groupName("readers"));
        iam.attachGroupPolicy(r -> r.groupName("readers").policyArn(S3_READ_ONLY));
        assertThat(iam.listAttachedGroupPolicies(r -> r.groupName("readers")).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(S3_READ_ONLY);
        assertThat(iam.getPolicy(r -> r.policyArn(S3_READ_ONLY)).policy().attachmentCount()).isEqualTo(1);
        assertThat(iam.listPolicies(r -> r.onlyAttached(true)).policies()).extracting(Policy::arn).containsExactly(S3_READ_ONLY);
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(S3_READ_ONLY)).policyGroups())
                .extracting(g -> g.groupName()).containsExactly("readers");
        assertError(error(() -> iam.createPolicyVersion(r -> r.policyArn(S3_READ_ONLY).policyDocument(S3_ALL))), "AccessDenied", 403);
        assertError(error(() -> iam.deleteGroup(r -> r.groupName("readers"))), "DeleteConflict", 409);
        iam.detachGroupPolicy(r -> r.groupName("readers").policyArn(S3_READ_ONLY));
        assertError(error(() -> iam.detachGroupPolicy(r -> r.groupName("readers").policyArn(S3_READ_ONLY))), "NoSuchEntity", 404);
        assertError(error(() -> iam.attachGroupPolicy(r -> r.groupName("readers")
                .policyArn("arn:aws:iam::aws:policy/NoSuchPolicy"))), "NoSuchEntity", 404);
        assertError(error(() -> iam.attachGroupPolicy(r -> r.groupName("readers").policyArn("arn:aws:s3:::not-an-iam-policy"))), "InvalidInput", 400);
    }

    @Test
    void customerManagedPoliciesAreTaggable() {
        String arn = iam.createPolicy(r -> r.policyName("tagged").policyDocument(S3_READ).tags(t -> t.key("owner").value("ops")))
                .policy().arn();
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().tags()).extracting(t -> t.key()).containsExactly("owner");
        iam.tagPolicy(r -> r.policyArn(arn).tags(t -> t.key("cost").value("42"), t -> t.key("OWNER").value("dev")));
        assertThat(iam.listPolicyTags(r -> r.policyArn(arn)).tags()).extracting(t -> t.key() + "=" + t.value())
                .containsExactly("cost=42", "OWNER=dev");
        iam.untagPolicy(r -> r.policyArn(arn).tagKeys("cost"));
        assertThat(iam.listPolicyTags(r -> r.policyArn(arn)).tags()).extracting(t -> t.key()).containsExactly("OWNER");
        assertError(error(() -> iam.listPolicyTags(r -> r.policyArn("arn:aws:iam::000000000000:policy/missing"))),
                "NoSuchEntity", 404);
    }

    @Test
    void theWholeAwsCatalogueIsPagedWithMarkers() {
        int pages = 0;
        int policies = 0;
        String marker = null;
        java.util.Set<String> names = new java.util.HashSet<>();
        do {
            String from = marker;
            var page = iam.listPolicies(r -> r.scope(PolicyScopeType.AWS).maxItems(200).marker(from));
            assertThat(page.policies()).hasSizeLessThanOrEqualTo(200);
            page.policies().forEach(p -> assertThat(p.arn()).startsWith("arn:aws:iam::aws:policy/"));
            page.policies().forEach(p -> names.add(p.policyName()));
            policies += page.policies().size();
            pages++;
            marker = page.isTruncated() ? page.marker() : null;
            assertThat(page.isTruncated()).isEqualTo(marker != null);
        } while (marker != null);
        assertThat(policies).isEqualTo(names.size()).isEqualTo(io.cloudjar.iam.catalog.AwsManagedPolicies.all().size());
        assertThat(pages).isEqualTo((policies + 199) / 200);
        assertThat(names).contains("AdministratorAccess", "AmazonS3ReadOnlyAccess", "AmazonEC2FullAccess", "ReadOnlyAccess");
        Policy s3 = iam.getPolicy(r -> r.policyArn(S3_READ_ONLY)).policy();
        assertThat(s3.defaultVersionId()).isEqualTo("v3");
        assertThat(s3.isAttachable()).isTrue();
    }

    @Test
    void atMostTenManagedPoliciesAttachToARole() {
        iam.createRole(r -> r.roleName("busy").assumeRolePolicyDocument(IamRolesTest.EC2_TRUST));
        for (int i = 0; i < 10; i++) {
            String arn = iam.createPolicy(r -> r.policyName("p" + System.nanoTime()).policyDocument(S3_READ)).policy().arn();
            iam.attachRolePolicy(r -> r.roleName("busy").policyArn(arn));
        }
        assertError(error(() -> iam.attachRolePolicy(r -> r.roleName("busy").policyArn(S3_READ_ONLY))), "LimitExceeded", 409);
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("busy").maxItems(4)).isTruncated()).isTrue();
    }

    @Test
    void permissionsBoundariesAreSetCountedAndCleared() {
        String boundary = iam.createPolicy(r -> r.policyName("boundary").policyDocument(S3_ALL)).policy().arn();
        iam.createUser(r -> r.userName("bounded").permissionsBoundary(boundary));
        assertThat(iam.getUser(r -> r.userName("bounded")).user().permissionsBoundary().permissionsBoundaryArn()).isEqualTo(boundary);
        iam.createRole(r -> r.roleName("bounded-role").assumeRolePolicyDocument(IamRolesTest.EC2_TRUST));
        iam.putRolePermissionsBoundary(r -> r.roleName("bounded-role").permissionsBoundary(boundary));
        assertThat(iam.getPolicy(r -> r.policyArn(boundary)).policy().permissionsBoundaryUsageCount()).isEqualTo(2);
        iam.deleteRolePermissionsBoundary(r -> r.roleName("bounded-role"));
        iam.deleteUserPermissionsBoundary(r -> r.userName("bounded"));
        assertThat(iam.getUser(r -> r.userName("bounded")).user().permissionsBoundary()).isNull();
        assertError(error(() -> iam.deleteUserPermissionsBoundary(r -> r.userName("bounded"))), "NoSuchEntity", 404);
        assertError(error(() -> iam.putUserPermissionsBoundary(r -> r.userName("bounded")
                .permissionsBoundary("arn:aws:iam::000000000000:policy/missing"))), "NoSuchEntity", 404);
    }

    @Test
    void accountAuthorizationDetailsShowEveryEntityWithItsPolicies() {
        iam.createUser(r -> r.userName("u"));
        iam.createGroup(r -> r.groupName("g"));
        iam.addUserToGroup(r -> r.groupName("g").userName("u"));
        iam.putUserPolicy(r -> r.userName("u").policyName("inline").policyDocument(S3_READ));
        iam.attachGroupPolicy(r -> r.groupName("g").policyArn(S3_READ_ONLY));
        iam.createPolicy(r -> r.policyName("local").policyDocument(S3_READ));
        var details = iam.getAccountAuthorizationDetails();
        assertThat(details.userDetailList()).singleElement().satisfies(u -> {
            assertThat(u.groupList()).containsExactly("g");
            assertThat(u.userPolicyList()).extracting(p -> p.policyName()).containsExactly("inline");
        });
        assertThat(details.groupDetailList().get(0).attachedManagedPolicies()).extracting(AttachedPolicy::policyArn)
                .containsExactly(S3_READ_ONLY);
        assertThat(details.policies()).extracting(p -> p.policyName()).containsExactly("AmazonS3ReadOnlyAccess", "local");
        var onlyUsers = iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.USER));
        assertThat(onlyUsers.groupDetailList()).isEmpty();
        assertThat(onlyUsers.userDetailList()).hasSize(1);
    }
}
