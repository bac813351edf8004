package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.api.Ec2Errors;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcTenancyRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcTenancyResponse;

/** The DNS and address-usage attributes of a VPC, and its tenancy. */
public final class VpcAttributeProvider extends NetworkProvider {

    public DescribeVpcAttributeResponse describeVpcAttribute(CallContext ctx, DescribeVpcAttributeRequest request) {
        NetworkState state = state(ctx);
        String attribute = Objects.requireNonNullElse(request.attributeAsString(), "");
        return state.read(() -> {
            VpcRecord vpc = state.vpc(request.vpcId());
            DescribeVpcAttributeResponse.Builder b = DescribeVpcAttributeResponse.builder().vpcId(vpc.id);
            switch (attribute) {
                case "enableDnsSupport" -> b.enableDnsSupport(bool(vpc.enableDnsSupport));
                case "enableDnsHostnames" -> b.enableDnsHostnames(bool(vpc.enableDnsHostnames));
                case "enableNetworkAddressUsageMetrics" -> b.enableNetworkAddressUsageMetrics(bool(vpc.enableNetworkAddressUsageMetrics));
                default -> throw Ec2Errors.of("InvalidParameterValue#attribute", attribute);
            }
            return b.build();
        });
    }

    public ModifyVpcAttributeResponse modifyVpcAttribute(CallContext ctx, ModifyVpcAttributeRequest request) {
        List<AttributeBooleanValue> given = java.util.stream.Stream.of(request.enableDnsSupport(), request.enableDnsHostnames(),
                request.enableNetworkAddressUsageMetrics()).filter(Objects::nonNull).toList();
        if (given.size() > 1) {
            throw Ec2Errors.of("InvalidParameterCombination#vpcAttributes");
        }
        if (given.isEmpty() || given.get(0).value() == null) {
            throw Ec2Errors.of("MissingParameter", "attribute");
        }
        boolean value = given.get(0).value();
        NetworkState state = state(ctx);
        state.write(() -> {
            VpcRecord vpc = state.vpc(request.vpcId());
            if (request.enableDnsSupport() != null) {
                vpc.enableDnsSupport = value;
            } else if (request.enableDnsHostnames() != null) {
                if (value && !vpc.enableDnsSupport) {
                    throw Ec2Errors.of("InvalidParameterCombination#dnsHostnames");
                }
                vpc.enableDnsHostnames = value;
            } else {
                vpc.enableNetworkAddressUsageMetrics = value;
            }
        });
        return ModifyVpcAttributeResponse.builder().build();
    }

    /** Only {@code default} is accepted: a dedicated VPC may become default, not the other way round. */
    public ModifyVpcTenancyResponse modifyVpcTenancy(CallContext ctx, ModifyVpcTenancyRequest request) {
        if (!"default".equals(request.instanceTenancyAsString())) {
            throw Ec2Errors.of("InvalidParameterValue", request.instanceTenancyAsString(), "InstanceTenancy");
        }
        NetworkState state = state(ctx);
        state.write(() -> {
            state.vpc(request.vpcId()).instanceTenancy = "default";
        });
        return ModifyVpcTenancyResponse.builder().returnValue(true).build();
    }

    static AttributeBooleanValue bool(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }
}
