package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import software.amazon.awssdk.services.lightsail.model.DeleteKnownHostKeysRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteKnownHostKeysResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;

/**
 * DeleteKnownHostKeys: the browser-based client forgets the host keys it recorded for the instance (what a user does
 * after a host key mismatch), so the next GetInstanceAccessDetails records them anew. The instance keeps its keys.
 */
public final class DeleteKnownHostKeysProvider extends LightsailProvider {
    public DeleteKnownHostKeysResponse deleteKnownHostKeys(CallContext ctx, DeleteKnownHostKeysRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            InstanceRecord instance = state.instances.get(request.instanceName());
            state.instances.put(instance.withHostKeys(instance.hostKeys().forgotten()));
            return DeleteKnownHostKeysResponse.builder()
                    .operations(state.operations.record(scope, instance.meta(), OperationType.DELETE_KNOWN_HOST_KEYS, null))
                    .build();
        }
    }
}
