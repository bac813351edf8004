package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.CloudFormationStackRecordSourceInfo;
import software.amazon.awssdk.services.lightsail.model.CloudFormationStackRecordSourceType;
import software.amazon.awssdk.services.lightsail.model.DestinationInfo;
import software.amazon.awssdk.services.lightsail.model.RecordState;

/**
 * A stack CreateCloudFormationStack made from an export record: Started until its EC2 instance has launched
 * ({@code completesAt}), then Succeeded. AWS answers the CloudFormation stack's ARN as its destination; the EC2
 * instance ({@code instanceId}) is what the stack made.
 */
record CloudFormationStackRecord(ResourceMeta meta, String exportRecordName, String exportRecordArn, String stackArn,
                                 String instanceId, Instant completesAt) implements LightsailResource<CloudFormationStackRecord> {
    static final String STACK = "Aws::CloudFormation::Stack";

    @Override
    public CloudFormationStackRecord withMeta(ResourceMeta newMeta) {
        return new CloudFormationStackRecord(newMeta, exportRecordName, exportRecordArn, stackArn, instanceId, completesAt);
    }

    software.amazon.awssdk.services.lightsail.model.CloudFormationStackRecord toSdk(Instant now) {
        return software.amazon.awssdk.services.lightsail.model.CloudFormationStackRecord.builder()
                .name(meta.name()).arn(meta.arn()).createdAt(meta.createdAt()).location(meta.location())
                .resourceType(meta.type()).state(now.isBefore(completesAt) ? RecordState.STARTED : RecordState.SUCCEEDED)
                .sourceInfo(List.of(CloudFormationStackRecordSourceInfo.builder()
                        .resourceType(CloudFormationStackRecordSourceType.EXPORT_SNAPSHOT_RECORD)
                        .name(exportRecordName).arn(exportRecordArn).build()))
                .destinationInfo(DestinationInfo.builder().id(stackArn).service(STACK).build())
                .build();
    }
}
