package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.vpc.api.Ec2Errors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.AccountAttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesResponse;

/**
 * DescribeAccountAttributes with the values of a new, VPC-only account: a default VPC ({@code default-vpc}
 * names "none" here; the default VPC's id is DescribeVpcs' business), 5 Elastic IPs, 20 instances.
 */
public final class AccountAttributesProvider implements ServiceProvider {
    @Override
    public String api() {
        return "ec2";
    }

    public DescribeAccountAttributesResponse describeAccountAttributes(CallContext ctx, DescribeAccountAttributesRequest request) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("supported-platforms", List.of("VPC"));
        all.put("vpc-max-security-groups-per-interface", List.of("5"));
        all.put("max-elastic-ips", List.of("5"));
        all.put("max-instances", List.of("20"));
        all.put("vpc-max-elastic-ips", List.of("5"));
        all.put("default-vpc", List.of("none"));
        for (String name : request.attributeNamesAsStrings()) {
            if (!all.containsKey(name)) {
                throw Ec2Errors.of("InvalidParameterValue#accountAttribute", name);
            }
        }
        List<AccountAttribute> attributes = all.entrySet().stream()
                .filter(e -> request.attributeNamesAsStrings().isEmpty() || request.attributeNamesAsStrings().contains(e.getKey()))
                .map(e -> AccountAttribute.builder().attributeName(e.getKey())
                        .attributeValues(e.getValue().stream().map(v -> AccountAttributeValue.builder().attributeValue(v).build()).toList())
                        .build())
                .toList();
        return DescribeAccountAttributesResponse.builder().accountAttributes(attributes).build();
    }
}
