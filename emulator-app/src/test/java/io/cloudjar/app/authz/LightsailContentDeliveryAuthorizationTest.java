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
import software.amazon.awssdk.services.lightsail.model.BehaviorEnum;

/**
 * With {@code ENFORCE_IAM=1}, distribution calls are authorized on the distribution's ARN and certificate deletes on
 * the certificate's (its tags reach the policy as aws:ResourceTag): a deny on one distribution leaves the others, an
 * allow on dev-tagged certificates deletes those only.
 */
class LightsailContentDeliveryAuthorizationTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnforceIam();
    private static final EnforcedPolicies POLICIES = new EnforcedPolicies(cloudjar);

    @Test
    void aDenyOnOneDistributionsArnAndAProtectedCertificate() {
        String live;
        try (LightsailClient root = cloudjar.client(LightsailClient.builder())) {
            root.createBucket(r -> r.bucketName("site-assets").bundleId("small_1_0"));
            for (String name : new String[] {"live-cdn", "test-cdn"}) {
                root.createDistribution(r -> r.distributionName(name).bundleId("small_1_0")
                        .origin(o -> o.name("site-assets").regionName("us-east-1"))
                        .defaultCacheBehavior(b -> b.behavior(BehaviorEnum.CACHE)));
            }
            live = root.getDistributions(r -> r.distributionName("live-cdn")).distributions().get(0).arn();
            root.createCertificate(r -> r.certificateName("prod-cert").domainName("example.com")
                    .tags(t -> t.key("stage").value("prod")));
            root.createCertificate(r -> r.certificateName("dev-cert").domainName("dev.example.com")
                    .tags(t -> t.key("stage").value("dev")));
        }
        AccessKey key = POLICIES.user("cdn-operator", "/", policy(allow("lightsail:ResetDistributionCache", "*"),
                deny("lightsail:ResetDistributionCache", live),
                allow("lightsail:DeleteCertificate", "arn:aws:lightsail:*:*:Certificate/*",
                        "{\"StringEquals\":{\"aws:ResourceTag/stage\":\"dev\"}}")));
        try (LightsailClient user = POLICIES.client(LightsailClient.builder(), key)) {
            AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class,
                    () -> user.resetDistributionCache(r -> r.distributionName("live-cdn")));
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorMessage()).contains("lightsail:ResetDistributionCache").contains(live);
            assertThat(user.resetDistributionCache(r -> r.distributionName("test-cdn")).status()).isEqualTo("InProgress");

            assertThat(catchThrowableOfType(AccessDeniedException.class,
                    () -> user.deleteCertificate(r -> r.certificateName("prod-cert")))).isNotNull();
            user.deleteCertificate(r -> r.certificateName("dev-cert"));
        }
    }
}
