package io.cloudjar.s3;

import java.util.regex.Pattern;

/** S3's general-purpose bucket naming rules (S3 User Guide, "Bucket naming rules"). */
final class BucketNames {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    private BucketNames() {
    }

    static boolean isValid(String name) {
        return name != null
                && SHAPE.matcher(name).matches()
                && !IP_ADDRESS.matcher(name).matches()
                && !name.contains("..") && !name.contains(".-") && !name.contains("-.")
                && !name.startsWith("xn--") && !name.startsWith("sthree-") && !name.startsWith("amzn-s3-demo-")
                && !name.endsWith("-s3alias") && !name.endsWith("--ol-s3") && !name.endsWith(".mrap")
                && !name.endsWith("--x-s3") && !name.endsWith("--table-s3");
    }
}
