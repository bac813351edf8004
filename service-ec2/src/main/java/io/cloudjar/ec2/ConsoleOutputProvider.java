package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.api.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputRequest;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputResponse;

/**
 * GetConsoleOutput: the serial console of a booted instance, base64 as EC2 sends it: the boot messages and
 * cloud-init running the instance's user data script ({@link BootLog}). Empty until the first boot completes.
 */
public final class ConsoleOutputProvider extends ComputeProvider {
    public GetConsoleOutputResponse getConsoleOutput(CallContext ctx, GetConsoleOutputRequest request) {
        Instant now = store.now();
        InstanceRecord instance = InstanceLookup.require(state(ctx), request.instanceId(), now);
        Instant booted = instance.launch().launchTime().plus(store.timings().instanceBoot());
        var response = GetConsoleOutputResponse.builder().instanceId(instance.instanceId());
        if (now.isBefore(booted)) {
            return response.timestamp(now).build();
        }
        var views = InstanceViews.of(store, Scope.of(ctx), List.of(instance), now);
        String text = BootLog.of(instance, views.instance(instance), booted);
        return response.timestamp(booted)
                .output(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))).build();
    }
}
