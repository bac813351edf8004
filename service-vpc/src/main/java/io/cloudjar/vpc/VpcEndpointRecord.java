package io.cloudjar.vpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A VPC endpoint ({@code vpce-}). Gateway endpoints (S3, DynamoDB) add a route to the service's prefix list
 * in each of their route tables; interface endpoints get an interface in each of their subnets.
 */
final class VpcEndpointRecord extends Resource {
    final String vpcId;
    final String ownerId;
    final String serviceName;
    final String endpointType;
    final Instant creationTimestamp;
    String policyDocument;
    boolean privateDnsEnabled;
    final List<String> routeTableIds = new ArrayList<>();
    final List<String> subnetIds = new ArrayList<>();
    final List<String> groupIds = new ArrayList<>();
    final List<String> networkInterfaceIds = new ArrayList<>();

    VpcEndpointRecord(String id, String vpcId, String ownerId, String serviceName, String endpointType,
                      Instant creationTimestamp, Map<String, String> tags) {
        super(id, tags);
        this.vpcId = vpcId;
        this.ownerId = ownerId;
        this.serviceName = serviceName;
        this.endpointType = endpointType;
        this.creationTimestamp = creationTimestamp;
    }
}
