package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.InterfaceInfo;
import io.cloudjar.vpc.api.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.EnclaveOptions;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMappingSpecification;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ResetInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ResetInstanceAttributeResponse;

/**
 * DescribeInstanceAttribute, ModifyInstanceAttribute (one attribute a call, by its own parameter or by
 * {@code Attribute}+{@code Value}; type, user data, EBS optimisation and ENA only while stopped) and
 * ResetInstanceAttribute. Security groups and the source/destination check live on the primary interface.
 */
public final class InstanceAttributesProvider extends ComputeProvider {
    public DescribeInstanceAttributeResponse describeInstanceAttribute(CallContext ctx, DescribeInstanceAttributeRequest request) {
        Instant now = store.now();
        InstanceRecord i = InstanceLookup.require(state(ctx), request.instanceId(), now);
        String attribute = request.attributeAsString() == null ? "" : request.attributeAsString();
        InstanceViews views = InstanceViews.of(store, Scope.of(ctx), List.of(i), now);
        var b = DescribeInstanceAttributeResponse.builder().instanceId(i.instanceId());
        InstanceSettings s = i.settings();
        switch (attribute) {
            case "instanceType" -> b.instanceType(value(s.instanceType()));
            case "kernel" -> b.kernelId(AttributeValue.builder().build());
            case "ramdisk" -> b.ramdiskId(AttributeValue.builder().build());
            case "userData" -> b.userData(s.userData() == null ? AttributeValue.builder().build() : value(s.userData()));
            case "disableApiTermination" -> b.disableApiTermination(flag(s.disableApiTermination()));
            case "disableApiStop" -> b.disableApiStop(flag(s.disableApiStop()));
            case "instanceInitiatedShutdownBehavior" -> b.instanceInitiatedShutdownBehavior(value(s.shutdownBehavior()));
            case "rootDeviceName" -> b.rootDeviceName(value(i.launch().rootDeviceName()));
            case "blockDeviceMapping" -> b.blockDeviceMappings(views.instance(i).blockDeviceMappings());
            case "productCodes" -> b.productCodes(List.of());
            case "sourceDestCheck" -> b.sourceDestCheck(flag(primary(views, i).map(InterfaceInfo::sourceDestCheck).orElse(true)));
            case "groupSet" -> b.groups(primary(views, i).map(e -> InstanceViews.groups(e.groups())).orElse(List.of()));
            case "ebsOptimized" -> b.ebsOptimized(flag(s.ebsOptimized()));
            case "sriovNetSupport" -> b.sriovNetSupport(value("simple"));
            case "enaSupport" -> b.enaSupport(flag(true));
            case "enclaveOptions" -> b.enclaveOptions(EnclaveOptions.builder().enabled(false).build());
            default -> throw Ec2Errors.of("InvalidParameterValue#attribute", attribute);
        }
        return b.build();
    }

    public ModifyInstanceAttributeResponse modifyInstanceAttribute(CallContext ctx, ModifyInstanceAttributeRequest request) {
        ComputeState state = state(ctx);
        synchronized (state) {
            Instant now = store.now();
            InstanceRecord instance = InstanceLookup.require(state, request.instanceId(), now);
            Change change = Change.of(request);
            String current = instance.phase().name(now);
            if (change.needsStopped() && !current.equals("stopped")) {
                throw Ec2Errors.of("IncorrectInstanceState#notStopped", instance.instanceId());
            }
            InstanceSettings s = instance.settings();
            InstanceRecord after = switch (change.attribute()) {
                case "instanceType" -> instance.withSettings(retyped(instance, change.value()));
                case "userData" -> instance.withSettings(s.withUserData(LaunchSpec.userData(change.value())));
                case "disableApiTermination" -> instance.withSettings(s.withDisableApiTermination(bool(change.value())));
                case "disableApiStop" -> instance.withSettings(s.withDisableApiStop(bool(change.value())));
                case "instanceInitiatedShutdownBehavior" -> instance.withSettings(s.withShutdownBehavior(shutdown(change.value())));
                case "ebsOptimized" -> instance.withSettings(s.withEbsOptimized(bool(change.value())));
                case "enaSupport" -> {
                    if (!bool(change.value())) {
                        throw Ec2Errors.of("InvalidParameterValue#enaRequired", s.instanceType());
                    }
                    yield instance;
                }
                case "sourceDestCheck", "groupSet" -> {
                    store.networking().modifyInterface(Scope.of(ctx), instance.launch().primaryInterfaceId(),
                            change.attribute().equals("groupSet") ? request.groups() : null,
                            change.attribute().equals("sourceDestCheck") ? bool(change.value()) : null);
                    yield instance;
                }
                case "blockDeviceMapping" -> {
                    deleteOnTermination(state, instance, request.blockDeviceMappings(), now);
                    yield instance;
                }
                case "kernel", "ramdisk", "sriovNetSupport" -> throw Ec2Errors.of("UnsupportedOperation", change.attribute());
                default -> throw Ec2Errors.of("InvalidParameterValue#attribute", change.attribute());
            };
            if (after != instance) {
                state.putInstance(after);
            }
        }
        return ModifyInstanceAttributeResponse.builder().build();
    }

    public ResetInstanceAttributeResponse resetInstanceAttribute(CallContext ctx, ResetInstanceAttributeRequest request) {
        Instant now = store.now();
        InstanceRecord instance = InstanceLookup.require(state(ctx), request.instanceId(), now);
        String attribute = request.attributeAsString() == null ? "" : request.attributeAsString();
        switch (attribute) {
            case "sourceDestCheck" -> store.networking().modifyInterface(Scope.of(ctx), instance.launch().primaryInterfaceId(),
                    null, true);
            case "kernel", "ramdisk" -> {
                if (!instance.phase().name(now).equals("stopped")) {
                    throw Ec2Errors.of("IncorrectInstanceState#notStopped", instance.instanceId());
                }
            }
            default -> throw Ec2Errors.of("InvalidParameterValue#attribute", attribute);
        }
        return ResetInstanceAttributeResponse.builder().build();
    }

