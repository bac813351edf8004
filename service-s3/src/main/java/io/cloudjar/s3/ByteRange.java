package io.cloudjar.s3;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code Range: bytes=…} request resolved against an object's size, as S3 serves it. */
record ByteRange(long start, long end) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    long length() {
        return end - start + 1;
    }

    String contentRange(long size) {
        return "bytes " + start + "-" + end + "/" + size;
    }

    /**
     * The range to serve, or null for the whole object: S3 ignores a header it cannot parse and serves
     * everything. A range that starts past the end is unsatisfiable (416 InvalidRange).
     */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        try {
            if (m.group(1).isEmpty()) { // suffix: the last N bytes
                long n = Long.parseLong(m.group(2));
                if (n == 0 || size == 0) {
                    throw S3Errors.invalidRange(size);
                }
                return new ByteRange(Math.max(0, size - n), size - 1);
            }
            long start = Long.parseLong(m.group(1));
            long end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < start) {
                return null; // an inverted range is syntactically invalid: ignored
            }
            if (start >= size) {
                throw S3Errors.invalidRange(size);
            }
            return new ByteRange(start, end);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
