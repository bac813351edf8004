package io.cloudjar.ec2;

import io.cloudjar.core.spi.InstanceProfiles;
import io.cloudjar.vpc.api.Ec2Errors;
import java.util.List;

/**
 * Resolves the instance profile a call names ({@code IamInstanceProfile.Arn} or {@code .Name}) through IAM.
 * Without IAM running, an ARN is taken as given (its name is its last path part) so EC2 works alone.
 */
final class IamProfiles {
    private IamProfiles() {
    }

    static InstanceProfiles.Profile resolve(ComputeStore store, String accountId, String arn, String name) {
        if (arn != null && name != null) {
            throw Ec2Errors.of("InvalidParameterCombination#iamProfileNameAndArn");
        }
        if (arn == null && name == null) {
            throw Ec2Errors.of("MissingParameter", "IamInstanceProfile.Arn or IamInstanceProfile.Name");
        }
        String parameter = arn != null ? "iamInstanceProfile.arn" : "iamInstanceProfile.name";
        String given = arn != null ? arn : name;
        var profiles = store.profiles();
        if (profiles.isEmpty()) {
            if (arn == null) {
                return new InstanceProfiles.Profile("arn:aws:iam::" + accountId + ":instance-profile/" + name,
                        "AIPA" + Integer.toHexString(name.hashCode()).toUpperCase(), name, List.of());
            }
            return new InstanceProfiles.Profile(arn, "AIPA" + Integer.toHexString(arn.hashCode()).toUpperCase(),
                    arn.substring(arn.lastIndexOf('/') + 1), List.of());
        }
        return profiles.get().find(accountId, given).orElseThrow(() -> Ec2Errors.of("InvalidParameterValue#iamProfile",
                given, parameter, parameter.endsWith("arn") ? "ARN" : "name"));
    }
}
