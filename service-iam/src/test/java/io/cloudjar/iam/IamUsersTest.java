package io.cloudjar.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.User;

class IamUsersTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    final IamClient iam = cloudjar.client(IamClient.builder());

    @AfterEach
    void reset() {
        cloudjar.reset();
        iam.close();
    }

    static IamException error(Runnable call) {
        return catchThrowableOfType(IamException.class, call::run);
    }

    static void assertError(IamException e, String code, int status) {
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
    }

    @Test
    void createdUserCanBeReadListedRenamedAndDeleted() {
        User created = iam.createUser(r -> r.userName("alice").path("/dev/").tags(t -> t.key("team").value("blue"))).user();
        assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:user/dev/alice");
        assertThat(created.userId()).matches("AIDA[A-Z2-7]{17}");
        assertThat(iam.getUser(r -> r.userName("ALICE")).user().tags()).extracting(t -> t.value()).containsExactly("blue");
        assertThat(iam.listUsers(r -> r.pathPrefix("/dev/")).users()).extracting(User::userName).containsExactly("alice");
        assertThat(iam.listUsers(r -> r.pathPrefix("/ops/")).users()).isEmpty();

        iam.updateUser(r -> r.userName("alice").newUserName("alicia").newPath("/ops/"));
        assertThat(iam.getUser(r -> r.userName("alicia")).user().arn()).isEqualTo("arn:aws:iam::000000000000:user/ops/alicia");
        assertError(error(() -> iam.getUser(r -> r.userName("alice"))), "NoSuchEntity", 404);
        iam.deleteUser(r -> r.userName("alicia"));
        assertError(error(() -> iam.deleteUser(r -> r.userName("alicia"))), "NoSuchEntity", 404);
    }

    @Test
    void userNamesAreUniqueRegardlessOfCase() {
        iam.createUser(r -> r.userName("Bob"));
        IamException e = error(() -> iam.createUser(r -> r.userName("bob")));
        assertError(e, "EntityAlreadyExists", 409);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User with name bob already exists.");
    }

    @Test
    void invalidUserNameIsAValidationError() {
        assertError(error(() -> iam.createUser(r -> r.userName("no spaces allowed"))), "ValidationError", 400);
        assertError(error(() -> iam.createUser(r -> r.userName("ok").path("nopath"))), "ValidationError", 400);
    }

    @Test
    void getUserWithoutNameDescribesTheRootCaller() {
        User root = iam.getUser().user();
        assertThat(root.arn()).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(root.userId()).isEqualTo("000000000000");
    }

    @Test
    void groupsHoldMembersAndRefuseDeletionWhileNotEmpty() {
        iam.createGroup(r -> r.groupName("devs"));
        iam.createUser(r -> r.userName("carol"));
        iam.addUserToGroup(r -> r.groupName("devs").userName("carol"));
        var group = iam.getGroup(r -> r.groupName("devs"));
        assertThat(group.group().arn()).isEqualTo("arn:aws:iam::000000000000:group/devs");
        assertThat(group.group().groupId()).startsWith("AGPA");
        assertThat(group.users()).extracting(User::userName).containsExactly("carol");
        assertThat(iam.listGroupsForUser(r -> r.userName("carol")).groups()).extracting(g -> g.groupName()).containsExactly("devs");

        assertError(error(() -> iam.deleteGroup(r -> r.groupName("devs"))), "DeleteConflict", 409);
        assertError(error(() -> iam.deleteUser(r -> r.userName("carol"))), "DeleteConflict", 409);
        assertError(error(() -> iam.createGroup(r -> r.groupName("DEVS"))), "EntityAlreadyExists", 409);
        assertError(error(() -> iam.addUserToGroup(r -> r.groupName("nope").userName("carol"))), "NoSuchEntity", 404);

        iam.removeUserFromGroup(r -> r.groupName("devs").userName("carol"));
        assertError(error(() -> iam.removeUserFromGroup(r -> r.groupName("devs").userName("carol"))), "NoSuchEntity", 404);
        iam.updateGroup(r -> r.groupName("devs").newGroupName("developers"));
        assertThat(iam.listGroups().groups()).extracting(g -> g.groupName()).containsExactly("developers");
        iam.deleteGroup(r -> r.groupName("developers"));
        iam.deleteUser(r -> r.userName("carol"));
    }

    @Test
    void aUserMayBeInAtMostTenGroups() {
        iam.createUser(r -> r.userName("joiner"));
        for (int i = 0; i < 10; i++) {
            String name = "g" + i;
            iam.createGroup(r -> r.groupName(name));
            iam.addUserToGroup(r -> r.groupName(name).userName("joiner"));
        }
        iam.createGroup(r -> r.groupName("g10"));
        assertError(error(() -> iam.addUserToGroup(r -> r.groupName("g10").userName("joiner"))), "LimitExceeded", 409);
    }

    @Test
    void listUsersPagesWithMarker() {
        for (int i = 0; i < 5; i++) {
            String name = "pager" + i;
            iam.createUser(r -> r.userName(name));
        }
        var first = iam.listUsers(r -> r.maxItems(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.users()).extracting(User::userName).containsExactly("pager0", "pager1");
        var second = iam.listUsers(r -> r.maxItems(2).marker(first.marker()));
        assertThat(second.users()).extracting(User::userName).containsExactly("pager2", "pager3");
        var last = iam.listUsers(r -> r.maxItems(2).marker(second.marker()));
        assertThat(last.users()).extracting(User::userName).containsExactly("pager4");
        assertThat(last.isTruncated()).isFalse();
        assertThat(iam.listUsersPaginator().users().stream().count()).isEqualTo(5);
    }

    /** A Marker IAM did not hand out is refused, whether or not it happens to be valid base64. */
    @Test
    void aMarkerIamDidNotIssueIsAValidationError() {
        iam.createUser(r -> r.userName("marked").tags(t -> t.key("k").value("v")));
        for (String garbage : new String[] {"garbage", "bm90LWEtdG9rZW4", "!!!"}) {
            for (Runnable call : new Runnable[] {
                () -> iam.listUsers(r -> r.marker(garbage)),
                () -> iam.listPolicies(r -> r.marker(garbage)),
                () -> iam.listUserTags(r -> r.userName("marked").marker(garbage)),
                () -> iam.listPolicyVersions(r -> r.policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess").marker(garbage))}) {
                IamException e = error(call);
                assertError(e, "ValidationError", 400);
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid Marker.");
            }
        }
    }
}
