package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;
import software.amazon.awssdk.services.lightsail.model.HttpEndpoint;
import software.amazon.awssdk.services.lightsail.model.HttpProtocolIpv6;
import software.amazon.awssdk.services.lightsail.model.HttpTokens;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.UpdateInstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.lightsail.model.UpdateInstanceMetadataOptionsResponse;

/**
 * UpdateInstanceMetadataOptions: the members given replace the instance's metadata service settings, the others
 * stay; GetInstance shows them {@code pending} for one reboot-long transition, then {@code applied}.
 */
public final class InstanceMetadataProvider extends LightsailProvider {
    private static final int MAX_HOP_LIMIT = 64;

    public UpdateInstanceMetadataOptionsResponse updateInstanceMetadataOptions(CallContext ctx,
            UpdateInstanceMetadataOptionsRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        HttpTokens tokens = known(request.httpTokens(), request.httpTokensAsString(), HttpTokens.UNKNOWN_TO_SDK_VERSION, "httpTokens");
        HttpEndpoint endpoint = known(request.httpEndpoint(), request.httpEndpointAsString(), HttpEndpoint.UNKNOWN_TO_SDK_VERSION,
                "httpEndpoint");
        HttpProtocolIpv6 ipv6 = known(request.httpProtocolIpv6(), request.httpProtocolIpv6AsString(),
                HttpProtocolIpv6.UNKNOWN_TO_SDK_VERSION, "httpProtocolIpv6");
        Integer hops = request.httpPutResponseHopLimit();
        if (hops != null && (hops < 1 || hops > MAX_HOP_LIMIT)) {
            throw LightsailErrors.invalidInput("The httpPutResponseHopLimit %d is not valid: from 1 to %d.", hops, MAX_HOP_LIMIT);
        }
        synchronized (state.lock) {
            InstanceRecord instance = state.instances.get(request.instanceName());
            InstanceMetadata now = instance.metadata();
            Instant applied = scope.now().plus(store.timings().rebooting());
            InstanceRecord changed = instance.withMetadata(new InstanceMetadata(tokens != null ? tokens : now.httpTokens(),
                    endpoint != null ? endpoint : now.httpEndpoint(), hops != null ? hops : now.hopLimit(),
                    ipv6 != null ? ipv6 : now.httpProtocolIpv6(), applied));
            state.instances.put(changed);
            return UpdateInstanceMetadataOptionsResponse.builder().operation(state.operations.record(scope, instance.meta(),
                    OperationType.UPDATE_INSTANCE_METADATA_OPTIONS, null, applied)).build();
        }
    }

    /** The value given, null when not given; a value the model does not know is refused. */
    private static <E extends Enum<E>> E known(E value, String text, E unknown, String member) {
        if (value == unknown) {
            throw LightsailErrors.invalidInput("The %s value %s is not valid.", member, text);
        }
        return value;
    }
}
