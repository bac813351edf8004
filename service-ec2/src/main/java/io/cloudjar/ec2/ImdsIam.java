package io.cloudjar.ec2;

import io.cloudjar.core.spi.InstanceProfiles;
import io.cloudjar.vpc.api.Scope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code meta-data/iam/} of an instance with an instance profile whose role IAM knows: {@code info} and
 * {@code security-credentials/ROLE}, the role's temporary credentials from IAM ({@link InstanceProfiles}), which
 * renews them before they expire. Absent when the instance has no profile, the profile holds no role, or IAM
 * does not run. When the role's trust policy does not let EC2 assume it, {@code info} says so with EC2's
 * {@code AssumeRoleUnauthorizedAccess} and there are no credentials.
 */
final class ImdsIam {
    private ImdsIam() {
    }

    static void add(MetadataTree metaData, ComputeStore store, Scope scope, InstanceRecord instance, Instant now) {
        Optional<InstanceProfiles> iam = store.profiles();
        if (instance.profile() == null || iam.isEmpty()) {
            return;
        }
        InstanceProfiles profiles = iam.get();
        String profileArn = instance.profile().arn();
        Optional<InstanceProfiles.Profile> profile = profiles.find(scope.accountId(), profileArn);
        if (profile.isEmpty() || profile.get().roleNames().isEmpty()) {
            return;
        }
        String role = profile.get().roleNames().get(0);
        Supplier<Optional<InstanceProfiles.RoleCredentials>> credentials = once(
                () -> profiles.credentialsFor(scope.accountId(), profileArn, instance.instanceId()));
        MetadataTree dir = metaData.dir("iam");
        dir.value("info", () -> ImdsAnswers.json(credentials.get()
                .map(c -> info(c.issued(), profile.get()))
                .orElseGet(() -> unauthorized(role, now))));
        dir.dir("security-credentials").value(role, () -> credentials.get().filter(c -> c.roleName().equals(role))
                .map(c -> ImdsAnswers.json(document(c))).orElse(null));
    }

    private static Map<String, Object> info(Instant lastUpdated, InstanceProfiles.Profile profile) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("Code", "Success");
        info.put("LastUpdated", time(lastUpdated));
        info.put("InstanceProfileArn", profile.arn());
        info.put("InstanceProfileId", profile.id());
        return info;
    }

    private static Map<String, Object> unauthorized(String role, Instant now) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("Code", "AssumeRoleUnauthorizedAccess");
        info.put("Message", "EC2 cannot assume the role " + role + ".  Please see documentation at "
                + "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html#troubleshoot_iam-ec2_errors-info-doc.");
        info.put("LastUpdated", time(now));
        return info;
    }

    /** The document the SDKs' instance profile credential providers read. */
    private static Map<String, Object> document(InstanceProfiles.RoleCredentials c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Code", "Success");
        doc.put("LastUpdated", time(c.issued()));
        doc.put("Type", "AWS-HMAC");
        doc.put("AccessKeyId", c.accessKeyId());
        doc.put("SecretAccessKey", c.secretAccessKey());
        doc.put("Token", c.sessionToken());
        doc.put("Expiration", time(c.expiration()));
        return doc;
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Asks IAM at most once per request, and only when a credentials path is read. */
    private static <T> Supplier<T> once(Supplier<T> source) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = source.get();
                }
                return value;
            }
        };
    }
}
