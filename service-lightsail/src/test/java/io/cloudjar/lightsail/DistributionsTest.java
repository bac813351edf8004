package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.BehaviorEnum;
import software.amazon.awssdk.services.lightsail.model.Certificate;
import software.amazon.awssdk.services.lightsail.model.CreateDistributionRequest;
import software.amazon.awssdk.services.lightsail.model.CreateDistributionResponse;
import software.amazon.awssdk.services.lightsail.model.DistributionBundle;
import software.amazon.awssdk.services.lightsail.model.ForwardValues;
import software.amazon.awssdk.services.lightsail.model.GetDistributionLatestCacheResetResponse;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.IpAddressType;
import software.amazon.awssdk.services.lightsail.model.LightsailDistribution;
import software.amazon.awssdk.services.lightsail.model.MetricDatapoint;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationStatus;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.OriginProtocolPolicyEnum;
import software.amazon.awssdk.services.lightsail.model.ResetDistributionCacheResponse;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/** Lightsail CDN distributions: origins, deployment on the clock, caching, bundles, certificates, cache resets, metrics. */
class DistributionsTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void distributionOverAnInstanceDeploysOnTheClockAndKeepsItsCaching() throws Exception {
        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0");
        String publicIp = LightsailTestKit.instance(lightsail, "web").publicIpAddress();
        CreateDistributionResponse created = lightsail.createDistribution(r -> r.distributionName("cdn")
                .origin(o -> o.name("web").regionName("us-east-1")).defaultCacheBehavior(b -> b.behavior(BehaviorEnum.CACHE))
                .bundleId("small_1_0").tags(t -> t.key("env").value("lab")));
        assertThat(created.operation().operationType()).isEqualTo(OperationType.CREATE_DISTRIBUTION);
        assertThat(created.operation().status()).isEqualTo(OperationStatus.STARTED);
        LightsailDistribution d = created.distribution();
        assertThat(d.arn()).matches("arn:aws:lightsail:us-east-1:000000000000:Distribution/[0-9a-f-]{36}");
        assertThat(d.supportCode()).matches("000000000000/E[A-Z2-7]{13}");
        assertThat(d.resourceType()).isEqualTo(ResourceType.DISTRIBUTION);
        assertThat(d.location().regionName().toString()).isEqualTo("us-east-1");
        assertThat(d.domainName()).matches("d[a-z2-7]{13}\\.cloudfront\\.net");
        assertThat(d.status()).isEqualTo("InProgress");
        assertThat(d.isEnabled()).isTrue();
        assertThat(d.bundleId()).isEqualTo("small_1_0");
        assertThat(d.ableToUpdateBundle()).isTrue();
        assertThat(d.ipAddressType()).isEqualTo(IpAddressType.DUALSTACK);
        assertThat(d.viewerMinimumTlsProtocolVersion()).isEqualTo("TLSv1.2_2021");
        assertThat(d.alternativeDomainNames()).isEmpty();
        assertThat(d.certificateName()).isNull();
        assertThat(d.origin().resourceType()).isEqualTo(ResourceType.INSTANCE);
        assertThat(d.origin().protocolPolicy()).isNull(); // answered as given
        assertThat(d.origin().responseTimeout()).isEqualTo(30);
        assertThat(d.originPublicDNS()).isEqualTo(publicIp);
        assertThat(d.defaultCacheBehavior().behavior()).isEqualTo(BehaviorEnum.CACHE);
        assertThat(d.cacheBehaviorSettings()).isNull(); // none given: none answered, as Terraform's provider expects
        assertThat(d.tags()).extracting(t -> t.key()).containsExactly("env");

        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(get("cdn").status()).isEqualTo("Deployed");
        assertThat(lightsail.getOperation(r -> r.operationId(created.operation().id())).operation().status())
                .isEqualTo(OperationStatus.SUCCEEDED);

