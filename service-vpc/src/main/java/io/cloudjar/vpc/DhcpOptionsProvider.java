package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.TagSpecifications;
import io.cloudjar.vpc.api.Tags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.AssociateDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.AssociateDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.CreateDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.CreateDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.DhcpOptions;
import software.amazon.awssdk.services.ec2.model.NewDhcpConfiguration;

/**
 * DHCP option sets: the region's default set ({@code domain-name} and {@code AmazonProvidedDNS}) exists
 * from the start; {@code AssociateDhcpOptions} with {@code default} leaves a VPC without options.
 */
public final class DhcpOptionsProvider extends NetworkProvider {
    static final String NONE = "default";
    private static final Set<String> KEYS = Set.of("domain-name", "domain-name-servers", "ntp-servers", "netbios-name-servers",
            "netbios-node-type", "ipv6-address-preferred-lease-time");
    private static final Filters<DhcpOptions> FILTERS = new Filters<DhcpOptions>()
            .onValue("dhcp-options-id", DhcpOptions::dhcpOptionsId)
            .on("key", d -> d.dhcpConfigurations().stream().map(DhcpConfiguration::key).toList())
            .on("value", d -> d.dhcpConfigurations().stream().flatMap(c -> c.values().stream()).map(AttributeValue::value).toList())
            .onValue("owner-id", DhcpOptions::ownerId)
            .withTags(d -> Tags.asMap(d.tags()));
    private static final Describe<DhcpOptions> DESCRIBE = new Describe<>(FILTERS, DhcpOptions::dhcpOptionsId, "DhcpOptionsIds");

    public CreateDhcpOptionsResponse createDhcpOptions(CallContext ctx, CreateDhcpOptionsRequest request) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (NewDhcpConfiguration c : request.dhcpConfigurations()) {
            if (c.key() == null || !KEYS.contains(c.key())) {
                throw Ec2Errors.of("InvalidParameterValue#dhcpOption", c.key());
            }
            if (c.values().isEmpty()) {
                throw Ec2Errors.of("MissingParameter", "dhcpConfiguration.value");
            }
            options.put(c.key(), List.copyOf(c.values()));
        }
        if (options.isEmpty()) {
            throw Ec2Errors.of("MissingParameter", "dhcpConfiguration");
        }
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "dhcp-options");
        NetworkState state = state(ctx);
        DhcpOptions created = state.write(() -> render(state.dhcpOptions.add(
                new DhcpOptionsRecord(Ids.ec2("dopt"), state.accountId, options, tags))));
        return CreateDhcpOptionsResponse.builder().dhcpOptions(created).build();
    }

    public DescribeDhcpOptionsResponse describeDhcpOptions(CallContext ctx, DescribeDhcpOptionsRequest request) {
        NetworkState state = state(ctx);
        Pages.Page<DhcpOptions> page = DESCRIBE.run(state, state.dhcpOptions, DhcpOptionsProvider::render, request.filters(),
                request.dhcpOptionsIds(), request.maxResults(), request.nextToken());
        return DescribeDhcpOptionsResponse.builder().dhcpOptions(page.items()).nextToken(page.nextToken()).build();
    }

    public DeleteDhcpOptionsResponse deleteDhcpOptions(CallContext ctx, DeleteDhcpOptionsRequest request) {
        NetworkState state = state(ctx);
        state.write(() -> {
            DhcpOptionsRecord options = state.dhcpOptions.get(request.dhcpOptionsId());
            if (state.vpcs.first(v -> options.id.equals(v.dhcpOptionsId)).isPresent()) {
                throw Ec2Errors.of("DependencyViolation", "dhcpOptions", options.id);
            }
            state.dhcpOptions.remove(options.id);
        });
        return DeleteDhcpOptionsResponse.builder().build();
    }

    public AssociateDhcpOptionsResponse associateDhcpOptions(CallContext ctx, AssociateDhcpOptionsRequest request) {
        NetworkState state = state(ctx);
        state.write(() -> {
            VpcRecord vpc = state.vpc(request.vpcId());
            String id = request.dhcpOptionsId();
            vpc.dhcpOptionsId = NONE.equals(id) ? NONE : state.dhcpOptions.get(id).id;
        });
        return AssociateDhcpOptionsResponse.builder().build();
    }

    static DhcpOptions render(DhcpOptionsRecord d) {
        DhcpOptions.Builder b = DhcpOptions.builder()
                .dhcpOptionsId(d.id)
                .ownerId(d.ownerId)
                .dhcpConfigurations(d.configurations.entrySet().stream().map(e -> DhcpConfiguration.builder().key(e.getKey())
                        .values(e.getValue().stream().map(v -> AttributeValue.builder().value(v).build()).toList()).build()).toList());
        if (!d.tags.isEmpty()) {
            b.tags(Tags.toSdk(d.tags));
        }
        return b.build();
    }
}
