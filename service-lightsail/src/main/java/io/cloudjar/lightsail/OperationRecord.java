package io.cloudjar.lightsail;

import java.time.Instant;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationStatus;
import software.amazon.awssdk.services.lightsail.model.ResourceLocation;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * One change Lightsail reports as an operation. Its status is derived from the emulator clock: Started until
 * {@code completesAt} (the end of the transition it began, such as pending → running), Succeeded from then on.
 * The type is text: AWS answers types its model's enum lacks (TagResource, CreateKeyPair, ...).
 */
record OperationRecord(String id, String resourceName, ResourceType resourceType, Instant createdAt,
                       ResourceLocation location, String type, String details, Instant completesAt) {

    Operation toSdk(Instant now) {
        boolean done = !now.isBefore(completesAt);
        return Operation.builder()
                .id(id)
                .resourceName(resourceName)
                .resourceType(resourceType)
                .createdAt(createdAt)
                .location(location)
                .isTerminal(done)
                .operationDetails(details)
                .operationType(type)
                .status(done ? OperationStatus.SUCCEEDED : OperationStatus.STARTED)
                .statusChangedAt(done ? completesAt : createdAt)
                .build();
    }
}
