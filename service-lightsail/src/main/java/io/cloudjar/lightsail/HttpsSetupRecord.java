package io.cloudjar.lightsail;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.CertificateProvider;
import software.amazon.awssdk.services.lightsail.model.SetupExecutionDetails;
import software.amazon.awssdk.services.lightsail.model.SetupHistory;
import software.amazon.awssdk.services.lightsail.model.SetupHistoryResource;
import software.amazon.awssdk.services.lightsail.model.SetupStatus;

/**
 * One SetupInstanceHttps run on an instance: {@code inProgress} until {@code completesAt}, then succeeded or failed
 * as decided when it was asked for, with certbot's output.
 */
record HttpsSetupRecord(String operationId, ResourceMeta instance, List<String> domainNames, String command, Instant startedAt,
                        Instant completesAt, boolean succeeded, String standardOutput, String standardError) {

    HttpsSetupRecord {
        domainNames = List.copyOf(domainNames);
    }

    SetupStatus status(Instant now) {
        return now.isBefore(completesAt) ? SetupStatus.IN_PROGRESS : succeeded ? SetupStatus.SUCCEEDED : SetupStatus.FAILED;
    }

    SetupHistory toSdk(Instant now) {
        SetupStatus status = status(now);
        boolean done = status != SetupStatus.IN_PROGRESS;
        return SetupHistory.builder()
                .operationId(operationId)
                .request(r -> r.instanceName(instance.name()).domainNames(domainNames).certificateProvider(CertificateProvider.LETS_ENCRYPT))
                .resource(SetupHistoryResource.builder().name(instance.name()).arn(instance.arn()).createdAt(instance.createdAt())
                        .location(instance.location()).resourceType(instance.type()).build())
                .executionDetails(SetupExecutionDetails.builder().command(command).dateTime(startedAt).name(instance.name())
                        .status(status).version("1.0")
                        .standardOutput(done ? standardOutput : "").standardError(done ? standardError : "").build())
                .status(status)
                .build();
    }
}