    /** A new type keeps the image's architecture; a burstable type gets its family's default credit option. */
    private static InstanceSettings retyped(InstanceRecord instance, String typeName) {
        var type = InstanceTypeCatalog.find(typeName)
                .orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#instanceType", typeName));
        var architectures = type.processorInfo().supportedArchitecturesAsStrings();
        if (!architectures.contains(instance.launch().architecture())) {
            throw Ec2Errors.of("InvalidParameterValue#architecture", architectures.get(architectures.size() - 1),
                    instance.launch().architecture());
        }
        String credits = InstanceTypeCatalog.defaultCpuCredits(type);
        if (credits != null && instance.settings().cpuCredits() != null) {
            credits = instance.settings().cpuCredits();
        }
        return instance.settings().withInstanceType(typeName, credits);
    }

    /** Only the delete-on-termination flag of attached volumes can change here. */
    private static void deleteOnTermination(ComputeState state, InstanceRecord instance,
                                            List<InstanceBlockDeviceMappingSpecification> mappings, Instant now) {
        for (InstanceBlockDeviceMappingSpecification m : mappings) {
            VolumeRecord volume = state.volumesAttachedTo(instance.instanceId()).stream()
                    .filter(v -> v.liveAttachments(now).stream().anyMatch(a -> a.instanceId().equals(instance.instanceId())
                            && a.device().equals(m.deviceName())))
                    .findFirst()
                    .orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#deviceNotAttached",
                            m.deviceName(), instance.instanceId()));
            if (m.ebs() == null || m.ebs().deleteOnTermination() == null) {
                continue;
            }
            List<VolumeRecord.Attachment> attachments = new ArrayList<>();
            for (VolumeRecord.Attachment a : volume.liveAttachments(now)) {
                attachments.add(a.instanceId().equals(instance.instanceId())
                        ? a.withDeleteOnTermination(m.ebs().deleteOnTermination()) : a);
            }
            state.putVolume(volume.withAttachments(attachments));
        }
    }

    private static java.util.Optional<InterfaceInfo> primary(InstanceViews views, InstanceRecord i) {
        return views.interfacesOf(i.instanceId()).stream().filter(e -> e.attachment().deviceIndex() == 0).findFirst();
    }

    private static boolean bool(String value) {
        if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            throw Ec2Errors.of("InvalidParameterValue#boolean", value);
        }
        return Boolean.parseBoolean(value);
    }

    private static String shutdown(String value) {
        if (!"stop".equals(value) && !"terminate".equals(value)) {
            throw Ec2Errors.of("InvalidParameterValue#shutdownBehavior", value);
        }
        return value;
    }

    private static AttributeValue value(String v) {
        return AttributeValue.builder().value(v).build();
    }

    private static AttributeBooleanValue flag(boolean v) {
        return AttributeBooleanValue.builder().value(v).build();
    }

    /** The one attribute a ModifyInstanceAttribute call changes, as a name and its value in text. */
    private record Change(String attribute, String value) {
        static Change of(ModifyInstanceAttributeRequest r) {
            List<Change> given = new ArrayList<>();
            if (r.attributeAsString() != null) {
                given.add(new Change(r.attributeAsString(), r.value()));
            }
            if (r.instanceType() != null) {
                given.add(new Change("instanceType", r.instanceType().value()));
            }
            if (r.userData() != null && r.userData().value() != null) {
                given.add(new Change("userData", Base64.getEncoder().encodeToString(r.userData().value().asByteArray())));
            }
            if (r.disableApiTermination() != null) {
                given.add(new Change("disableApiTermination", String.valueOf(r.disableApiTermination().value())));
            }
            if (r.disableApiStop() != null) {
                given.add(new Change("disableApiStop", String.valueOf(r.disableApiStop().value())));
            }
            if (r.instanceInitiatedShutdownBehavior() != null) {
                given.add(new Change("instanceInitiatedShutdownBehavior", r.instanceInitiatedShutdownBehavior().value()));
            }
            if (r.ebsOptimized() != null) {
                given.add(new Change("ebsOptimized", String.valueOf(r.ebsOptimized().value())));
            }
            if (r.enaSupport() != null) {
                given.add(new Change("enaSupport", String.valueOf(r.enaSupport().value())));
            }
            if (r.sourceDestCheck() != null) {
                given.add(new Change("sourceDestCheck", String.valueOf(r.sourceDestCheck().value())));
            }
            if (!r.groups().isEmpty()) {
                given.add(new Change("groupSet", null));
            }
            if (!r.blockDeviceMappings().isEmpty()) {
                given.add(new Change("blockDeviceMapping", null));
            }
            if (r.kernel() != null || r.ramdisk() != null || r.sriovNetSupport() != null) {
                given.add(new Change(r.kernel() != null ? "kernel" : r.ramdisk() != null ? "ramdisk" : "sriovNetSupport", null));
            }
            if (given.isEmpty()) {
                throw Ec2Errors.of("MissingParameter", "Attribute");
            }
            if (given.size() > 1) {
                throw Ec2Errors.of("InvalidParameterCombination#attributes",
                        String.join(", ", given.stream().map(Change::attribute).toList()));
            }
            return given.get(0);
        }

        boolean needsStopped() {
            return attribute.equals("instanceType") || attribute.equals("userData") || attribute.equals("ebsOptimized")
                    || attribute.equals("enaSupport");
        }
    }
}
