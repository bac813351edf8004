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

/**
 * With {@code ENFORCE_IAM=1}, the networking and service calls are authorized on the ARN of the resource they name:
 * a domain's records, a load balancer's certificates, a bucket's access keys; creates see the request's tags.
 */
class LightsailServicesAuthorizationTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withEnforceIam();
    private static final EnforcedPolicies POLICIES = new EnforcedPolicies(cloudjar);

    @Test
    void aDenyOnOneDomainsArnProtectsItsRecordsOnly() {
        String locked;
        try (LightsailClient root = cloudjar.client(LightsailClient.builder())) {
            root.createDomain(r -> r.domainName("locked.com"));
            root.createDomain(r -> r.domainName("open.com"));
            locked = root.getDomain(r -> r.domainName("locked.com")).domain().arn();
        }
        AccessKey key = POLICIES.user("dns-admin", "/", policy(allow("lightsail:*", "*"),
                deny("lightsail:CreateDomainEntry", locked)));
        try (LightsailClient user = POLICIES.client(LightsailClient.builder(), key)) {
            AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class, () -> user.createDomainEntry(r -> r
                    .domainName("locked.com").domainEntry(e -> e.name("locked.com").type("A").target("203.0.113.1"))));
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorMessage()).contains("lightsail:CreateDomainEntry").contains(locked);
            user.createDomainEntry(r -> r.domainName("open.com").domainEntry(e -> e.name("open.com").type("A").target("203.0.113.1")));
        }
    }

    @Test
    void bucketKeysFollowTheBucketsTagsAndCreatesTheRequestsTags() {
        try (LightsailClient root = cloudjar.client(LightsailClient.builder())) {
            root.createBucket(r -> r.bucketName("team-dev").bundleId("small_1_0").tags(t -> t.key("team").value("dev")));
            root.createBucket(r -> r.bucketName("team-ops").bundleId("small_1_0").tags(t -> t.key("team").value("ops")));
        }
        AccessKey key = POLICIES.user("dev", "/", policy(
                allow("lightsail:CreateBucketAccessKey", "arn:aws:lightsail:*:*:Bucket/*",
                        "{\"StringEquals\":{\"aws:ResourceTag/team\":\"dev\"}}"),
                allow("lightsail:CreateLoadBalancer", "*", "{\"StringEquals\":{\"aws:RequestTag/team\":\"dev\"}}")));
        try (LightsailClient user = POLICIES.client(LightsailClient.builder(), key)) {
            assertThat(user.createBucketAccessKey(r -> r.bucketName("team-dev")).accessKey().accessKeyId()).startsWith("AKIA");
            assertThat(catchThrowableOfType(AccessDeniedException.class,
                    () -> user.createBucketAccessKey(r -> r.bucketName("team-ops")))).isNotNull();
            user.createLoadBalancer(r -> r.loadBalancerName("dev-lb").instancePort(80).tags(t -> t.key("team").value("dev")));
            assertThat(catchThrowableOfType(AccessDeniedException.class, () -> user.createLoadBalancer(r -> r
                    .loadBalancerName("ops-lb").instancePort(80).tags(t -> t.key("team").value("ops"))))).isNotNull();
        }
    }
}
