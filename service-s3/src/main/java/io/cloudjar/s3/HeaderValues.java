package io.cloudjar.s3;

import io.cloudjar.core.util.HeaderText;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Values a request gives that S3 answers later as response headers (the {@code response-*} overrides of a read, an
 * object's entity headers and user metadata) must be header text: one that is not could never be answered, so it is
 * refused when it arrives rather than stored. Request headers are already header text (the transport refuses others);
 * query parameters and browser-form fields need the check.
 */
final class HeaderValues {
    private HeaderValues() {
    }

    /**
     * A {@code response-*} override: S3 answers a value beyond ISO-8859-1 with 400 InvalidArgument naming the
     * parameter; a control character is refused the same way.
     */
    static void checkOverride(String parameter, String value) {
        HeaderText.Problem problem = HeaderText.checkValue(value);
        if (problem == HeaderText.Problem.NOT_ISO_8859_1) {
            throw S3Errors.invalidArgument("Header value cannot be represented using ISO-8859-1.", parameter, value);
        }
        if (problem == HeaderText.Problem.CONTROL_CHARACTER) {
            throw S3Errors.invalidArgument("Header value contains a character that is not allowed in an HTTP header.", parameter,
                    value);
        }
    }

    /**
     * A value stored with an object and answered on every GET and HEAD. Characters beyond ISO-8859-1 are kept (a
     * form's UTF-8 metadata); control characters (CR, LF, ...) are refused.
     */
    static void checkStored(String header, String value) {
        if (HeaderText.checkValue(value) == HeaderText.Problem.CONTROL_CHARACTER) {
            throw S3Errors.invalidArgument("Header value contains a character that is not allowed in an HTTP header.", header, value);
        }
    }

    /** S3's bound on user metadata: the UTF-8 bytes of every key and value together. */
    static final int MAX_METADATA_BYTES = 2048;

    /**
     * User metadata: each name must be a header name token, each value storable header text, and all of it together at
     * most {@link #MAX_METADATA_BYTES} (S3: 400 MetadataTooLarge).
     */
    static void checkMetadata(Map<String, String> metadata) {
        if (metadata == null) {
            return;
        }
        long size = 0;
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            size += entry.getKey().getBytes(StandardCharsets.UTF_8).length
                    + (entry.getValue() == null ? 0 : entry.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (size > MAX_METADATA_BYTES) {
            throw S3Errors.metadataTooLarge(size, MAX_METADATA_BYTES);
        }
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            String header = "x-amz-meta-" + entry.getKey();
            if (!HeaderText.isValidName(header)) {
                throw S3Errors.invalidArgument("Metadata name is not a valid HTTP header name.", header, entry.getValue());
            }
            checkStored(header, entry.getValue());
        }
    }
}
