package io.cloudjar.rds;

import io.cloudjar.vpc.api.SubnetInfo;
import java.util.List;
import software.amazon.awssdk.services.rds.model.AvailabilityZone;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;
import software.amazon.awssdk.services.rds.model.Subnet;

/** A DB subnet group: its subnets as service-vpc described them when the group was created or modified. */
record SubnetGroupRecord(String name, String description, String vpcId, List<SubnetInfo> subnets, String arn) {
    DBSubnetGroup toSdk() {
        return DBSubnetGroup.builder().dbSubnetGroupName(name).dbSubnetGroupDescription(description).vpcId(vpcId)
                .subnetGroupStatus("Complete").dbSubnetGroupArn(arn).supportedNetworkTypes("IPV4")
                .subnets(subnets.stream().map(s -> Subnet.builder().subnetIdentifier(s.subnetId())
                        .subnetAvailabilityZone(AvailabilityZone.builder().name(s.availabilityZone()).build())
                        .subnetStatus("Active").build()).toList())
                .build();
    }
}
