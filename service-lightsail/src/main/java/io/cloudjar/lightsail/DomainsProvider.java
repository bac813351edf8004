package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.CreateDomainEntryRequest;
import software.amazon.awssdk.services.lightsail.model.CreateDomainEntryResponse;
import software.amazon.awssdk.services.lightsail.model.CreateDomainRequest;
import software.amazon.awssdk.services.lightsail.model.CreateDomainResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteDomainEntryRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteDomainEntryResponse;
import software.amazon.awssdk.services.lightsail.model.DeleteDomainRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteDomainResponse;
import software.amazon.awssdk.services.lightsail.model.Domain;
import software.amazon.awssdk.services.lightsail.model.DomainEntry;
import software.amazon.awssdk.services.lightsail.model.GetDomainRequest;
import software.amazon.awssdk.services.lightsail.model.GetDomainResponse;
import software.amazon.awssdk.services.lightsail.model.GetDomainsRequest;
import software.amazon.awssdk.services.lightsail.model.GetDomainsResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;
import software.amazon.awssdk.services.lightsail.model.UpdateDomainEntryRequest;
import software.amazon.awssdk.services.lightsail.model.UpdateDomainEntryResponse;

/**
 * Lightsail DNS: domains (zones) and their records. As on AWS, every domain call is answered in us-east-1 only;
 * a new zone starts with Route 53 style NS records and an SOA, which cannot be edited.
 */
