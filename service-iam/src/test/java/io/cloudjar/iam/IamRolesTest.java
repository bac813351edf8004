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
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.Role;

class IamRolesTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    final IamClient iam = cloudjar.client(IamClient.builder());

    @AfterEach
    void reset() {
        cloudjar.reset();
        iam.close();
    }

    @Test
    void roleKeepsTrustPolicyUrlEncodedDurationAndDescription() {
        Role role = iam.createRole(r -> r.roleName("web").path("/app/").assumeRolePolicyDocument(EC2_TRUST)
                .description("web servers").maxSessionDuration(7200).tags(t -> t.key("env").value("dev"))).role();
        assertThat(role.arn()).isEqualTo("arn:aws:iam::000000000000:role/app/web");
        assertThat(role.roleId()).matches("AROA[A-Z2-7]{17}");
        assertThat(role.assumeRolePolicyDocument()).startsWith("%7B%22Version%22");
        assertThat(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8)).isEqualTo(EC2_TRUST);

        Role read = iam.getRole(r -> r.roleName("web")).role();
        assertThat(read.maxSessionDuration()).isEqualTo(7200);
        assertThat(read.description()).isEqualTo("web servers");
        assertThat(read.tags()).hasSize(1);

        iam.updateRole(r -> r.roleName("web").maxSessionDuration(3600).description("changed"));
        assertThat(iam.getRole(r -> r.roleName("web")).role().maxSessionDuration()).isEqualTo(3600);
        assertThat(iam.listRoles(r -> r.pathPrefix("/app/")).roles()).extracting(Role::roleName).containsExactly("web");
        iam.deleteRole(r -> r.roleName("web"));
        assertError(error(() -> iam.getRole(r -> r.roleName("web"))), "NoSuchEntity", 404);
    }

    @Test
    void trustPolicyMustBeValidAndNameAPrincipal() {
        IamException noPrincipal = error(() -> iam.createRole(r -> r.roleName("bad").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}")));
        assertError(noPrincipal, "MalformedPolicyDocument", 400);
        IamException withResource = error(() -> iam.createRole(r -> r.roleName("bad").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                        + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}")));
        assertError(withResource, "MalformedPolicyDocument", 400);
        assertThat(withResource.awsErrorDetails().errorMessage()).isEqualTo("Has prohibited field Resource.");
        IamException ghost = error(() -> iam.createRole(r -> r.roleName("bad").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                        + "\"arn:aws:iam::000000000000:user/ghost\"},\"Action\":\"sts:AssumeRole\"}]}")));
        assertError(ghost, "MalformedPolicyDocument", 400);
        assertThat(ghost.awsErrorDetails().errorMessage())
                .isEqualTo("Invalid principal in policy: \"AWS\":\"arn:aws:iam::000000000000:user/ghost\"");
        assertError(error(() -> iam.createRole(r -> r.roleName("bad").assumeRolePolicyDocument("{not json"))),
                "MalformedPolicyDocument", 400);
        assertError(error(() -> iam.createRole(r -> r.roleName("bad").assumeRolePolicyDocument(EC2_TRUST)
                .maxSessionDuration(100))), "ValidationError", 400);
    }

    @Test
    void instanceProfileHoldsOneRoleAndBlocksRoleDeletion() {
        iam.createRole(r -> r.roleName("r1").assumeRolePolicyDocument(EC2_TRUST));
        iam.createRole(r -> r.roleName("r2").assumeRolePolicyDocument(EC2_TRUST));
        var profile = iam.createInstanceProfile(r -> r.instanceProfileName("web-profile")).instanceProfile();
        assertThat(profile.arn()).isEqualTo("arn:aws:iam::000000000000:instance-profile/web-profile");
        assertThat(profile.instanceProfileId()).startsWith("AIPA");
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("web-profile").roleName("r1"));
        assertError(error(() -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName("web-profile").roleName("r2"))),
                "LimitExceeded", 409);
        assertThat(iam.getInstanceProfile(r -> r.instanceProfileName("web-profile")).instanceProfile().roles())
                .extracting(Role::roleName).containsExactly("r1");
        assertThat(iam.listInstanceProfilesForRole(r -> r.roleName("r1")).instanceProfiles()).hasSize(1);
        assertError(error(() -> iam.deleteRole(r -> r.roleName("r1"))), "DeleteConflict", 409);
        assertError(error(() -> iam.deleteInstanceProfile(r -> r.instanceProfileName("web-profile"))), "DeleteConflict", 409);
        iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("web-profile").roleName("r1"));
        iam.deleteInstanceProfile(r -> r.instanceProfileName("web-profile"));
        iam.deleteRole(r -> r.roleName("r1"));
        assertError(error(() -> iam.getInstanceProfile(r -> r.instanceProfileName("web-profile"))), "NoSuchEntity", 404);
    }

    @Test
    void rolesAndInstanceProfilesAreTaggable() {
        iam.createRole(r -> r.roleName("tagged").assumeRolePolicyDocument(EC2_TRUST));
        iam.tagRole(r -> r.roleName("tagged").tags(t -> t.key("a").value("1"), t -> t.key("b").value("2")));
        iam.untagRole(r -> r.roleName("tagged").tagKeys("a"));
        assertThat(iam.listRoleTags(r -> r.roleName("tagged")).tags()).extracting(t -> t.key()).containsExactly("b");
        iam.createInstanceProfile(r -> r.instanceProfileName("p"));
        iam.tagInstanceProfile(r -> r.instanceProfileName("p").tags(t -> t.key("k").value("v")));
        assertThat(iam.listInstanceProfileTags(r -> r.instanceProfileName("p")).tags()).hasSize(1);
        assertError(error(() -> iam.tagRole(r -> r.roleName("tagged").tags(t -> t.key("x").value("1"), t -> t.key("X").value("2")))),
                "InvalidInput", 400);
    }

    @Test
    void serviceLinkedRolesAreProtectedAndDeletedByTask() {
        Role role = iam.createServiceLinkedRole(r -> r.awsServiceName("autoscaling.amazonaws.com")).role();
        assertThat(role.roleName()).isEqualTo("AWSServiceRoleForAutoscaling");
        assertThat(role.path()).isEqualTo("/aws-service-role/autoscaling.amazonaws.com/");
        assertError(error(() -> iam.createServiceLinkedRole(r -> r.awsServiceName("autoscaling.amazonaws.com"))), "InvalidInput", 400);
        assertError(error(() -> iam.deleteRole(r -> r.roleName(role.roleName()))), "UnmodifiableEntity", 400);
        String task = iam.deleteServiceLinkedRole(r -> r.roleName(role.roleName())).deletionTaskId();
        assertThat(iam.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(task)).statusAsString()).isEqualTo("SUCCEEDED");
        assertError(error(() -> iam.getRole(r -> r.roleName(role.roleName()))), "NoSuchEntity", 404);
    }
}
