package io.cloudjar.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.spi.InstanceProfiles.RoleCredentials;
import io.cloudjar.core.spi.InstanceProfiles;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** IAM's instance profiles as service-ec2 sees them: profiles by name or ARN, and role sessions for an instance. */
class InstanceProfileSessionsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static final String ACCOUNT = "000000000000";
    private static final String INSTANCE = "i-0123456789abcdef0";

    private final IamClient iam = cloudjar.client(IamClient.builder());

    @AfterEach
    void reset() {
        cloudjar.reset();
        iam.close();
    }

    private static InstanceProfiles profiles() {
        return cloudjar.server().runtime().lookup(InstanceProfiles.class).orElseThrow();
    }

    /** A role EC2 may assume, in a profile on path /app/; returns the profile's ARN. */
    private String webProfile() {
        iam.createRole(r -> r.roleName("web-role").assumeRolePolicyDocument(IamRolesTest.EC2_TRUST));
        String arn = iam.createInstanceProfile(r -> r.instanceProfileName("web").path("/app/")).instanceProfile().arn();
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("web").roleName("web-role"));
        return arn;
    }

    private static GetCallerIdentityResponse callerIdentity(RoleCredentials c) {
        try (StsClient sts = StsClient.builder().endpointOverride(cloudjar.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()))).build()) {
            return sts.getCallerIdentity();
        }
    }

    @Test
    void profilesAreFoundByNameInAnyCaseOrByTheirExactArnWithinTheAccount() {
        String arn = webProfile();
        String id = iam.getInstanceProfile(r -> r.instanceProfileName("web")).instanceProfile().instanceProfileId();

        InstanceProfiles.Profile byName = profiles().find(ACCOUNT, "WEB").orElseThrow();
        assertThat(byName.arn()).isEqualTo(arn).isEqualTo("arn:aws:iam::000000000000:instance-profile/app/web");
        assertThat(byName.id()).isEqualTo(id).startsWith("AIPA");
        assertThat(byName.name()).isEqualTo("web");
        assertThat(byName.roleNames()).containsExactly("web-role");
        assertThat(profiles().find(ACCOUNT, arn)).contains(byName);

        assertThat(profiles().find(ACCOUNT, "arn:aws:iam::000000000000:instance-profile/web")).as("wrong path").isEmpty();
        assertThat(profiles().find(ACCOUNT, "nope")).isEmpty();
        assertThat(profiles().find("111122223333", "web")).as("another account").isEmpty();
    }

    @Test
    void credentialsActAsTheRoleAssumedByEc2WithTheInstanceIdAsSessionName() {
        String arn = webProfile();
        String roleId = iam.getRole(r -> r.roleName("web-role")).role().roleId();
        RoleCredentials c = profiles().credentialsFor(ACCOUNT, arn, INSTANCE).orElseThrow();

        assertThat(c.roleName()).isEqualTo("web-role");
        assertThat(c.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(c.secretAccessKey()).hasSize(40);
        assertThat(c.sessionToken()).isNotBlank();
        assertThat(Duration.between(c.issued(), c.expiration())).isEqualTo(Duration.ofHours(6));
        assertThat(c.issued().getNano()).as("whole seconds, as IMDS prints them").isZero();

        GetCallerIdentityResponse identity = callerIdentity(c);
        assertThat(identity.arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/web-role/" + INSTANCE);
        assertThat(identity.userId()).isEqualTo(roleId + ":" + INSTANCE);
        assertThat(identity.account()).isEqualTo(ACCOUNT);
    }

    @Test
    void anInstanceKeepsItsCredentialsForAnHourThenGetsNewOnesWhileTheOldOnesLastTheirSixHours() {
        String arn = webProfile();
        RoleCredentials first = profiles().credentialsFor(ACCOUNT, arn, INSTANCE).orElseThrow();
        cloudjar.advanceClock(Duration.ofMinutes(59));
        assertThat(profiles().credentialsFor(ACCOUNT, arn, INSTANCE)).contains(first);
        RoleCredentials other = profiles().credentialsFor(ACCOUNT, arn, "i-0fedcba9876543210").orElseThrow();
        assertThat(other.accessKeyId()).as("each instance has its own session").isNotEqualTo(first.accessKeyId());

        cloudjar.advanceClock(Duration.ofMinutes(2));
        RoleCredentials second = profiles().credentialsFor(ACCOUNT, arn, INSTANCE).orElseThrow();
        assertThat(second.accessKeyId()).isNotEqualTo(first.accessKeyId());
        assertThat(second.expiration()).isAfter(first.expiration());
        assertThat(callerIdentity(first).arn()).as("replaced credentials stay valid until they expire").endsWith("/" + INSTANCE);

        cloudjar.advanceClock(Duration.ofHours(5));
        assertThat(catchExpired(first)).isEqualTo("ExpiredToken");
        assertThat(callerIdentity(second).arn()).endsWith("/" + INSTANCE);
    }

    private static String catchExpired(RoleCredentials c) {
        try {
            callerIdentity(c);
            return "no error";
        } catch (software.amazon.awssdk.services.sts.model.StsException e) {
            return e.awsErrorDetails().errorCode();
        }
    }

    @Test
    void aRoleEc2MayNotAssumeOrAProfileWithoutARoleGivesNoCredentials() {
        String arn = webProfile();
        iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("web").roleName("web-role"));
        assertThat(profiles().credentialsFor(ACCOUNT, arn, INSTANCE)).as("no role").isEmpty();

        iam.createRole(r -> r.roleName("account-only").assumeRolePolicyDocument(StsTest.TRUST_ACCOUNT));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("web").roleName("account-only"));
        assertThat(profiles().find(ACCOUNT, arn).orElseThrow().roleNames()).containsExactly("account-only");
        assertThat(profiles().credentialsFor(ACCOUNT, arn, INSTANCE)).as("trust policy does not name EC2").isEmpty();

        assertThat(profiles().credentialsFor(ACCOUNT, "arn:aws:iam::000000000000:instance-profile/gone", INSTANCE)).isEmpty();
        assertThat(profiles().credentialsFor("111122223333", arn, INSTANCE)).isEmpty();
    }

    @Test
    void swappingTheProfilesRoleGivesCredentialsOfTheNewRoleAtOnce() {
        String arn = webProfile();
        RoleCredentials before = profiles().credentialsFor(ACCOUNT, arn, INSTANCE).orElseThrow();
        iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("web").roleName("web-role"));
        iam.createRole(r -> r.roleName("worker-role").assumeRolePolicyDocument(IamRolesTest.EC2_TRUST));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("web").roleName("worker-role"));

        RoleCredentials after = profiles().credentialsFor(ACCOUNT, arn, INSTANCE).orElseThrow();
        assertThat(after.roleName()).isEqualTo("worker-role");
        assertThat(after.accessKeyId()).isNotEqualTo(before.accessKeyId());
        assertThat(callerIdentity(after).arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/worker-role/" + INSTANCE);
    }

    @Test
    void aResetForgetsTheSessions() {
        String arn = webProfile();
        RoleCredentials before = profiles().credentialsFor(ACCOUNT, arn, INSTANCE).orElseThrow();
        cloudjar.reset();
        assertThat(profiles().credentialsFor(ACCOUNT, arn, INSTANCE)).isEmpty();
        String again = webProfile();
        RoleCredentials after = profiles().credentialsFor(ACCOUNT, again, INSTANCE).orElseThrow();
        assertThat(after.accessKeyId()).isNotEqualTo(before.accessKeyId());
    }
}
