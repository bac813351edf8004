package io.cloudjar.vpc;

import java.time.Instant;
import java.util.Map;

/** A flow log configuration ({@code fl-}); no traffic flows here, so only the configuration is kept. */
final class FlowLogRecord extends Resource {
    final String resourceId;
    final String trafficType;
    final String logDestinationType;
    final String logDestination;
    final String logGroupName;
    final String deliverLogsPermissionArn;
    final String logFormat;
    final int maxAggregationInterval;
    final Instant creationTime;

    FlowLogRecord(String id, String resourceId, String trafficType, String logDestinationType, String logDestination,
                  String logGroupName, String deliverLogsPermissionArn, String logFormat, int maxAggregationInterval,
                  Instant creationTime, Map<String, String> tags) {
        super(id, tags);
        this.resourceId = resourceId;
        this.trafficType = trafficType;
        this.logDestinationType = logDestinationType;
        this.logDestination = logDestination;
        this.logGroupName = logGroupName;
        this.deliverLogsPermissionArn = deliverLogsPermissionArn;
        this.logFormat = logFormat;
        this.maxAggregationInterval = maxAggregationInterval;
        this.creationTime = creationTime;
    }
}
