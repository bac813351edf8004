package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.GetOperationRequest;
import software.amazon.awssdk.services.lightsail.model.GetOperationResponse;
import software.amazon.awssdk.services.lightsail.model.GetOperationsForResourceRequest;
import software.amazon.awssdk.services.lightsail.model.GetOperationsForResourceResponse;
import software.amazon.awssdk.services.lightsail.model.GetOperationsRequest;
import software.amazon.awssdk.services.lightsail.model.GetOperationsResponse;
import software.amazon.awssdk.services.lightsail.model.Operation;

/** The operations every mutating call recorded, oldest first, with their status on the emulator clock. */
public final class OperationsProvider extends LightsailProvider {
    /** GetOperations answers "up to a maximum of 200" per page (API reference). */
    private static final int PAGE_SIZE = 200;

    public GetOperationResponse getOperation(CallContext ctx, GetOperationRequest request) {
        OperationRecord op = state(ctx).operations.find(request.operationId())
                .orElseThrow(() -> LightsailErrors.notFound("The operation does not exist: %s", request.operationId()));
        return GetOperationResponse.builder().operation(op.toSdk(ctx.receivedAt())).build();
    }

    public GetOperationsResponse getOperations(CallContext ctx, GetOperationsRequest request) {
        Pages<OperationRecord> page = Pages.of(state(ctx).operations.list(), request.pageToken(), PAGE_SIZE);
        return GetOperationsResponse.builder().operations(sdk(page.items(), ctx.receivedAt()))
                .nextPageToken(page.nextPageToken()).build();
    }

    public GetOperationsForResourceResponse getOperationsForResource(CallContext ctx, GetOperationsForResourceRequest request) {
        LightsailState state = state(ctx);
        if (state.named(request.resourceName()).findAny().isEmpty()) {
            throw LightsailErrors.notFound("The resource does not exist: %s", request.resourceName());
        }
        List<OperationRecord> mine = state.operations.list().stream()
                .filter(o -> o.resourceName().equals(request.resourceName())).toList();
        Pages<OperationRecord> page = Pages.of(mine, request.pageToken(), PAGE_SIZE);
        return GetOperationsForResourceResponse.builder().operations(sdk(page.items(), ctx.receivedAt()))
                .nextPageToken(page.nextPageToken()).build();
    }

    private static List<Operation> sdk(List<OperationRecord> ops, Instant now) {
        return ops.stream().map(o -> o.toSdk(now)).toList();
    }
}
