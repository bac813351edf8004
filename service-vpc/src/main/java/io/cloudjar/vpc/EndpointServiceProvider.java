package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.api.Ec2Errors;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesResponse;
import software.amazon.awssdk.services.ec2.model.PrivateDnsDetails;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;
import software.amazon.awssdk.services.ec2.model.ServiceTypeDetail;

/** DescribeVpcEndpointServices: the AWS services of the region that endpoints can reach. */
public final class EndpointServiceProvider extends NetworkProvider {
    private static final Filters<ServiceDetail> FILTERS = new Filters<ServiceDetail>()
            .onValue("service-name", ServiceDetail::serviceName)
            .on("service-type", d -> d.serviceType().stream().map(ServiceTypeDetail::serviceTypeAsString).toList());
    private static final Describe<ServiceDetail> DESCRIBE = new Describe<>(FILTERS, ServiceDetail::serviceName, "ServiceNames");

    public DescribeVpcEndpointServicesResponse describeVpcEndpointServices(CallContext ctx, DescribeVpcEndpointServicesRequest r) {
        var filters = DESCRIBE.check(r.filters(), List.of(), r.maxResults());
        for (String name : r.serviceNames()) {
            EndpointServices.find(ctx.region(), name).orElseThrow(() -> Ec2Errors.of("InvalidServiceName", name));
        }
        String zones = ctx.region();
        List<ServiceDetail> candidates = EndpointServices.of(ctx.region()).stream()
                .filter(s -> r.serviceNames().isEmpty() || r.serviceNames().contains(s.name()))
                .map(s -> detail(zones, s)).toList();
        Pages.Page<ServiceDetail> page = DESCRIBE.page(candidates, filters, r.maxResults(), r.nextToken());
        return DescribeVpcEndpointServicesResponse.builder()
                .serviceNames(page.items().stream().map(ServiceDetail::serviceName).toList())
                .serviceDetails(page.items()).nextToken(page.nextToken()).build();
    }

    private static ServiceDetail detail(String region, EndpointServices.EndpointService s) {
        boolean isInterface = s.types().contains(EndpointServices.INTERFACE);
        return ServiceDetail.builder()
                .serviceName(s.name())
                .serviceId("vpce-svc-" + String.format("%017x", Math.abs((long) s.name().hashCode())))
                .serviceType(s.types().stream().map(t -> ServiceTypeDetail.builder().serviceType(t).build()).toList())
                .availabilityZones(io.cloudjar.core.regions.RegionCatalog.getOrDefault(region).zones().stream()
                        .map(io.cloudjar.core.regions.RegionCatalog.Zone::name).toList())
                .owner("amazon")
                .baseEndpointDnsNames(s.shortName() + "." + region + ".vpce.amazonaws.com")
                .privateDnsName(isInterface ? s.shortName() + "." + region + ".amazonaws.com" : null)
                .privateDnsNames(isInterface ? List.of(PrivateDnsDetails.builder()
                        .privateDnsName(s.shortName() + "." + region + ".amazonaws.com").build()) : List.of())
                .vpcEndpointPolicySupported(true)
                .acceptanceRequired(false)
                .managesVpcEndpoints(false)
                .supportedIpAddressTypesWithStrings("ipv4")
                .build();
    }
}
