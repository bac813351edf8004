package io.cloudjar.ec2;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An AMI: one of the public catalogue's (see {@link ImageCatalog}) or one an account made (CopyImage now,
 * CreateImage from an instance in phase 2). Immutable; changes replace the record in {@link RegionImages}.
 * The EBS devices' snapshots are what phase 2's RunInstances creates root and data volumes from.
 */
record ImageRecord(String imageId, String ownerId, String ownerAlias, String name, String description,
                   String architecture, String platform, String platformDetails, String usageOperation,
                   String rootDeviceName, List<Device> devices, Instant creationDate, String bootMode,
                   String imdsSupport, boolean isPublic, Set<String> launchUserIds, Map<String, String> tags,
                   Lifecycle lifecycle, String sourceImageId, String sourceImageRegion) {
    ImageRecord {
        devices = List.copyOf(devices);
        launchUserIds = Set.copyOf(launchUserIds);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    String state(Instant now) {
        return lifecycle.isDone(now) ? "available" : "pending";
    }

    String location() {
        return (ownerAlias != null ? ownerAlias : ownerId) + "/" + name;
    }

    /** Who may see and launch it: everyone when public, else its owner and the accounts it is shared with. */
    boolean visibleTo(String accountId) {
        return isPublic || ownerId.equals(accountId) || launchUserIds.contains(accountId);
    }

    ImageRecord withPermissions(boolean newPublic, Set<String> newUsers) {
        return new ImageRecord(imageId, ownerId, ownerAlias, name, description, architecture, platform, platformDetails,
                usageOperation, rootDeviceName, devices, creationDate, bootMode, imdsSupport, newPublic, newUsers, tags,
                lifecycle, sourceImageId, sourceImageRegion);
    }

    ImageRecord withDescription(String newDescription) {
        return new ImageRecord(imageId, ownerId, ownerAlias, name, newDescription, architecture, platform, platformDetails,
                usageOperation, rootDeviceName, devices, creationDate, bootMode, imdsSupport, isPublic, launchUserIds, tags,
                lifecycle, sourceImageId, sourceImageRegion);
    }

    ImageRecord withTags(Map<String, String> newTags) {
        return new ImageRecord(imageId, ownerId, ownerAlias, name, description, architecture, platform, platformDetails,
                usageOperation, rootDeviceName, devices, creationDate, bootMode, imdsSupport, isPublic, launchUserIds, newTags,
                lifecycle, sourceImageId, sourceImageRegion);
    }

    /** A block device of the image: an EBS volume made from {@code snapshotId}, or an instance-store {@code virtualName}. */
    record Device(String deviceName, String virtualName, String snapshotId, Integer volumeSize, String volumeType,
                  Boolean deleteOnTermination, Boolean encrypted) {
        boolean isEbs() {
            return virtualName == null;
        }
    }
}
