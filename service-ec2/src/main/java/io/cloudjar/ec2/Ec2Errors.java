package io.cloudjar.ec2;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import java.util.Collection;

/** The EC2 errors of the compute calls (AMIs, key pairs, volumes, snapshots), worded as AWS words them. */
final class Ec2Errors {
    private Ec2Errors() {
    }

    static AwsException missing(String parameter) {
        return AwsErrors.badRequest("MissingParameter", "The request must contain the parameter %s", parameter);
    }

    static AwsException invalidValue(String message, Object... args) {
        return AwsErrors.badRequest("InvalidParameterValue", message, args);
    }

    static AwsException combination(String message, Object... args) {
        return AwsErrors.badRequest("InvalidParameterCombination", message, args);
    }

    /** {@code Invalid id: "x" (expecting "vol-...")} under the resource's own {@code .Malformed} code. */
    static AwsException malformed(String code, String id, String prefix) {
        return AwsErrors.badRequest(code, "Invalid id: \"%s\" (expecting \"%s-...\")", id, prefix);
    }

    // --- key pairs

    static AwsException keyPairDuplicate(String name) {
        return AwsErrors.badRequest("InvalidKeyPair.Duplicate", "The keypair '%s' already exists.", name);
    }

    static AwsException keyPairNotFound(String nameOrId) {
        return AwsErrors.badRequest("InvalidKeyPair.NotFound", "The key pair '%s' does not exist", nameOrId);
    }

    static AwsException keyFormat() {
        return AwsErrors.badRequest("InvalidKey.Format", "Key is not in valid OpenSSH public key format");
    }

    // --- images

    static AwsException imagesNotFound(Collection<String> ids) {
        return AwsErrors.badRequest("InvalidAMIID.NotFound", "The image id '[%s]' does not exist", String.join(", ", ids));
    }

    static AwsException imageNotFound(String id) {
        return AwsErrors.badRequest("InvalidAMIID.NotFound", "The image id '[%s]' does not exist", id);
    }

    static AwsException imageMalformed(String id) {
        return AwsErrors.badRequest("InvalidAMIID.Malformed", "Invalid id: \"%s\" (expecting \"ami-...\")", id);
    }

    static AwsException imageNotOwned(String id) {
        return AwsErrors.badRequest("AuthFailure", "Not authorized for image:%s", id);
    }

    static AwsException imageAttribute(String attribute) {
        return AwsErrors.badRequest("InvalidRequest", "Attribute %s is not supported for this operation.", attribute);
    }

    static AwsException regionNotFound(String region) {
        return AwsErrors.badRequest("InvalidParameterValue", "Invalid region: %s", region);
    }

    // --- volumes

    static AwsException volumeNotFound(String id) {
        return AwsErrors.badRequest("InvalidVolume.NotFound", "The volume '%s' does not exist.", id);
    }

    static AwsException volumeAttached(String volumeId, String instanceId) {
        return AwsErrors.badRequest("VolumeInUse", "Volume %s is currently attached to %s", volumeId, instanceId);
    }

    static AwsException volumeAlreadyAttached(String volumeId) {
        return AwsErrors.badRequest("VolumeInUse", "%s is already attached to an instance", volumeId);
    }

    static AwsException volumeState(String volumeId, String state) {
        return AwsErrors.badRequest("IncorrectState", "Volume '%s' is in the '%s' state.", volumeId, state);
    }

    static AwsException zoneNotFound(String zone) {
        return AwsErrors.badRequest("InvalidZone.NotFound", "The zone '%s' does not exist.", zone);
    }

    static AwsException zoneMismatch(String volumeId, String instanceId) {
        return AwsErrors.badRequest("InvalidVolume.ZoneMismatch",
                "The volume '%s' is not in the same availability zone as instance '%s'", volumeId, instanceId);
    }

    static AwsException instanceNotFound(String instanceId) {
        return AwsErrors.badRequest("InvalidInstanceID.NotFound", "The instance ID '%s' does not exist", instanceId);
    }

    static AwsException instanceState(String instanceId, String state) {
        return AwsErrors.badRequest("IncorrectInstanceState",
                "The instance '%s' is not in a state from which the request can be performed: %s", instanceId, state);
    }

    static AwsException deviceInUse(String device) {
        return invalidValue("Invalid value '%s' for unixDevice. Attachment point %s is already in use", device, device);
    }

    static AwsException deviceName(String device) {
        return invalidValue("Value (%s) for parameter device is invalid. %s is not a valid EBS device name.", device, device);
    }

    static AwsException attachmentNotFound(String volumeId, String instanceId) {
        return AwsErrors.badRequest("InvalidAttachment.NotFound",
                "The volume '%s' is not attached to instance '%s'", volumeId, instanceId);
    }

    static AwsException modificationInProgress(String volumeId) {
        return AwsErrors.badRequest("IncorrectModificationState",
                "Cannot modify volume %s as it is already being modified", volumeId);
    }

    static AwsException modificationRate() {
        return AwsErrors.badRequest("VolumeModificationRateExceeded",
                "You've reached the maximum modification rate per volume limit. Wait at least 6 hours between modifications per EBS volume.");
    }

    static AwsException modificationNotFound(String volumeId) {
        return AwsErrors.badRequest("InvalidVolumeModification.NotFound",
                "Modification for volume '%s' does not exist.", volumeId);
    }

    // --- snapshots

    static AwsException snapshotNotFound(String id) {
        return AwsErrors.badRequest("InvalidSnapshot.NotFound", "The snapshot '%s' does not exist.", id);
    }

    static AwsException snapshotInUse(String snapshotId, String imageId) {
        return AwsErrors.badRequest("InvalidSnapshot.InUse", "The snapshot %s is currently in use by %s", snapshotId, imageId);
    }

    static AwsException snapshotNotReady(String snapshotId) {
        return AwsErrors.badRequest("IncorrectState", "Snapshot '%s' is not 'completed'.", snapshotId);
    }
}
