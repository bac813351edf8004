package io.cloudjar.ec2;

import io.cloudjar.vpc.api.Ec2Errors;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** EBS encryption keys: the account's AWS-managed {@code aws/ebs} key unless the caller names one. */
final class Encryption {
    private Encryption() {
    }

    /** The {@code aws/ebs} key ARN of an account in a region: stable, derived from both. */
    static String defaultKey(String accountId, String region) {
        UUID id = UUID.nameUUIDFromBytes(("aws/ebs:" + accountId + ":" + region).getBytes(StandardCharsets.UTF_8));
        return "arn:aws:kms:" + region + ":" + accountId + ":key/" + id;
    }

    /**
     * The key of a new encrypted volume or snapshot: the one asked for (an id, alias or ARN, kept as given
     * in ARN form), else the source's, else the default; null when not encrypted.
     */
    static String keyFor(boolean encrypted, String requested, String inherited, String accountId, String region) {
        if (!encrypted) {
            return null;
        }
        if (requested != null) {
            return requested.startsWith("arn:") ? requested : "arn:aws:kms:" + region + ":" + accountId
                    + (requested.startsWith("alias/") ? ":" : ":key/") + requested;
        }
        return inherited != null ? inherited : defaultKey(accountId, region);
    }

    static void checkKmsDependency(String kmsKeyId, Boolean encrypted) {
        if (kmsKeyId != null && !Boolean.TRUE.equals(encrypted)) {
            throw Ec2Errors.of("InvalidParameterDependency");
        }
    }
}
