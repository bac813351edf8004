package io.cloudjar.ec2;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import java.util.Collection;

/** The EC2 errors of instance calls, worded as AWS words them. */
final class InstanceErrors {
    private InstanceErrors() {
    }

    static AwsException notFound(Collection<String> ids) {
        return ids.size() == 1 ? Ec2Errors.instanceNotFound(ids.iterator().next())
                : AwsErrors.badRequest("InvalidInstanceID.NotFound", "The instance IDs '%s' do not exist", String.join(", ", ids));
    }

    static AwsException malformed(String id) {
        return AwsErrors.badRequest("InvalidInstanceID.Malformed", "Invalid id: \"%s\"", id);
    }

    /** {@code verb}: stopped, started, rebooted, ... as in "is not in a state from which it can be stopped". */
    static AwsException cannot(String instanceId, String verb) {
        return AwsErrors.badRequest("IncorrectInstanceState",
                "The instance '%s' is not in a state from which it can be %s.", instanceId, verb);
    }

    static AwsException notStopped(String instanceId) {
        return AwsErrors.badRequest("IncorrectInstanceState", "The instance '%s' is not in the 'stopped' state.", instanceId);
    }

    static AwsException terminationProtected(String instanceId) {
        return AwsErrors.badRequest("OperationNotPermitted",
                "The instance '%s' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.",
                instanceId);
    }

    static AwsException stopProtected(String instanceId) {
        return AwsErrors.badRequest("OperationNotPermitted",
                "The instance '%s' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.", instanceId);
    }

    static AwsException instanceType(String type) {
        return Ec2Errors.invalidValue("Invalid value '%s' for InstanceType.", type);
    }

    static AwsException architectureMismatch(String typeArchitecture, String imageArchitecture) {
        return Ec2Errors.invalidValue("The architecture '%s' of the specified instance type does not match the architecture "
                + "'%s' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try "
                + "again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the "
                + "instance type or AMI.", typeArchitecture, imageArchitecture);
    }

    static AwsException imageUnavailable(String imageId) {
        return AwsErrors.badRequest("InvalidAMIID.Unavailable", "The image id '[%s]' is not available", imageId);
    }

    static AwsException userDataEncoding() {
        return Ec2Errors.invalidValue("Invalid BASE64 encoding of user data.");
    }

    static AwsException userDataSize() {
        return Ec2Errors.invalidValue("User data is limited to 16384 bytes");
    }

    static AwsException blockDeviceMapping(String message, Object... args) {
        return AwsErrors.badRequest("InvalidBlockDeviceMapping", message, args);
    }

    static AwsException profileNotFound(String parameter, String value) {
        return Ec2Errors.invalidValue("Value (%s) for parameter %s is invalid. Invalid IAM Instance Profile %s", value,
                parameter, parameter.endsWith("arn") ? "ARN" : "name");
    }

    static AwsException profileAssociated(String instanceId) {
        return AwsErrors.badRequest("IncorrectState", "There is an existing association for instance %s", instanceId);
    }

    static AwsException profileAssociationNotFound(String associationId) {
        return AwsErrors.badRequest("InvalidAssociationID.NotFound", "An invalid association-id of '%s' was given", associationId);
    }

    static AwsException unknownAttribute(String attribute) {
        return Ec2Errors.invalidValue("Value (%s) for parameter attribute is invalid. Unknown attribute.", attribute);
    }

    static AwsException unsupported(String message, Object... args) {
        return AwsErrors.badRequest("UnsupportedOperation", message, args);
    }
}
