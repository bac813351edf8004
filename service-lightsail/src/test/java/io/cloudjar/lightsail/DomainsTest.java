package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.Domain;
import software.amazon.awssdk.services.lightsail.model.DomainEntry;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

class DomainsTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void newDomainHasLightsailsNameServersAndSoa() {
        Operation created = lightsail.createDomain(r -> r.domainName("Example.com.").tags(t -> t.key("env").value("lab")))
                .operation();
        assertThat(created.operationType()).isEqualTo(OperationType.CREATE_DOMAIN);
        assertThat(created.resourceType()).isEqualTo(ResourceType.DOMAIN);
        assertThat(created.resourceName()).isEqualTo("example.com");

        Domain domain = lightsail.getDomain(r -> r.domainName("example.com")).domain();
        assertThat(domain.arn()).matches("arn:aws:lightsail:us-east-1:000000000000:Domain/[0-9a-f-]{36}");
        assertThat(domain.location().availabilityZone()).isEqualTo("all");
        assertThat(domain.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("env=lab");
        assertThat(domain.domainEntries()).filteredOn(e -> e.type().equals("NS")).hasSize(4)
                .allSatisfy(e -> {
                    assertThat(e.name()).isEqualTo("example.com");
                    assertThat(e.target()).matches("ns-\\d+\\.awsdns-\\d{2}\\.(com|net|org|co\\.uk)");
                });
        assertThat(domain.domainEntries()).filteredOn(e -> e.type().equals("SOA")).singleElement()
                .satisfies(e -> assertThat(e.target()).contains("awsdns-hostmaster.amazon.com."));
        assertThat(lightsail.getDomains().domains()).extracting(Domain::name).containsExactly("example.com");

        assertThatThrownBy(() -> lightsail.createDomain(r -> r.domainName("example.com")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Some names are already in use: example.com"));
        assertThatThrownBy(() -> lightsail.createDomain(r -> r.domainName("no_dots!")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void recordsOfEveryTypeAreCreatedUpdatedAndDeleted() {
        lightsail.createDomain(r -> r.domainName("example.com"));
        create("example.com", "A", "203.0.113.10");
        create("www.example.com", "CNAME", "example.com");
        create("example.com", "AAAA", "2001:db8::10");
        create("example.com", "MX", "10 mail.example.com");
        create("example.com", "TXT", "\"v=spf1 include:amazonses.com ~all\"");
        create("sub.example.com", "NS", "ns1.other-dns.net");
        Operation op = lightsail.createDomainEntry(r -> r.domainName("example.com")
                .domainEntry(e -> e.name("*.example.com").type("A").target("203.0.113.11"))).operation();
        assertThat(op.operationTypeAsString()).isEqualTo("CreateDomainEntry");
        assertThat(op.resourceName()).isEqualTo("example.com");

        List<DomainEntry> entries = entries();
        assertThat(entries).extracting(e -> e.type() + " " + e.name() + " " + e.target()).contains(
                "A example.com 203.0.113.10", "CNAME www.example.com example.com", "AAAA example.com 2001:db8::10",
                "MX example.com 10 mail.example.com", "TXT example.com \"v=spf1 include:amazonses.com ~all\"",
                "NS sub.example.com ns1.other-dns.net", "A *.example.com 203.0.113.11");
        assertThat(entries).hasSize(12);

        DomainEntry a = entries.stream().filter(e -> e.type().equals("A") && e.name().equals("example.com")).findFirst().orElseThrow();
        assertThat(a.id()).matches("-?\\d+");
        assertThat(a.isAlias()).isFalse();
        Operation updated = lightsail.updateDomainEntry(r -> r.domainName("example.com")
                .domainEntry(a.toBuilder().target("198.51.100.7").build())).operations().get(0);
        assertThat(updated.operationType()).isEqualTo(OperationType.UPDATE_DOMAIN_ENTRY);
        assertThat(entries()).filteredOn(e -> e.id().equals(a.id())).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo("198.51.100.7"));

        lightsail.deleteDomainEntry(r -> r.domainName("example.com").domainEntry(e -> e.id(a.id())));
        lightsail.deleteDomainEntry(r -> r.domainName("example.com")
                .domainEntry(e -> e.name("www.example.com").type("CNAME").target("example.com")));
        assertThat(entries()).hasSize(10).noneMatch(e -> e.id().equals(a.id()) || e.type().equals("CNAME"));
        assertThatThrownBy(() -> lightsail.deleteDomainEntry(r -> r.domainName("example.com").domainEntry(e -> e.id(a.id()))))
                .isInstanceOf(NotFoundException.class);

        // (GetOperationsForResource's resourceName pattern has no dots, as AWS's: domains are read from GetOperations)
        assertThat(lightsail.getOperations().operations()).filteredOn(o -> o.resourceName().equals("example.com"))
                .extracting(Operation::operationTypeAsString).containsExactly("CreateDomain",
                        "CreateDomainEntry", "CreateDomainEntry", "CreateDomainEntry", "CreateDomainEntry", "CreateDomainEntry",
                        "CreateDomainEntry", "CreateDomainEntry", "UpdateDomainEntry", "DeleteDomainEntry", "DeleteDomainEntry");

        assertThat(lightsail.deleteDomain(r -> r.domainName("example.com")).operation().operationType())
                .isEqualTo(OperationType.DELETE_DOMAIN);
        assertThat(lightsail.getDomains().domains()).isEmpty();
        assertThatThrownBy(() -> lightsail.getDomain(r -> r.domainName("example.com")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The Domain does not exist: example.com"));
    }

    @Test
    void recordsThatDoNotFitAreRefused() {
        lightsail.createDomain(r -> r.domainName("example.com"));
        create("www.example.com", "A", "203.0.113.10");
        refused("www.other.com", "A", "203.0.113.10");
        refused("example.com", "A", "203.0.113.300");
        refused("example.com", "A", "not-an-ip");
        refused("example.com", "AAAA", "203.0.113.10");
        refused("example.com", "CNAME", "target.example.net");
        refused("www.example.com", "CNAME", "target.example.net");
        refused("example.com", "MX", "mail.example.com");
        refused("example.com", "SOA", "whatever");
        refused("example.com", "PTR", "whatever");
        refused("example.com", "NS", "ns1.other-dns.net");
        refused("www.example.com", "A", "203.0.113.10");
        refused("example.com", "A", "");
        assertThatThrownBy(() -> lightsail.createDomainEntry(r -> r.domainName("example.com")
                .domainEntry(e -> e.name("example.com").type("A").isAlias(true).target("nothing-here.us-east-1.elb.amazonaws.com"))))
                .isInstanceOf(InvalidInputException.class);
        lightsail.createDomainEntry(r -> r.domainName("example.com")
                .domainEntry(e -> e.name("cdn.example.com").type("A").isAlias(true).target("d111111abcdef8.cloudfront.net")));

        DomainEntry soa = entries().stream().filter(e -> e.type().equals("SOA")).findFirst().orElseThrow();
        assertThatThrownBy(() -> lightsail.deleteDomainEntry(r -> r.domainName("example.com").domainEntry(soa)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.updateDomainEntry(r -> r.domainName("example.com")
                .domainEntry(e -> e.name("x.example.com").type("A").target("203.0.113.1"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.createDomainEntry(r -> r.domainName("missing.com")
                .domainEntry(e -> e.name("missing.com").type("A").target("203.0.113.1"))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void domainsAreAnsweredInUsEast1Only() {
        try (LightsailClient frankfurt = cloudjar.client(LightsailClient.builder(), Region.EU_CENTRAL_1, "test", "test")) {
            assertThatThrownBy(() -> frankfurt.createDomain(r -> r.domainName("example.com")))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith(
                                "Domain-related APIs are only available in the us-east-1 Region.");
                        assertThat(e.code()).isEqualTo("UnsupportedOperation");
                    });
            assertThatThrownBy(frankfurt::getDomains).isInstanceOf(InvalidInputException.class);
        }
    }

    private static void create(String name, String type, String target) {
        lightsail.createDomainEntry(r -> r.domainName("example.com").domainEntry(e -> e.name(name).type(type).target(target)));
    }

    private static void refused(String name, String type, String target) {
        assertThatThrownBy(() -> create(name, type, target)).as("%s %s %s", type, name, target)
                .isInstanceOf(InvalidInputException.class);
    }

    private static List<DomainEntry> entries() {
        return lightsail.getDomain(r -> r.domainName("example.com")).domain().domainEntries();
    }
}
