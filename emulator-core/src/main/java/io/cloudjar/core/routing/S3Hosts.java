package io.cloudjar.core.routing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3 virtual-host addressing: which bucket (and region) a Host header names. The hosts are LocalStack's
 * ({@code bucket.s3.localhost.localstack.cloud}, {@code bucket.localhost}) and AWS's own
 * ({@code bucket.s3.eu-west-1.amazonaws.com}, {@code bucket.s3.amazonaws.com}).
 */
public final class S3Hosts {
    private static final List<Pattern> BUCKET_HOSTS = List.of(
            Pattern.compile("^(?<bucket>.+)\\.s3(?:[.-]website)?\\.localhost\\.localstack\\.cloud$"),
            Pattern.compile("^(?<bucket>.+)\\.s3(?:-website)?[.-](?:dualstack\\.)?(?<region>[a-z]{2}(?:-gov)?-[a-z]+-\\d)\\.amazonaws\\.com$"),
            Pattern.compile("^(?<bucket>.+)\\.s3(?:-external-1)?\\.amazonaws\\.com$"),
            Pattern.compile("^(?<bucket>.+)\\.s3(?:-website)?\\.localhost$"),
            Pattern.compile("^(?<bucket>.+)\\.localhost$"));
    private static final List<Pattern> SERVICE_HOSTS = List.of(
            Pattern.compile("^s3\\.localhost\\.localstack\\.cloud$"),
            Pattern.compile("^s3(?:[.-](?:dualstack\\.)?(?<region>[a-z]{2}(?:-gov)?-[a-z]+-\\d))?\\.amazonaws\\.com$"),
            Pattern.compile("^s3\\.localhost$"));

    private S3Hosts() {
    }

    /** The S3 address a host names, or null when it is not an S3 host. */
    public static Address parse(String host) {
        // every pattern ends in one of these: most calls (127.0.0.1, a compose service name) skip eight matchers
        if (!host.endsWith("localhost") && !host.endsWith(".amazonaws.com") && !host.endsWith(".localstack.cloud")) {
            return null;
        }
        for (Pattern p : SERVICE_HOSTS) {
            Matcher m = p.matcher(host);
            if (m.matches()) {
                return new Address(null, group(m, "region"));
            }
        }
        for (Pattern p : BUCKET_HOSTS) {
            Matcher m = p.matcher(host);
            if (m.matches()) {
                return new Address(m.group("bucket"), group(m, "region"));
            }
        }
        return null;
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @param bucket null for the service endpoint itself (ListBuckets, path-style requests) */
    public record Address(String bucket, String region) {
    }
}
