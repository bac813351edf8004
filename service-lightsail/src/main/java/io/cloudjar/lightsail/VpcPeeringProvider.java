package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.api.Scope;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lightsail.model.IsVpcPeeredRequest;
import software.amazon.awssdk.services.lightsail.model.IsVpcPeeredResponse;
import software.amazon.awssdk.services.lightsail.model.PeerVpcRequest;
import software.amazon.awssdk.services.lightsail.model.PeerVpcResponse;
import software.amazon.awssdk.services.lightsail.model.ResourceType;
import software.amazon.awssdk.services.lightsail.model.UnpeerVpcRequest;
import software.amazon.awssdk.services.lightsail.model.UnpeerVpcResponse;

/**
 * PeerVpc, UnpeerVpc and IsVpcPeered: the Lightsail VPC of the region peered with the account's default VPC, which
 * service-vpc keeps (reached through {@code io.cloudjar.vpc.api}). As on AWS the operation names the Lightsail VPC
 * (resource type PeeredVpc, zone "all") with the default VPC's id as its details, and its type is "PeeredVpc" or
 * "UnpeeredVpc". A peering ends with the default VPC it was made with: deleting that VPC unpeers.
 */
public final class VpcPeeringProvider extends Ec2LinkedProvider {
    public PeerVpcResponse peerVpc(CallContext ctx, PeerVpcRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        String defaultVpc = seams.networking().defaultVpcId(Scope.of(ctx)).orElseThrow(
                () -> LightsailErrors.operationFailure("There is no default VPC in %s to peer the Lightsail VPC with.",
                        scope.region()));
        synchronized (state.lock) {
            if (peering(state, defaultVpc).isPresent()) {
                throw LightsailErrors.operationFailure("The Lightsail VPC is already peered with %s.", defaultVpc);
            }
            state.peeredVpcs.list().forEach(stale -> state.peeredVpcs.remove(stale.name()));
            String name = PeeredVpcRecord.lightsailVpcId(scope);
            PeeredVpcRecord peering = new PeeredVpcRecord(
                    ResourceMeta.create(scope, ResourceType.PEERED_VPC, name, "all", name, Map.of()), defaultVpc);
            state.peeredVpcs.put(peering);
            return PeerVpcResponse.builder()
                    .operation(state.operations.record(scope, peering.meta(), "PeeredVpc", defaultVpc)).build();
        }
    }

    public UnpeerVpcResponse unpeerVpc(CallContext ctx, UnpeerVpcRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        Optional<String> defaultVpc = seams.networking().defaultVpcId(Scope.of(ctx));
        synchronized (state.lock) {
            PeeredVpcRecord peering = defaultVpc.flatMap(id -> peering(state, id)).orElseThrow(
                    () -> LightsailErrors.operationFailure("The Lightsail VPC is not peered."));
            state.peeredVpcs.remove(peering.name());
            return UnpeerVpcResponse.builder()
                    .operation(state.operations.record(scope, peering.meta(), "UnpeeredVpc", peering.peerVpcId())).build();
        }
    }

    public IsVpcPeeredResponse isVpcPeered(CallContext ctx, IsVpcPeeredRequest request) {
        LightsailState state = state(ctx);
        boolean peered = seams.networking().defaultVpcId(Scope.of(ctx)).flatMap(id -> peering(state, id)).isPresent();
        return IsVpcPeeredResponse.builder().isPeered(peered).build();
    }

    /** The peering, if it is with the default VPC the region has now. */
    private static Optional<PeeredVpcRecord> peering(LightsailState state, String defaultVpcId) {
        return state.peeredVpcs.list().stream().filter(p -> p.peerVpcId().equals(defaultVpcId)).findFirst();
    }
}
