package io.cloudjar.core.pipeline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3 website endpoint host names: {@code <bucket>.s3-website.localhost} and AWS's
 * {@code <bucket>.s3-website-<region>.amazonaws.com} and {@code <bucket>.s3-website.<region>.amazonaws.com}.
 */
final class WebsiteHosts {
    private static final Pattern WEBSITE = Pattern.compile(
            "(.+)\\.s3-website(?:\\.localhost|-[a-z0-9-]+\\.amazonaws\\.com|\\.[a-z0-9-]+\\.amazonaws\\.com)");

    private WebsiteHosts() {
    }

    /** The bucket a website host names, or null when the host is not a website endpoint. */
    static String bucket(String host) {
        if (host == null) {
            return null;
        }
        Matcher m = WEBSITE.matcher(host.toLowerCase(Locale.ROOT));
        return m.matches() ? m.group(1) : null;
    }
}
