package io.cloudjar.app.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** IAM and STS with PERSISTENCE=1: users, groups, policies, roles, keys and sessions are there after a restart. */
class IamRestartTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}";

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withPersistence(DataDirs.fresh());

    @Test
    void identitiesTheirLinksAndCredentialsSurviveARestart() throws Exception {
        IamClient iam = cloudjar.client(IamClient.builder(), Region.AWS_GLOBAL, "test", "test");
        iam.createUser(r -> r.userName("kim").path("/dev/").tags(t -> t.key("team").value("web")));
        iam.createGroup(r -> r.groupName("developers"));
        iam.addUserToGroup(r -> r.groupName("developers").userName("kim"));
        String policyArn = iam.createPolicy(r -> r.policyName("list-buckets").policyDocument(POLICY)).policy().arn();
        iam.attachUserPolicy(r -> r.userName("kim").policyArn(policyArn));
        iam.attachGroupPolicy(r -> r.groupName("developers").policyArn(policyArn));
        iam.putUserPolicy(r -> r.userName("kim").policyName("inline").policyDocument(POLICY));
        iam.createRole(r -> r.roleName("web-server").assumeRolePolicyDocument(TRUST));
        iam.createInstanceProfile(r -> r.instanceProfileName("web-server"));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("web-server").roleName("web-server"));
        iam.createLoginProfile(r -> r.userName("kim").password("Secret-Passw0rd!"));
        AccessKey key = iam.createAccessKey(r -> r.userName("kim")).accessKey();
        AccessKey deleted = iam.createAccessKey(r -> r.userName("kim")).accessKey();
        iam.deleteAccessKey(r -> r.userName("kim").accessKeyId(deleted.accessKeyId()));
        Credentials session = cloudjar.client(StsClient.builder(), Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey())
                .getSessionToken().credentials();
        var userBefore = iam.getUser(r -> r.userName("kim")).user();

        cloudjar.restart();
        iam = cloudjar.client(IamClient.builder(), Region.AWS_GLOBAL, "test", "test");

        assertThat(iam.getUser(r -> r.userName("kim")).user()).isEqualTo(userBefore);
        assertThat(iam.listGroupsForUser(r -> r.userName("kim")).groups()).extracting(g -> g.groupName()).containsExactly("developers");
        assertThat(iam.getGroup(r -> r.groupName("developers")).users()).extracting(u -> u.userName()).containsExactly("kim");
        var entities = iam.listEntitiesForPolicy(r -> r.policyArn(policyArn));
        assertThat(entities.policyUsers()).extracting(u -> u.userName()).containsExactly("kim");
        assertThat(entities.policyGroups()).extracting(g -> g.groupName()).containsExactly("developers");
        assertThat(iam.getUserPolicy(r -> r.userName("kim").policyName("inline")).policyDocument()).contains("ListAllMyBuckets");
        assertThat(iam.getInstanceProfile(r -> r.instanceProfileName("web-server")).instanceProfile().roles())
                .extracting(role -> role.roleName()).containsExactly("web-server");
        assertThat(iam.getLoginProfile(r -> r.userName("kim")).loginProfile().userName()).isEqualTo("kim");
        // the key still signs (its secret was kept), the deleted one is still refused, the session still works
        StsClient asKim = cloudjar.client(StsClient.builder(), Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey());
        assertThat(asKim.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/dev/kim");
        StsClient asDeleted = cloudjar.client(StsClient.builder(), Region.US_EAST_1, deleted.accessKeyId(), deleted.secretAccessKey());
        assertThatThrownBy(asDeleted::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        StsClient asSession = StsClient.builder().endpointOverride(cloudjar.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        session.accessKeyId(), session.secretAccessKey(), session.sessionToken()))).build();
        assertThat(asSession.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/dev/kim");
        // and the links work both ways for changes after the restart
        iam.removeUserFromGroup(r -> r.groupName("developers").userName("kim"));
        assertThat(iam.getGroup(r -> r.groupName("developers")).users()).isEmpty();
        iam.detachUserPolicy(r -> r.userName("kim").policyArn(policyArn));
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(policyArn)).policyUsers()).isEmpty();
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(policyArn).entityFilter(EntityType.GROUP)).policyGroups())
                .hasSize(1);
    }
}
