package io.cloudjar.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * IAM's instance profiles as EC2 uses them, so that service-ec2 needs no dependency on service-iam:
 * RunInstances checks the profile it is given, and the instance metadata service hands out the role's
 * temporary credentials as EC2 does. Implemented by service-iam; found with {@link ServiceContext#lookup}
 * (absent when IAM is not started, and EC2 then takes profiles as given).
 */
public interface InstanceProfiles {
    /**
     * The profile named by name or ARN in the account.
     *
     * @return empty when no such profile exists
     */
    Optional<Profile> find(String accountId, String nameOrArn);

    /**
     * Credentials of the profile's role for an EC2 instance, as if {@code ec2.amazonaws.com} had assumed
     * the role with the instance id as session name; a later call signed with them acts as
     * {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/INSTANCE_ID}.
     *
     * @return empty when the profile no longer exists or holds no role
     */
    Optional<RoleCredentials> credentialsFor(String accountId, String profileArn, String instanceId);

    /**
     * An instance profile and the names and ARNs (with their paths) of its roles (at most one, as IAM allows): the
     * ARN is what {@code iam:PassRole} is authorized on when a call hands the profile to an instance.
     */
    record Profile(String arn, String id, String name, List<String> roleNames, List<String> roleArns) {
        public Profile {
            roleNames = List.copyOf(roleNames);
            roleArns = List.copyOf(roleArns);
        }

        /** A profile whose roles sit on the root path. */
        public Profile(String arn, String id, String name, List<String> roleNames) {
            this(arn, id, name, roleNames, roleNames.stream()
                    .map(role -> arn.substring(0, arn.indexOf(":instance-profile/")) + ":role/" + role).toList());
        }
    }

    /** Temporary credentials ({@code ASIA…}) of a role session and when they were issued and expire. */
    record RoleCredentials(String roleName, String accessKeyId, String secretAccessKey, String sessionToken,
                           Instant issued, Instant expiration) {
    }
}
