package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Scope;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;

/**
 * RunInstances: validates the whole request first ({@link LaunchSpec}, {@link LaunchNetwork},
 * {@link LaunchDevices}), launches as many instances as the subnet's free addresses allow between MinCount and
 * MaxCount, and answers the reservation with the instances {@code pending}. A repeated ClientToken answers the
 * first call's reservation.
 */
public final class RunInstancesProvider extends ComputeProvider {
    public RunInstancesResponse runInstances(CallContext ctx, RunInstancesRequest request) {
        ComputeState state = state(ctx);
        if (request.clientToken() == null) {
            return run(ctx, request, state);
        }
        synchronized (state) { // one reservation per ClientToken, even for concurrent retries
            return earlier(ctx, state, request.clientToken()).orElseGet(() -> run(ctx, request, state));
        }
    }

    private RunInstancesResponse run(CallContext ctx, RunInstancesRequest request, ComputeState state) {
        Scope scope = Scope.of(ctx);
        Instant now = store.now();
        LaunchSpec spec = LaunchSpec.of(request, store, state, ctx.accountId(), ctx.region());
        PassRoles.check(ctx, spec.profile());
        List<InstanceRecord> launched = launch(store, state, scope, request, spec, now);
        state.rememberClientToken(tokenKey(request.clientToken()), launched.get(0).launch().reservationId());
        return response(store, scope, launched, now);
    }

    /** Launches a validated request's instances (also Lightsail's export to EC2, which has no call of its own). */
    static List<InstanceRecord> launch(ComputeStore store, ComputeState state, Scope scope, RunInstancesRequest request,
                                       LaunchSpec spec, Instant now) {
        LaunchNetwork network = LaunchNetwork.resolve(store.networking(), scope, request, spec.maxCount());
        List<LaunchDevices.Planned> devices = LaunchDevices.plan(spec.image(), request.blockDeviceMappings(), state,
                scope.accountId(), scope.region(), now);
        int count = Math.min(spec.maxCount(), network.capacity());
        if (count < spec.minCount()) {
            throw Ec2Errors.of("InsufficientFreeAddressesInSubnet", network.subnet().subnetId());
        }
        if (count > 1 && network.primary().privateIpAddress() != null) {
            throw Ec2Errors.of("InvalidParameterCombination#privateIpCount");
        }
        return new InstanceLauncher(store, scope).launch(spec, network, devices, count, request.clientToken(), now);
    }

    private Optional<RunInstancesResponse> earlier(CallContext ctx, ComputeState state, String clientToken) {
        Instant now = store.now();
        return state.byClientToken(tokenKey(clientToken)).map(reservationId -> state.instances(now).stream()
                        .filter(i -> i.launch().reservationId().equals(reservationId))
                        .sorted(Comparator.comparingInt(i -> i.launch().amiLaunchIndex())).toList())
                .filter(members -> !members.isEmpty())
                .map(members -> response(store, Scope.of(ctx), members, now));
    }

    private static RunInstancesResponse response(ComputeStore store, Scope scope, List<InstanceRecord> members, Instant now) {
        Reservation reservation = InstanceViews.of(store, scope, members, now).reservation(members);
        return RunInstancesResponse.builder().reservationId(reservation.reservationId()).ownerId(reservation.ownerId())
                .groups(reservation.groups()).instances(reservation.instances()).build();
    }

    /** RunInstances' tokens are kept apart from CreateVolume's. */
    private static String tokenKey(String clientToken) {
        return clientToken == null ? null : "RunInstances:" + clientToken;
    }
}
