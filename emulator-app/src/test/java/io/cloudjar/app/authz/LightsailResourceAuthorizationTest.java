package io.cloudjar.app.authz;

import static io.cloudjar.app.authz.EnforcedPolicies.allow;
import static io.cloudjar.app.authz.EnforcedPolicies.deny;
import static io.cloudjar.app.authz.EnforcedPolicies.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.AccessDeniedException;
import software.amazon.awssdk.services.lightsail.model.KeyPair;

/**
 * With {@code ENFORCE_IAM=1}, Lightsail calls that name a resource by name are authorized on its ARN (which carries a
 * UUID, looked up by lightsail.authz's resolvers), with its tags as {@code aws:ResourceTag/<key>}.
 */
class LightsailResourceAuthorizationTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnforceIam();
    private static final EnforcedPolicies POLICIES = new EnforcedPolicies(cloudjar);

    @Test
    void aDenyOnOneKeyPairsArnStopsDeletingItButNotAnother() {
        try (LightsailClient root = cloudjar.client(LightsailClient.builder())) {
            KeyPair kept = root.createKeyPair(r -> r.keyPairName("kept")).keyPair();
            root.createKeyPair(r -> r.keyPairName("other"));
            AccessKey key = POLICIES.user("ls-admin", "/", policy(allow("lightsail:*", "*"), deny("lightsail:DeleteKeyPair", kept.arn())));
            try (LightsailClient user = POLICIES.client(LightsailClient.builder(), key)) {
                AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class,
                        () -> user.deleteKeyPair(r -> r.keyPairName("kept")));
                assertThat(denied.statusCode()).isEqualTo(403);
                assertThat(denied.awsErrorDetails().errorMessage()).contains("lightsail:DeleteKeyPair").contains(kept.arn());

                user.deleteKeyPair(r -> r.keyPairName("other"));
                assertThat(root.getKeyPairs().keyPairs()).extracting(KeyPair::name).containsExactly("kept");
            }
        }
    }

    @Test
    void instancesAreAuthorizedOnTheirArnsAndTags() {
        try (LightsailClient root = cloudjar.client(LightsailClient.builder())) {
            for (String name : new String[] {"dev-web", "prod-web"}) {
                root.createInstances(r -> r.instanceNames(name).availabilityZone("us-east-1a").blueprintId("ubuntu_22_04")
                        .bundleId("nano_3_0").tags(t -> t.key("env").value(name.substring(0, name.indexOf('-')))));
            }
        }
        cloudjar.advanceClock(java.time.Duration.ofSeconds(5));
        AccessKey key = POLICIES.user("ls-operator", "/", policy(
                allow("lightsail:GetInstance*", "*"),
                allow("lightsail:StopInstance", "arn:aws:lightsail:*:*:Instance/*", "{\"StringEquals\":{\"aws:ResourceTag/env\":\"dev\"}}")));
        try (LightsailClient user = POLICIES.client(LightsailClient.builder(), key)) {
            assertThat(user.getInstanceAccessDetails(r -> r.instanceName("prod-web")).accessDetails().username()).isEqualTo("ubuntu");
            user.stopInstance(r -> r.instanceName("dev-web"));
            AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class,
                    () -> user.stopInstance(r -> r.instanceName("prod-web")));
            assertThat(denied).isNotNull();
            assertThat(denied.awsErrorDetails().errorMessage()).contains(":Instance/");
        }
    }

    @Test
    void resourceAndRequestTagsReachTheConditions() {
        try (LightsailClient root = cloudjar.client(LightsailClient.builder())) {
            root.createKeyPair(r -> r.keyPairName("dev-key").tags(t -> t.key("env").value("dev")));
            root.createKeyPair(r -> r.keyPairName("prod-key").tags(t -> t.key("env").value("prod")));
        }
        AccessKey key = POLICIES.user("ls-dev", "/", policy(
                allow("lightsail:GetKeyPair", "arn:aws:lightsail:*:*:KeyPair/*", "{\"StringEquals\":{\"aws:ResourceTag/env\":\"dev\"}}"),
                allow("lightsail:CreateKeyPair", "*", "{\"StringEquals\":{\"aws:RequestTag/env\":\"dev\"}}")));
        try (LightsailClient user = POLICIES.client(LightsailClient.builder(), key)) {
            assertThat(user.getKeyPair(r -> r.keyPairName("dev-key")).keyPair().name()).isEqualTo("dev-key");
            assertThat(catchThrowableOfType(AccessDeniedException.class, () -> user.getKeyPair(r -> r.keyPairName("prod-key"))))
                    .isNotNull();

            user.createKeyPair(r -> r.keyPairName("dev-2").tags(t -> t.key("env").value("dev")));
            assertThat(catchThrowableOfType(AccessDeniedException.class,
                    () -> user.createKeyPair(r -> r.keyPairName("prod-2").tags(t -> t.key("env").value("prod"))))).isNotNull();
        }
    }

    @Test
    void hostKeyAndExportCallsAreAuthorizedOnTheInstanceAndSnapshotArns() {
        try (LightsailClient root = cloudjar.client(LightsailClient.builder())) {
            for (String env : new String[] {"dev", "prod"}) {
                root.createInstances(r -> r.instanceNames(env + "-box").availabilityZone("us-east-1a")
                        .blueprintId("ubuntu_22_04").bundleId("nano_3_0").tags(t -> t.key("env").value(env)));
            }
            cloudjar.advanceClock(java.time.Duration.ofMinutes(2));
            for (String env : new String[] {"dev", "prod"}) {
                root.createInstanceSnapshot(r -> r.instanceName(env + "-box").instanceSnapshotName(env + "-box-snap")
                        .tags(t -> t.key("env").value(env)));
            }
            cloudjar.advanceClock(java.time.Duration.ofMinutes(10));
        }
        String dev = "{\"StringEquals\":{\"aws:ResourceTag/env\":\"dev\"}}";
        AccessKey key = POLICIES.user("ls-exporter", "/", policy(
                allow("lightsail:DeleteKnownHostKeys", "arn:aws:lightsail:*:*:Instance/*", dev),
                allow("lightsail:ExportSnapshot", "arn:aws:lightsail:*:*:InstanceSnapshot/*", dev)));
        try (LightsailClient user = POLICIES.client(LightsailClient.builder(), key)) {
            user.deleteKnownHostKeys(r -> r.instanceName("dev-box"));
            assertThat(catchThrowableOfType(AccessDeniedException.class,
                    () -> user.deleteKnownHostKeys(r -> r.instanceName("prod-box")))).isNotNull();

            user.exportSnapshot(r -> r.sourceSnapshotName("dev-box-snap"));
            AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class,
                    () -> user.exportSnapshot(r -> r.sourceSnapshotName("prod-box-snap")));
            assertThat(denied.awsErrorDetails().errorMessage()).contains("lightsail:ExportSnapshot").contains(":InstanceSnapshot/");
        }
    }
}
