package io.cloudjar.ec2;

import io.cloudjar.core.support.Filters;
import io.cloudjar.vpc.api.Tags;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Image;

/** Renders images as the SDK's {@code Image}, and the filters DescribeImages accepts on what it renders. */
final class ImageViews {
    static final Filters<Image> FILTERS = new Filters<Image>()
            .onValue("architecture", Image::architectureAsString)
            .on("block-device-mapping.delete-on-termination", ebs(e -> String.valueOf(e.deleteOnTermination())))
            .on("block-device-mapping.device-name", image -> image.blockDeviceMappings().stream().map(BlockDeviceMapping::deviceName).toList())
            .on("block-device-mapping.snapshot-id", ebs(EbsBlockDevice::snapshotId))
            .on("block-device-mapping.volume-size", ebs(e -> String.valueOf(e.volumeSize())))
            .on("block-device-mapping.volume-type", ebs(EbsBlockDevice::volumeTypeAsString))
            .on("block-device-mapping.encrypted", ebs(e -> String.valueOf(e.encrypted())))
            .onValue("boot-mode", Image::bootModeAsString)
            .onValue("creation-date", Image::creationDate)
            .onValue("description", Image::description)
            .onValue("ena-support", Image::enaSupport)
            .onValue("hypervisor", Image::hypervisorAsString)
            .onValue("image-id", Image::imageId)
            .onValue("image-type", Image::imageTypeAsString)
            .onValue("imds-support", Image::imdsSupportAsString)
            .onValue("is-public", Image::publicLaunchPermissions)
            .onValue("kernel-id", Image::kernelId)
            .onValue("manifest-location", Image::imageLocation)
            .onValue("name", Image::name)
            .onValue("owner-alias", Image::imageOwnerAlias)
            .onValue("owner-id", Image::ownerId)
            .onValue("platform", Image::platformAsString)
            .onValue("platform-details", Image::platformDetails)
            .on("product-code", i -> List.of())
            .on("product-code.type", i -> List.of())
            .onValue("ramdisk-id", Image::ramdiskId)
            .onValue("root-device-name", Image::rootDeviceName)
            .onValue("root-device-type", Image::rootDeviceTypeAsString)
            .onValue("source-image-id", Image::sourceImageId)
            .onValue("source-image-region", Image::sourceImageRegion)
            .onValue("source-instance-id", Image::sourceInstanceId)
            .onValue("state", Image::stateAsString)
            .onValue("state-reason-code", i -> null)
            .onValue("state-reason-message", i -> null)
            .onValue("sriov-net-support", Image::sriovNetSupport)
            .onValue("usage-operation", Image::usageOperation)
            .onValue("virtualization-type", Image::virtualizationTypeAsString)
            .withTags(i -> SdkTags.map(i.tags()));

    /** EC2 writes image dates with milliseconds: {@code 2024-08-01T04:12:31.000Z}. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private ImageViews() {
    }

    static Image image(ImageRecord i, Instant now) {
        return Image.builder()
                .imageId(i.imageId())
                .imageLocation(i.location())
                .state(i.state(now))
                .ownerId(i.ownerId())
                .imageOwnerAlias(i.ownerAlias())
                .creationDate(DATE.format(i.creationDate().truncatedTo(ChronoUnit.SECONDS)))
                .publicLaunchPermissions(i.isPublic())
                .architecture(i.architecture())
                .imageType("machine")
                .platform(i.platform())
                .platformDetails(i.platformDetails())
                .usageOperation(i.usageOperation())
                .name(i.name())
                .description(i.description())
                .rootDeviceType("ebs")
                .rootDeviceName(i.rootDeviceName())
                .blockDeviceMappings(mappings(i))
                .virtualizationType("hvm")
                .hypervisor("xen")
                .enaSupport(true)
                .sriovNetSupport("simple")
                .bootMode(i.bootMode())
                .imdsSupport(i.imdsSupport())
                .sourceImageId(i.sourceImageId())
                .sourceImageRegion(i.sourceImageRegion())
                .tags(i.tags().isEmpty() ? null : Tags.toSdk(i.tags()))
                .build();
    }

    static List<BlockDeviceMapping> mappings(ImageRecord i) {
        return i.devices().stream().map(d -> d.isEbs()
                ? BlockDeviceMapping.builder().deviceName(d.deviceName()).ebs(EbsBlockDevice.builder()
                        .snapshotId(d.snapshotId()).volumeSize(d.volumeSize()).volumeType(d.volumeType())
                        .deleteOnTermination(d.deleteOnTermination()).encrypted(d.encrypted())
                        .iops(d.volumeType().equals("gp3") ? 3000 : null)
                        .throughput(d.volumeType().equals("gp3") ? 125 : null).build()).build()
                : BlockDeviceMapping.builder().deviceName(d.deviceName()).virtualName(d.virtualName()).build()).toList();
    }

    private static Function<Image, Collection<String>> ebs(Function<EbsBlockDevice, String> field) {
        return image -> image.blockDeviceMappings().stream().filter(m -> m.ebs() != null).map(m -> field.apply(m.ebs())).toList();
    }
}