        Operation updated = lightsail.updateDistribution(r -> r.distributionName("cdn").isEnabled(false)
                .cacheBehaviors(b -> b.path("/wp-admin/*").behavior(BehaviorEnum.DONT_CACHE))
                .cacheBehaviorSettings(s -> s.defaultTTL(3600L).maximumTTL(7200L)
                        .allowedHTTPMethods("GET,HEAD,OPTIONS,PUT,PATCH,POST,DELETE").cachedHTTPMethods("GET,HEAD,OPTIONS")
                        .forwardedHeaders(h -> h.option(ForwardValues.ALLOW_LIST).headersAllowListWithStrings("Host"))
                        .forwardedQueryStrings(q -> q.option(true).queryStringsAllowList("page")))).operation();
        assertThat(updated.operationType()).isEqualTo(OperationType.UPDATE_DISTRIBUTION);
        LightsailDistribution changed = get("cdn");
        assertThat(changed.status()).isEqualTo("InProgress");
        assertThat(changed.isEnabled()).isFalse();
        assertThat(changed.cacheBehaviors()).singleElement()
                .satisfies(b -> assertThat(b.path() + " " + b.behavior()).isEqualTo("/wp-admin/* dont-cache"));
        assertThat(changed.cacheBehaviorSettings().defaultTTL()).isEqualTo(3600L);
        assertThat(changed.cacheBehaviorSettings().minimumTTL()).isNull(); // kept as given
        assertThat(changed.cacheBehaviorSettings().forwardedHeaders().headersAllowListAsStrings()).containsExactly("Host");
        assertThat(changed.cacheBehaviorSettings().forwardedQueryStrings().queryStringsAllowList()).containsExactly("page");
        assertThat(changed.defaultCacheBehavior().behavior()).isEqualTo(BehaviorEnum.CACHE); // not given: kept
        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(get("cdn").status()).isEqualTo("Deployed");

