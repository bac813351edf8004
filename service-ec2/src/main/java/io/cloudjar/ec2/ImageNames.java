package io.cloudjar.ec2;

import io.cloudjar.vpc.api.Ec2Errors;
import java.util.regex.Pattern;

/** The names CopyImage and CreateImage accept for a new AMI. */
final class ImageNames {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9()\\[\\] ./\\-'@_]{3,128}");

    private ImageNames() {
    }

    static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Ec2Errors.of("InvalidAMIName.Malformed");
        }
        return name;
    }
}
