package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.CreateGuiSessionAccessDetailsRequest;
import software.amazon.awssdk.services.lightsail.model.CreateGuiSessionAccessDetailsResponse;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;
import software.amazon.awssdk.services.lightsail.model.StartGuiSessionRequest;
import software.amazon.awssdk.services.lightsail.model.StartGuiSessionResponse;
import software.amazon.awssdk.services.lightsail.model.Status;
import software.amazon.awssdk.services.lightsail.model.StopGuiSessionRequest;
import software.amazon.awssdk.services.lightsail.model.StopGuiSessionResponse;

/**
 * CreateGUISessionAccessDetails, StartGUISession and StopGUISession: browser-based GUI sessions (Amazon DCV) of
 * instances whose blueprint has a desktop, here the Windows Server ones and any Lightsail for Research blueprint.
 * Access details make two URLs with a fresh token each call (the primary opens the application, the other the
 * operating system's desktop); a start runs for an hour on the emulator clock and StartGUISession resumes an expired one.
 */
public final class GuiSessionsProvider extends LightsailProvider {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DCV_PORT = 8443;

    public CreateGuiSessionAccessDetailsResponse createGUISessionAccessDetails(CallContext ctx,
                                                                              CreateGuiSessionAccessDetailsRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            InstanceRecord instance = supported(state, request.resourceName());
            String host = instance.ipv4() ? instance.currentPublicIp(scope.now(), state.staticIpOf(instance))
                    : instance.ipv6Addresses().get(0);
            GuiSessionRecord session = session(state, scope, instance).withSessions(List.of(
                    url(instance.name() + "-application", host, true), url(instance.name() + "-desktop", host, false)));
            state.guiSessions.put(session);
            Status status = session.status(scope.now());
            return CreateGuiSessionAccessDetailsResponse.builder().resourceName(instance.name()).status(status)
                    .percentageComplete(session.percentageComplete(scope.now())).sessions(session.sdkSessions()).build();
        }
    }

    public StartGuiSessionResponse startGUISession(CallContext ctx, StartGuiSessionRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            InstanceRecord instance = supported(state, request.resourceName());
            if (!InstanceRecord.RUNNING.equals(instance.state(scope.now()))) {
                throw LightsailErrors.invalidInput("The instance %s is %s: a GUI session starts on a running instance.",
                        instance.name(), instance.state(scope.now()));
            }
            GuiSessionRecord session = session(state, scope, instance);
            Status status = session.status(scope.now());
            if (status == Status.STARTING || status == Status.STARTED) {
                throw LightsailErrors.invalidInput("The GUI session of %s is already %s.", instance.name(), status);
            }
            GuiSessionRecord started = session.started(scope.now());
            state.guiSessions.put(started);
            return StartGuiSessionResponse.builder().operations(state.operations.record(scope, instance.meta(),
                    OperationType.START_GUI_SESSION, null, scope.now().plus(started.transition()))).build();
        }
    }

    public StopGuiSessionResponse stopGUISession(CallContext ctx, StopGuiSessionRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        synchronized (state.lock) {
            InstanceRecord instance = supported(state, request.resourceName());
            GuiSessionRecord session = session(state, scope, instance);
            Status status = session.status(scope.now());
            if (status != Status.STARTING && status != Status.STARTED && status != Status.START_EXPIRED) {
                throw LightsailErrors.invalidInput("The GUI session of %s is not started.", instance.name());
            }
            GuiSessionRecord stopped = session.stopped(scope.now());
            state.guiSessions.put(stopped);
            return StopGuiSessionResponse.builder().operations(state.operations.record(scope, instance.meta(),
                    OperationType.STOP_GUI_SESSION, null, scope.now().plus(stopped.transition()))).build();
        }
    }

    /** The instance, if its blueprint has a desktop to show. */
    private static InstanceRecord supported(LightsailState state, String name) {
        InstanceRecord instance = state.instances.get(name);
        boolean desktop = BlueprintCatalog.find(instance.blueprintId())
                .map(b -> b.windows() || "LfR".equals(b.blueprint().appCategoryAsString())).orElse(false);
        if (!desktop) {
            throw LightsailErrors.invalidInput("The blueprint %s of %s does not support GUI sessions.",
                    instance.blueprintId(), instance.name());
        }
        return instance;
    }

    /** The instance's session record (by its ARN, so a new instance of the same name starts afresh). */
    private GuiSessionRecord session(LightsailState state, LightsailScope scope, InstanceRecord instance) {
        String key = instance.meta().arn();
        return state.guiSessions.find(key).orElseGet(() -> new GuiSessionRecord(
                ResourceMeta.create(scope, ResourceType.INSTANCE, key, instance.meta().availabilityZone(), key, Map.of()),
                instance.name(), List.of(), null, null, store.timings().rebooting()));
    }

    private static GuiSessionRecord.Url url(String name, String host, boolean primary) {
        byte[] token = new byte[24];
        RANDOM.nextBytes(token);
        String authority = host == null ? "" : host.contains(":") ? "[" + host + "]" : host;
        return new GuiSessionRecord.Url(name, "https://" + authority + ":" + DCV_PORT + "/?authToken="
                + HexFormat.of().formatHex(token) + "#" + name, primary);
    }
}
