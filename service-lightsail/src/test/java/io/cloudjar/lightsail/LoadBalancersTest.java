package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.LoadBalancer;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerAttributeName;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerProtocol;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerState;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerTlsCertificate;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerTlsCertificateStatus;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerTlsPolicy;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationStatus;
import software.amazon.awssdk.services.lightsail.model.OperationType;

class LoadBalancersTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void loadBalancerProvisionsThenIsActiveWithAwsDefaults() {
        Operation created = lightsail.createLoadBalancer(r -> r.loadBalancerName("web-lb").instancePort(8080)
                .tags(t -> t.key("env").value("lab"))).operations().get(0);
        assertThat(created.operationType()).isEqualTo(OperationType.CREATE_LOAD_BALANCER);
        assertThat(created.status()).isEqualTo(OperationStatus.STARTED);

        LoadBalancer lb = get("web-lb");
        assertThat(lb.state()).isEqualTo(LoadBalancerState.PROVISIONING);
        assertThat(lb.arn()).matches("arn:aws:lightsail:us-east-1:000000000000:LoadBalancer/[0-9a-f-]{36}");
        assertThat(lb.dnsName()).matches("[0-9a-f]{32}-\\d{9}\\.us-east-1\\.elb\\.amazonaws\\.com");
        assertThat(lb.instancePort()).isEqualTo(8080);
        assertThat(lb.healthCheckPath()).isEqualTo("/");
        assertThat(lb.protocol()).isEqualTo(LoadBalancerProtocol.HTTP);
        assertThat(lb.publicPorts()).containsExactly(80);
        assertThat(lb.tlsPolicyName()).isEqualTo("TLS-2016-08");
        assertThat(lb.httpsRedirectionEnabled()).isFalse();
        assertThat(lb.configurationOptionsAsStrings()).containsEntry("SessionStickinessEnabled", "false")
                .containsEntry("SessionStickiness_LB_CookieDurationSeconds", "86400").containsEntry("HealthCheckPath", "/");
        assertThat(lb.tags()).extracting(t -> t.key()).containsExactly("env");

        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(get("web-lb").state()).isEqualTo(LoadBalancerState.ACTIVE);
        assertThat(lightsail.getOperation(r -> r.operationId(created.id())).operation().status())
                .isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(lightsail.getLoadBalancers().loadBalancers()).extracting(LoadBalancer::name).containsExactly("web-lb");

