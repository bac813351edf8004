package io.cloudjar.core.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error AWS would answer with. Providers throw it; the protocol codec turns it into the API's exact
 * error shape (EC2 {@code <Response><Errors>}, query {@code <ErrorResponse>}, S3 {@code <Error>}, JSON
 * {@code __type}). Nothing in a service builds an error body itself.
 */
public class AwsException extends RuntimeException {
    private final String code;
    private final int status;
    private final boolean senderFault;
    private final Map<String, String> details = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public AwsException(String code, int status, String message) {
        this(code, status, message, status < 500);
    }

    public AwsException(String code, int status, String message, boolean senderFault) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.senderFault = senderFault;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** AWS query's {@code <Type>Sender</Type>} versus {@code Receiver}. */
    public boolean senderFault() {
        return senderFault;
    }

    /** Extra elements of the error body, e.g. S3's {@code BucketName}, {@code Key}, {@code Condition}. */
    public Map<String, String> details() {
        return Collections.unmodifiableMap(details);
    }

    /** Headers AWS sends with this error, e.g. S3's {@code x-amz-delete-marker} on a 404. */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public AwsException withDetail(String name, String value) {
        if (value != null) {
            details.put(name, value);
        }
        return this;
    }

    public AwsException withHeader(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }
}
