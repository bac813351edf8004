package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.api.Ec2Errors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AttachVolumeRequest;
import software.amazon.awssdk.services.ec2.model.AttachVolumeResponse;
import software.amazon.awssdk.services.ec2.model.DetachVolumeRequest;
import software.amazon.awssdk.services.ec2.model.DetachVolumeResponse;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * AttachVolume and DetachVolume: {@code attaching → attached}, {@code detaching → detached} on the emulator
 * clock, to the instances RunInstances launched.
 */
public final class VolumeAttachmentsProvider extends ComputeProvider {
    private static final int MULTI_ATTACH_LIMIT = 16;

    public AttachVolumeResponse attachVolume(CallContext ctx, AttachVolumeRequest request) {
        String device = DeviceNames.check(request.device());
        ComputeState state = state(ctx);
        Instant now = store.now();
        synchronized (state) {
            VolumeRecord volume = state.requireVolume(request.volumeId());
            AttachTarget instance = state.instance(request.instanceId(), now)
                    .orElseThrow(() -> Ec2Errors.of("InvalidInstanceID.NotFound", request.instanceId()));
            String volumeState = volume.state(now);
            List<VolumeRecord.Attachment> live = volume.liveAttachments(now);
            if (volumeState.equals("creating")) {
                throw Ec2Errors.of("IncorrectState#volume", volume.volumeId(), volumeState);
            }
            if (!live.isEmpty() && (!volume.multiAttachEnabled() || live.size() >= MULTI_ATTACH_LIMIT
                    || live.stream().anyMatch(a -> a.instanceId().equals(instance.instanceId())))) {
                throw Ec2Errors.of("VolumeInUse#alreadyAttached", volume.volumeId());
            }
            if (!volume.availabilityZone().equals(instance.availabilityZone())) {
                throw Ec2Errors.of("InvalidVolume.ZoneMismatch", volume.volumeId(), instance.instanceId());
            }
            String instanceState = instance.stateName(now);
            if (!instanceState.equals("running") && !instanceState.equals("stopped")) {
                throw Ec2Errors.of("IncorrectInstanceState", instance.instanceId(), instanceState);
            }
            checkDeviceFree(state, instance, device, now);
            VolumeRecord.Attachment attachment = new VolumeRecord.Attachment(instance.instanceId(), device, now, false,
                    new Lifecycle(now, store.timings().attach()), false);
            List<VolumeRecord.Attachment> attachments = new ArrayList<>(live);
            attachments.add(attachment);
            state.putVolume(volume.withAttachments(attachments));
            return attached(VolumeViews.attachment(volume, attachment, now));
        }
    }

    public DetachVolumeResponse detachVolume(CallContext ctx, DetachVolumeRequest request) {
        ComputeState state = state(ctx);
        Instant now = store.now();
        synchronized (state) {
            VolumeRecord volume = state.requireVolume(request.volumeId());
            List<VolumeRecord.Attachment> live = volume.liveAttachments(now);
            List<VolumeRecord.Attachment> active = live.stream().filter(a -> !a.detaching()).toList();
            if (active.isEmpty()) {
                throw Ec2Errors.of("IncorrectState#volume", volume.volumeId(), volume.state(now));
            }
            VolumeRecord.Attachment target = active.stream()
                    .filter(a -> request.instanceId() == null || a.instanceId().equals(request.instanceId()))
                    .filter(a -> request.device() == null || a.device().equals(request.device()))
                    .findFirst()
                    .orElseThrow(() -> Ec2Errors.of("InvalidAttachment.NotFound", volume.volumeId(),
                            request.instanceId() != null ? request.instanceId() : active.get(0).instanceId()));
            if (active.size() > 1 && request.instanceId() == null) {
                throw Ec2Errors.of("MissingParameter", "InstanceId");
            }
            VolumeRecord.Attachment detaching = target.detach(new Lifecycle(now, store.timings().detach()));
            List<VolumeRecord.Attachment> attachments = live.stream().map(a -> a == target ? detaching : a).toList();
            state.putVolume(volume.withAttachments(attachments));
            return detached(VolumeViews.attachment(volume, detaching, now));
        }
    }

    /** The device may be neither the instance's root device nor another live attachment's. */
    private static void checkDeviceFree(ComputeState state, AttachTarget instance, String device, Instant now) {
        if (instance.rootDeviceName() != null && DeviceNames.sameSlot(instance.rootDeviceName(), device)) {
            throw Ec2Errors.of("InvalidParameterValue#deviceInUse", device, device);
        }
        boolean taken = state.volumesAttachedTo(instance.instanceId()).stream()
                .flatMap(v -> v.liveAttachments(now).stream())
                .anyMatch(a -> a.instanceId().equals(instance.instanceId()) && DeviceNames.sameSlot(a.device(), device));
        if (taken) {
            throw Ec2Errors.of("InvalidParameterValue#deviceInUse", device, device);
        }
    }

    private static AttachVolumeResponse attached(VolumeAttachment a) {
        return AttachVolumeResponse.builder().volumeId(a.volumeId()).instanceId(a.instanceId()).device(a.device())
                .state(a.state()).attachTime(a.attachTime()).deleteOnTermination(a.deleteOnTermination()).build();
    }

    private static DetachVolumeResponse detached(VolumeAttachment a) {
        return DetachVolumeResponse.builder().volumeId(a.volumeId()).instanceId(a.instanceId()).device(a.device())
                .state(a.state()).attachTime(a.attachTime()).deleteOnTermination(a.deleteOnTermination()).build();
    }
}