        assertThatThrownBy(() -> lightsail.createLoadBalancer(r -> r.loadBalancerName("web-lb").instancePort(80)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Some names are already in use: web-lb"));
        assertThatThrownBy(() -> lightsail.createLoadBalancer(r -> r.loadBalancerName("bad").instancePort(80).healthCheckPath("health")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.createLoadBalancer(r -> r.loadBalancerName("bad").instancePort(80).tlsPolicyName("TLS-9")))
                .isInstanceOf(InvalidInputException.class);

        assertThat(lightsail.deleteLoadBalancer(r -> r.loadBalancerName("web-lb")).operations().get(0).operationType())
                .isEqualTo(OperationType.DELETE_LOAD_BALANCER);
        assertThatThrownBy(() -> get("web-lb")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The LoadBalancer does not exist: web-lb"));
    }

    @Test
    void attributesAreUpdatedAndCheckedByName() {
        lightsail.createLoadBalancer(r -> r.loadBalancerName("lb").instancePort(80));
        update("lb", LoadBalancerAttributeName.HEALTH_CHECK_PATH, "/health");
        update("lb", LoadBalancerAttributeName.SESSION_STICKINESS_ENABLED, "true");
        update("lb", LoadBalancerAttributeName.SESSION_STICKINESS_LB_COOKIE_DURATION_SECONDS, "3600");
        update("lb", LoadBalancerAttributeName.TLS_POLICY_NAME, "TLS-FS-Res-1-2-2019-08");
        LoadBalancer lb = get("lb");
        assertThat(lb.healthCheckPath()).isEqualTo("/health");
        assertThat(lb.configurationOptionsAsStrings()).containsEntry("SessionStickinessEnabled", "true")
                .containsEntry("SessionStickiness_LB_CookieDurationSeconds", "3600");
        assertThat(lb.tlsPolicyName()).isEqualTo("TLS-FS-Res-1-2-2019-08");

        assertThatThrownBy(() -> update("lb", LoadBalancerAttributeName.SESSION_STICKINESS_ENABLED, "yes"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> update("lb", LoadBalancerAttributeName.SESSION_STICKINESS_LB_COOKIE_DURATION_SECONDS, "-5"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> update("lb", LoadBalancerAttributeName.HTTPS_REDIRECTION_ENABLED, "true"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> update("nope", LoadBalancerAttributeName.HEALTH_CHECK_PATH, "/"))
                .isInstanceOf(NotFoundException.class);
        assertThat(lightsail.getLoadBalancerTlsPolicies(r -> { }).tlsPolicies()).extracting(LoadBalancerTlsPolicy::name)
                .containsExactly("TLS-2016-08", "TLS-FS-Res-1-2-2019-08");
    }

    @Test
    void certificateIsPendingUntilItsValidationRecordsAreInLightsailDns() {
        lightsail.createDomain(r -> r.domainName("example.com"));
        lightsail.createLoadBalancer(r -> r.loadBalancerName("lb").instancePort(80)
                .certificateName("site-cert").certificateDomainName("example.com").certificateAlternativeNames("www.example.com"));
        LoadBalancerTlsCertificate cert = certificates("lb");
        assertThat(cert.status()).isEqualTo(LoadBalancerTlsCertificateStatus.PENDING_VALIDATION);
        assertThat(cert.isAttached()).isFalse();
        assertThat(cert.domainName()).isEqualTo("example.com");
        assertThat(cert.subjectAlternativeNames()).containsExactly("example.com", "www.example.com");
        assertThat(cert.domainValidationRecords()).hasSize(2).allSatisfy(v -> {
            assertThat(v.type()).isEqualTo("CNAME");
            assertThat(v.name()).matches("_[0-9a-f]{32}\\.(www\\.)?example\\.com\\.");
            assertThat(v.value()).matches("_[0-9a-f]{32}\\.[0-9a-f]{10}\\.acm-validations\\.aws\\.");
        });
        assertThat(get("lb").tlsCertificateSummaries()).singleElement()
                .satisfies(s -> assertThat(s.name() + " " + s.isAttached()).isEqualTo("site-cert false"));
        assertThatThrownBy(() -> lightsail.attachLoadBalancerTlsCertificate(r -> r.loadBalancerName("lb").certificateName("site-cert")))
                .isInstanceOf(InvalidInputException.class);

        // publishing ACM's CNAMEs in the Lightsail zone validates the certificate
        cert.domainValidationRecords().forEach(v -> lightsail.createDomainEntry(r -> r.domainName("example.com")
                .domainEntry(e -> e.name(v.name()).type("CNAME").target(v.value()))));
        LoadBalancerTlsCertificate issued = certificates("lb");
        assertThat(issued.status()).isEqualTo(LoadBalancerTlsCertificateStatus.ISSUED);
        assertThat(issued.issuedAt()).isNotNull();
        assertThat(issued.notAfter()).isAfter(issued.issuedAt());

        Operation attached = lightsail.attachLoadBalancerTlsCertificate(r -> r.loadBalancerName("lb").certificateName("site-cert"))
                .operations().get(0);
        assertThat(attached.operationType()).isEqualTo(OperationType.ATTACH_LOAD_BALANCER_TLS_CERTIFICATE);
        LoadBalancer lb = get("lb");
        assertThat(lb.protocol()).isEqualTo(LoadBalancerProtocol.HTTP_HTTPS);
        assertThat(lb.publicPorts()).containsExactly(80, 443);
        update("lb", LoadBalancerAttributeName.HTTPS_REDIRECTION_ENABLED, "true");
        assertThat(get("lb").httpsRedirectionEnabled()).isTrue();

        // an alias A record may point at the load balancer
        lightsail.createDomainEntry(r -> r.domainName("example.com")
                .domainEntry(e -> e.name("example.com").type("A").isAlias(true).target(lb.dnsName())));

        assertThatThrownBy(() -> lightsail.deleteLoadBalancerTlsCertificate(r -> r.loadBalancerName("lb").certificateName("site-cert")))
                .isInstanceOf(InvalidInputException.class);
        lightsail.deleteLoadBalancerTlsCertificate(r -> r.loadBalancerName("lb").certificateName("site-cert").force(true));
        assertThat(get("lb").protocol()).isEqualTo(LoadBalancerProtocol.HTTP);
        assertThat(get("lb").httpsRedirectionEnabled()).isFalse();
    }

    @Test
    void certificatesAreLimitedAndChecked() {
        lightsail.createLoadBalancer(r -> r.loadBalancerName("lb").instancePort(80));
        lightsail.createLoadBalancerTlsCertificate(r -> r.loadBalancerName("lb").certificateName("one").certificateDomainName("a.example.com"));
        lightsail.createLoadBalancerTlsCertificate(r -> r.loadBalancerName("lb").certificateName("two").certificateDomainName("*.example.com"));
        assertThatThrownBy(() -> lightsail.createLoadBalancerTlsCertificate(r -> r.loadBalancerName("lb").certificateName("three")
                .certificateDomainName("c.example.com"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.createLoadBalancerTlsCertificate(r -> r.loadBalancerName("lb").certificateName("one")
                .certificateDomainName("c.example.com"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.createLoadBalancerTlsCertificate(r -> r.loadBalancerName("ghost").certificateName("xx")
                .certificateDomainName("c.example.com"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.deleteLoadBalancerTlsCertificate(r -> r.loadBalancerName("lb").certificateName("ghost")))
                .isInstanceOf(NotFoundException.class);
        lightsail.deleteLoadBalancerTlsCertificate(r -> r.loadBalancerName("lb").certificateName("one"));
        assertThatThrownBy(() -> lightsail.createLoadBalancerTlsCertificate(r -> r.loadBalancerName("lb").certificateName("bad")
                .certificateDomainName("not a name"))).isInstanceOf(InvalidInputException.class);
        lightsail.deleteLoadBalancer(r -> r.loadBalancerName("lb"));
        lightsail.createLoadBalancer(r -> r.loadBalancerName("lb").instancePort(80));
        assertThat(lightsail.getLoadBalancerTlsCertificates(r -> r.loadBalancerName("lb")).tlsCertificates()).isEmpty();
    }

    @Test
    void attachedInstancesPassTheirFirstHealthChecksOnTheEmulatorClock() {
        for (String name : new String[] {"web-1", "web-2"}) {
            lightsail.createInstances(r -> r.instanceNames(name).availabilityZone("us-east-1a")
                    .blueprintId("ubuntu_22_04").bundleId("nano_3_0"));
        }
        lightsail.createLoadBalancer(r -> r.loadBalancerName("lb").instancePort(80).healthCheckPath("/health"));
        cloudjar.advanceClock(Duration.ofMinutes(1));

        var ops = lightsail.attachInstancesToLoadBalancer(r -> r.loadBalancerName("lb").instanceNames("web-1", "web-2")).operations();
        assertThat(ops).extracting(Operation::resourceName).containsExactly("web-1", "web-2", "lb");
        assertThat(ops).extracting(Operation::operationType).containsOnly(OperationType.ATTACH_INSTANCES_TO_LOAD_BALANCER);
        assertThat(get("lb").instanceHealthSummary()).extracting(h -> h.instanceName() + " " + h.instanceHealthAsString()
                + " " + h.instanceHealthReasonAsString())
                .containsExactly("web-1 initial Lb.RegistrationInProgress", "web-2 initial Lb.RegistrationInProgress");
        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(get("lb").instanceHealthSummary()).extracting(h -> h.instanceName() + " " + h.instanceHealthAsString())
                .containsExactly("web-1 healthy", "web-2 healthy");

        // a stopped instance is unused
        lightsail.stopInstance(r -> r.instanceName("web-2"));
        cloudjar.advanceClock(Duration.ofMinutes(1));
        assertThat(get("lb").instanceHealthSummary()).extracting(h -> h.instanceName() + " " + h.instanceHealthAsString()
                + " " + h.instanceHealthReasonAsString()).containsExactly("web-1 healthy null", "web-2 unused Instance.InvalidState");

        assertThatThrownBy(() -> lightsail.attachInstancesToLoadBalancer(r -> r.loadBalancerName("lb").instanceNames("web-1")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.attachInstancesToLoadBalancer(r -> r.loadBalancerName("lb").instanceNames("ghost")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The Instance does not exist: ghost"));
        lightsail.detachInstancesFromLoadBalancer(r -> r.loadBalancerName("lb").instanceNames("web-1"));
        assertThat(get("lb").instanceHealthSummary()).extracting(h -> h.instanceName()).containsExactly("web-2");
        assertThatThrownBy(() -> lightsail.detachInstancesFromLoadBalancer(r -> r.loadBalancerName("lb").instanceNames("web-1")))
                .isInstanceOf(InvalidInputException.class);
    }

    private static LoadBalancer get(String name) {
        return lightsail.getLoadBalancer(r -> r.loadBalancerName(name)).loadBalancer();
    }

    private static LoadBalancerTlsCertificate certificates(String lb) {
        return lightsail.getLoadBalancerTlsCertificates(r -> r.loadBalancerName(lb)).tlsCertificates().get(0);
    }

    private static void update(String lb, LoadBalancerAttributeName name, String value) {
        lightsail.updateLoadBalancerAttribute(r -> r.loadBalancerName(lb).attributeName(name).attributeValue(value));
    }
}
