package io.cloudjar.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

class IamUsersTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void callerIdentityOfTheTestKeyIsTheDefaultAccountRoot() {
        try (StsClient sts = cloudjar.client(StsClient.builder())) {
            var id = sts.getCallerIdentity();
            assertThat(id.account()).isEqualTo("000000000000");
            assertThat(id.arn()).isEqualTo("arn:aws:iam::000000000000:root");
        }
    }

    @Test
    void createdUserCanBeReadListedAndDeleted() {
        try (IamClient iam = cloudjar.client(IamClient.builder())) {
            var created = iam.createUser(r -> r.userName("alice").path("/dev/").tags(t -> t.key("team").value("blue"))).user();
            assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:user/dev/alice");
            assertThat(iam.getUser(r -> r.userName("alice")).user().userId()).isEqualTo(created.userId());
            assertThat(iam.listUsers().users()).extracting(u -> u.userName()).contains("alice");
            iam.deleteUser(r -> r.userName("alice"));
        }
    }
}
