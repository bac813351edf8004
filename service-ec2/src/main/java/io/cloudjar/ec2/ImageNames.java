package io.cloudjar.ec2;

import io.cloudjar.core.errors.AwsErrors;
import java.util.regex.Pattern;

/** The names CopyImage and CreateImage accept for a new AMI. */
final class ImageNames {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9()\\[\\] ./\\-'@_]{3,128}");

    private ImageNames() {
    }

    static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw AwsErrors.badRequest("InvalidAMIName.Malformed",
                    "AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'");
        }
        return name;
    }
}