public final class DomainsProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 100;

    public CreateDomainResponse createDomain(CallContext ctx, CreateDomainRequest request) {
        LightsailScope scope = inDomainRegion(ctx);
        LightsailState state = state(ctx);
        Map<String, String> tags = LightsailTags.of(request.tags());
        String name = DnsNames.normalize(request.domainName());
        if (!DnsNames.isHostName(name, 2, false)) {
            throw LightsailErrors.invalidInput("The domain name %s is not valid.", request.domainName());
        }
        synchronized (state.lock) {
            if (state.nameTaken(name)) {
                throw LightsailErrors.namesInUse(List.of(name));
            }
            DomainRecord domain = new DomainRecord(ResourceMeta.create(scope, ResourceType.DOMAIN, name, "all", name, tags),
                    DomainEntries.defaults(name));
            state.domains.put(domain);
            return CreateDomainResponse.builder()
                    .operation(state.operations.record(scope, domain.meta(), OperationType.CREATE_DOMAIN, name)).build();
        }
    }

    public GetDomainResponse getDomain(CallContext ctx, GetDomainRequest request) {
        inDomainRegion(ctx);
        return GetDomainResponse.builder().domain(domain(state(ctx), request.domainName()).toSdk()).build();
    }

    public GetDomainsResponse getDomains(CallContext ctx, GetDomainsRequest request) {
        inDomainRegion(ctx);
        List<Domain> all = state(ctx).domains.list().stream().map(DomainRecord::toSdk).toList();
        Pages<Domain> page = Pages.of(all, request.pageToken(), PAGE_SIZE);
        return GetDomainsResponse.builder().domains(page.items()).nextPageToken(page.nextPageToken()).build();
    }

    public DeleteDomainResponse deleteDomain(CallContext ctx, DeleteDomainRequest request) {
        LightsailScope scope = inDomainRegion(ctx);
        LightsailState state = state(ctx);
        synchronized (state.lock) {
            DomainRecord domain = domain(state, request.domainName());
            state.domains.remove(domain.name());
            return DeleteDomainResponse.builder()
                    .operation(state.operations.record(scope, domain.meta(), OperationType.DELETE_DOMAIN, domain.name()))
                    .build();
        }
    }

    public CreateDomainEntryResponse createDomainEntry(CallContext ctx, CreateDomainEntryRequest request) {
        LightsailScope scope = inDomainRegion(ctx);
        LightsailState state = state(ctx);
        synchronized (state.lock) {
            DomainRecord domain = domain(state, request.domainName());
            DomainEntry entry = DomainEntries.checked(domain.name(), request.domainEntry(), domain.entries(),
                    AliasTargets.of(store, scope.account()));
            DomainEntry stored = DomainEntries.entry(entry.name(), entry.type(), entry.target(), entry.isAlias());
            List<DomainEntry> entries = new ArrayList<>(domain.entries());
            entries.add(stored);
            state.domains.put(domain.withEntries(entries));
            return CreateDomainEntryResponse.builder().operation(state.operations.record(scope, domain.meta(),
                    "CreateDomainEntry", details(stored))).build();
        }
    }

    /** Replaces the record with the request's id by the request's name, type and target. */
    public UpdateDomainEntryResponse updateDomainEntry(CallContext ctx, UpdateDomainEntryRequest request) {
        LightsailScope scope = inDomainRegion(ctx);
        LightsailState state = state(ctx);
        DomainEntry requested = request.domainEntry();
        if (requested == null || requested.id() == null) {
            throw LightsailErrors.invalidInput("The domain entry id is required to update a domain entry.");
        }
        synchronized (state.lock) {
            DomainRecord domain = domain(state, request.domainName());
            DomainEntry existing = editable(domain, requested);
            List<DomainEntry> others = domain.entries().stream().filter(e -> e != existing).toList();
            DomainEntry updated = DomainEntries.checked(domain.name(), requested, others,
                    AliasTargets.of(store, scope.account()));
            List<DomainEntry> entries = new ArrayList<>(domain.entries());
            entries.set(entries.indexOf(existing), updated);
            state.domains.put(domain.withEntries(entries));
            return UpdateDomainEntryResponse.builder().operations(state.operations.record(scope, domain.meta(),
                    OperationType.UPDATE_DOMAIN_ENTRY, details(updated))).build();
        }
    }

    public DeleteDomainEntryResponse deleteDomainEntry(CallContext ctx, DeleteDomainEntryRequest request) {
        LightsailScope scope = inDomainRegion(ctx);
        LightsailState state = state(ctx);
        synchronized (state.lock) {
            DomainRecord domain = domain(state, request.domainName());
            DomainEntry existing = editable(domain, request.domainEntry());
            List<DomainEntry> entries = new ArrayList<>(domain.entries());
            entries.remove(existing);
            state.domains.put(domain.withEntries(entries));
            return DeleteDomainEntryResponse.builder().operation(state.operations.record(scope, domain.meta(),
                    OperationType.DELETE_DOMAIN_ENTRY, details(existing))).build();
        }
    }

    /** The stored record a request names: by id when given, else by name, type and target. */
    private static DomainEntry editable(DomainRecord domain, DomainEntry requested) {
        if (requested == null) {
            throw LightsailErrors.invalidInput("The domain entry is required.");
        }
        DomainEntry found = domain.entries().stream().filter(e -> requested.id() != null
                        ? e.id().equals(requested.id())
                        : e.name().equals(DnsNames.normalize(requested.name())) && e.type().equalsIgnoreCase(
                                String.valueOf(requested.type())) && e.target().equalsIgnoreCase(String.valueOf(requested.target())))
                .findFirst()
                .orElseThrow(() -> LightsailErrors.notFound("The domain entry does not exist in %s: %s", domain.name(),
                        requested.id() != null ? requested.id() : requested.name() + " " + requested.type()));
        if (found.name().equals(domain.name()) && (found.type().equals("SOA") || found.type().equals("NS"))) {
            throw LightsailErrors.invalidInput("The %s records of the zone apex %s are managed by Lightsail and cannot be"
                    + " changed.", found.type(), domain.name());
        }
        return found;
    }

    private static String details(DomainEntry entry) {
        return entry.type() + " " + entry.name();
    }

    private static DomainRecord domain(LightsailState state, String name) {
        return state.domains.get(DnsNames.normalize(name));
    }

    /** Domain calls are answered in us-east-1 only, with AWS's words elsewhere. */
    private static LightsailScope inDomainRegion(CallContext ctx) {
        return LightsailScope.inUsEast1(ctx, "Domain-related");
    }
}