        // bundles, changed once a billing cycle, and the bill
        assertThat(lightsail.getDistributionBundles(r -> { }).bundles()).extracting(DistributionBundle::bundleId, DistributionBundle::price,
                DistributionBundle::transferPerMonthInGb).containsExactly(org.assertj.core.groups.Tuple.tuple("small_1_0", 2.5f, 50),
                org.assertj.core.groups.Tuple.tuple("medium_1_0", 35f, 1000), org.assertj.core.groups.Tuple.tuple("large_1_0", 75f, 2500));
        Operation bundle = lightsail.updateDistributionBundle(r -> r.distributionName("cdn").bundleId("medium_1_0")).operation();
        assertThat(bundle.operationType()).isEqualTo(OperationType.UPDATE_DISTRIBUTION_BUNDLE);
        assertThat(get("cdn").bundleId()).isEqualTo("medium_1_0");
        assertThat(get("cdn").ableToUpdateBundle()).isFalse();
        assertThatThrownBy(() -> lightsail.updateDistributionBundle(r -> r.distributionName("cdn").bundleId("large_1_0")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.updateDistributionBundle(r -> r.distributionName("cdn").bundleId("huge_1_0")))
                .isInstanceOf(InvalidInputException.class);
        JsonNode bill = LightsailTestKit.getJson(cloudjar, "/_cloudjar/lightsail/bill");
        assertThat(bill.path("regions").get(0).path("items")).extracting(i -> i.path("resourceName").asText() + " "
                + i.path("usageType").asText() + "=" + i.path("monthlyUsd").asDouble()).contains("cdn Distribution:medium_1_0=35.0");
        assertThat(lightsail.getCostEstimate(r -> r.resourceName("cdn").startTime(Instant.now().minusSeconds(3600))
                .endTime(Instant.now().plusSeconds(3600))).resourcesBudgetEstimate().get(0).resourceType())
                .isEqualTo(ResourceType.DISTRIBUTION);

        // tags and the region's names cover distributions like any resource
        lightsail.tagResource(r -> r.resourceName("cdn").tags(t -> t.key("team").value("web")));
        assertThat(get("cdn").tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("env=lab", "team=web");
        assertThat(lightsail.getActiveNames(r -> { }).activeNames()).contains("cdn", "web");

        Operation deleted = lightsail.deleteDistribution(r -> r.distributionName("cdn")).operation();
        assertThat(deleted.operationType()).isEqualTo(OperationType.DELETE_DISTRIBUTION);
        assertThat(lightsail.getDistributions(r -> { }).distributions()).isEmpty();
        assertThatThrownBy(() -> get("cdn")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Distribution does not exist: cdn"));
    }

    @Test
    void bucketLoadBalancerAndOtherRegionOriginsAreFoundWhereTheyAre() {
        lightsail.createBucket(r -> r.bucketName("media-bucket").bundleId("small_1_0"));
        LightsailDistribution overBucket = create("media-cdn", "media-bucket", "us-east-1").distribution();
        assertThat(overBucket.origin().resourceType()).isEqualTo(ResourceType.BUCKET);
        assertThat(overBucket.origin().protocolPolicy()).isNull();
        assertThat(overBucket.originPublicDNS()).isEqualTo("media-bucket.s3.us-east-1.amazonaws.com");

        lightsail.createLoadBalancer(r -> r.loadBalancerName("web-lb").instancePort(80));
        LightsailDistribution overLb = lightsail.createDistribution(base("lb-cdn", "web-lb", "us-east-1")
                .origin(o -> o.name("web-lb").regionName("us-east-1").protocolPolicy(OriginProtocolPolicyEnum.HTTPS_ONLY)
                        .responseTimeout(10)).build()).distribution();
        assertThat(overLb.origin().protocolPolicy()).isEqualTo(OriginProtocolPolicyEnum.HTTPS_ONLY);
        assertThat(overLb.origin().responseTimeout()).isEqualTo(10);
        assertThat(overLb.origin().resourceType()).isEqualTo(ResourceType.LOAD_BALANCER);
        assertThat(overLb.originPublicDNS()).isEqualTo(lightsail.getLoadBalancer(r -> r.loadBalancerName("web-lb"))
                .loadBalancer().dnsName());

        try (LightsailClient oregon = cloudjar.client(LightsailClient.builder(), Region.US_WEST_2, "test", "test")) {
            oregon.createInstances(r -> r.instanceNames("west-web").availabilityZone("us-west-2a").blueprintId("ubuntu_22_04")
                    .bundleId("nano_3_0"));
            assertThat(create("west-cdn", "west-web", "us-west-2").distribution().origin().regionNameAsString())
                    .isEqualTo("us-west-2");
            // the origin is looked up in its own region
            assertThatThrownBy(() -> create("wrong-cdn", "west-web", "us-east-1")).isInstanceOf(NotFoundException.class);
            // distributions are answered in us-east-1 only
            assertThatThrownBy(() -> oregon.getDistributions(r -> { })).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.code()).isEqualTo("UnsupportedOperation");
                assertThat(e.awsErrorDetails().errorMessage()).startsWith(
                        "Distribution-related APIs are only available in the us-east-1 Region.");
            });
        }
        // an origin moved: UpdateDistribution resolves the new one
        lightsail.updateDistribution(r -> r.distributionName("lb-cdn").origin(o -> o.name("media-bucket").regionName("us-east-1")));
        assertThat(get("lb-cdn").origin().resourceType()).isEqualTo(ResourceType.BUCKET);
        assertThat(lightsail.getDistributions(r -> { }).distributions()).extracting(LightsailDistribution::name)
                .containsExactlyInAnyOrder("media-cdn", "lb-cdn", "west-cdn");
    }

    @Test
    void certificatesGiveAlternativeDomainNamesAndCannotBeDeletedInUse() {
        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0");
        create("cdn", "web", "us-east-1");
        lightsail.createDomain(r -> r.domainName("example.com"));
        Certificate pending = lightsail.createCertificate(r -> r.certificateName("site-cert").domainName("example.com")
                .subjectAlternativeNames("www.example.com")).certificate().certificateDetail();
        assertThatThrownBy(() -> attach("cdn", "site-cert")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).contains("PENDING_VALIDATION"));
        assertThatThrownBy(() -> attach("cdn", "ghost-cert")).isInstanceOf(NotFoundException.class);

        CertificatesTest.publish(lightsail, pending.domainValidationRecords());
        cloudjar.advanceClock(Duration.ofMinutes(1));
        Operation attached = attach("cdn", "site-cert");
        assertThat(attached.operationType()).isEqualTo(OperationType.ATTACH_CERTIFICATE_TO_DISTRIBUTION);
        LightsailDistribution withCert = get("cdn");
        assertThat(withCert.certificateName()).isEqualTo("site-cert");
        assertThat(withCert.alternativeDomainNames()).containsExactly("example.com", "www.example.com");
        assertThat(withCert.status()).isEqualTo("InProgress");
        assertThat(lightsail.getCertificates(r -> r.includeCertificateDetails(true)).certificates().get(0).certificateDetail()
                .inUseResourceCount()).isEqualTo(1);

        assertThatThrownBy(() -> lightsail.deleteCertificate(r -> r.certificateName("site-cert")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("in use by the distribution cdn"));
        // a second distribution cannot serve the same names
        assertThatThrownBy(() -> lightsail.createDistribution(base("other-cdn", "web", "us-east-1").certificateName("site-cert").build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("One or more of the CNAMEs you provided are already associated with a different resource"));

        Operation detached = lightsail.detachCertificateFromDistribution(r -> r.distributionName("cdn")).operation();
        assertThat(detached.operationType()).isEqualTo(OperationType.DETACH_CERTIFICATE_FROM_DISTRIBUTION);
        assertThat(get("cdn").alternativeDomainNames()).isEmpty();
        assertThat(get("cdn").certificateName()).isNull();
        assertThatThrownBy(() -> lightsail.detachCertificateFromDistribution(r -> r.distributionName("cdn")))
                .isInstanceOf(InvalidInputException.class);

        // UpdateDistribution attaches one too, and useDefaultCertificate takes it off
        lightsail.updateDistribution(r -> r.distributionName("cdn").certificateName("site-cert"));
        assertThat(get("cdn").alternativeDomainNames()).containsExactly("example.com", "www.example.com");
        assertThatThrownBy(() -> lightsail.updateDistribution(r -> r.distributionName("cdn").certificateName("site-cert")
                .useDefaultCertificate(true))).isInstanceOf(InvalidInputException.class);
        lightsail.updateDistribution(r -> r.distributionName("cdn").useDefaultCertificate(true));
        assertThat(get("cdn").certificateName()).isNull();
        lightsail.deleteCertificate(r -> r.certificateName("site-cert"));
    }

    @Test
    void cacheResetsRunOnTheClock() {
        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0");
        create("cdn", "web", "us-east-1");
        GetDistributionLatestCacheResetResponse none = lightsail.getDistributionLatestCacheReset(r -> r.distributionName("cdn"));
        assertThat(none.status()).isNull();
        assertThat(none.createTime()).isNull();

        Instant before = cloudjar.clock().now();
        ResetDistributionCacheResponse reset = lightsail.resetDistributionCache(r -> r.distributionName("cdn"));
        assertThat(reset.status()).isEqualTo("InProgress");
        assertThat(reset.createTime()).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(reset.operation().operationType()).isEqualTo(OperationType.RESET_DISTRIBUTION_CACHE);
        assertThat(lightsail.getDistributionLatestCacheReset(r -> r.distributionName("cdn")).status()).isEqualTo("InProgress");
        cloudjar.advanceClock(Duration.ofMinutes(1));
        GetDistributionLatestCacheResetResponse done = lightsail.getDistributionLatestCacheReset(r -> r.distributionName("cdn"));
        assertThat(done.status()).isEqualTo("Completed");
        assertThat(done.createTime()).isEqualTo(reset.createTime());
        // without a name: the latest reset of any distribution
        assertThat(lightsail.getDistributionLatestCacheReset(r -> { }).createTime()).isEqualTo(reset.createTime());
        assertThatThrownBy(() -> lightsail.resetDistributionCache(r -> r.distributionName("ghost")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void badRequestsGetLightsailErrors() {
        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0");
        assertThatThrownBy(() -> create("cdn", "ghost", "us-east-1")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.createDistribution(base("cdn", "web", "us-east-1").bundleId("huge_1_0").build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("The bundle ID huge_1_0 is not valid."));
        assertThatThrownBy(() -> create("web", "web", "us-east-1")) // the instance's name
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Some names are already in use: web"));
        assertThatThrownBy(() -> lightsail.createDistribution(base("cdn", "web", "us-east-1")
                .cacheBehaviorSettings(s -> s.minimumTTL(100L).defaultTTL(10L)).build())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.createDistribution(base("cdn", "web", "us-east-1")
                .cacheBehaviorSettings(s -> s.allowedHTTPMethods("GET")).build())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.createDistribution(base("cdn", "web", "us-east-1")
                .cacheBehaviorSettings(s -> s.forwardedCookies(c -> c.option(ForwardValues.ALLOW_LIST))).build()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.createDistribution(base("cdn", "web", "us-east-1").ipAddressType(IpAddressType.IPV6).build()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.createDistribution(base("cdn", "web", "us-east-1")
                .origin(o -> o.name("web").regionName("us-east-1").responseTimeout(90)).build())).isInstanceOf(InvalidInputException.class);
        assertThat(lightsail.getDistributions(r -> { }).distributions()).isEmpty();

        create("cdn", "web", "us-east-1");
        assertThatThrownBy(() -> create("cdn", "web", "us-east-1")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Some names are already in use: cdn"));
        // the IP address type: dual-stack or IPv4
        lightsail.setIpAddressType(r -> r.resourceType("Distribution").resourceName("cdn").ipAddressType(IpAddressType.IPV4));
        assertThat(get("cdn").ipAddressType()).isEqualTo(IpAddressType.IPV4);
        assertThatThrownBy(() -> lightsail.setIpAddressType(r -> r.resourceType("Distribution").resourceName("cdn")
                .ipAddressType(IpAddressType.IPV6))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void metricDataIsDeterministicAndStartsWhenDeployed() {
        Instant t0 = LightsailTestKit.atFiveMinuteBoundary(cloudjar);
        LightsailTestKit.createInstance(lightsail, "web", "ubuntu_22_04", "nano_3_0");
        create("cdn", "web", "us-east-1");
        cloudjar.advanceClock(Duration.ofMinutes(30));
        List<MetricDatapoint> requests = requests("Requests", "None", "Sum");
        assertThat(requests).extracting(MetricDatapoint::timestamp).containsExactly(t0, t0.plusSeconds(300), t0.plusSeconds(600),
                t0.plusSeconds(900), t0.plusSeconds(1200), t0.plusSeconds(1500));
        assertThat(requests).allSatisfy(p -> {
            assertThat(p.sum()).isBetween(0.0, 15.0);
            assertThat(p.unitAsString()).isEqualTo("None");
        });
        assertThat(requests("Requests", "None", "Sum")).isEqualTo(requests); // the same data on every call
        assertThat(requests("TotalErrorRate", "Percent", "Average")).allSatisfy(p -> assertThat(p.average()).isZero());
        assertThatThrownBy(() -> requests("Requests", "Count", "Sum")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.getDistributionMetricData(r -> r.distributionName("ghost").metricName("Requests")
                .period(300).startTime(t0).endTime(t0.plusSeconds(3600)).unit("None").statisticsWithStrings("Sum")))
                .isInstanceOf(NotFoundException.class);
    }

    private static List<MetricDatapoint> requests(String metric, String unit, String statistic) {
        Instant t0 = cloudjar.clock().now().minus(Duration.ofMinutes(30));
        Instant start = Instant.ofEpochSecond(t0.getEpochSecond() / 300 * 300);
        return lightsail.getDistributionMetricData(r -> r.distributionName("cdn").metricName(metric).period(300)
                .startTime(start.minus(Duration.ofHours(1))).endTime(start.plus(Duration.ofHours(1))).unit(unit)
                .statisticsWithStrings(statistic)).metricData();
    }

    private static CreateDistributionRequest.Builder base(String name, String origin, String region) {
        return CreateDistributionRequest.builder().distributionName(name).origin(o -> o.name(origin).regionName(region))
                .defaultCacheBehavior(b -> b.behavior(BehaviorEnum.CACHE)).bundleId("small_1_0");
    }

    private static CreateDistributionResponse create(String name, String origin, String region) {
        return lightsail.createDistribution(base(name, origin, region).build());
    }

    private static Operation attach(String distribution, String certificate) {
        return lightsail.attachCertificateToDistribution(r -> r.distributionName(distribution).certificateName(certificate))
                .operation();
    }

    private static LightsailDistribution get(String name) {
        return lightsail.getDistributions(r -> r.distributionName(name)).distributions().get(0);
    }
}
