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
    /** The status of an error raised with {@link AwsErrors#modeled} until the pipeline sets the model's. */
    public static final int STATUS_FROM_MODEL = 0;

    private final String code;
    private final int status;
    private final boolean senderFault;
    private final Map<String, String> details = new LinkedHashMap<>();
    private Object responseMembers;

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

    /** The HTTP status; {@link #STATUS_FROM_MODEL} for a modeled error the pipeline has not answered yet. */
    public int status() {
        return status;
    }

    /** Whether the status is still to be taken from the API model ({@link AwsErrors#modeled}). */
    public boolean statusFromModel() {
        return status == STATUS_FROM_MODEL;
    }

    /** This error with the status and fault side the API model declares; message, details and response members kept. */
    public AwsException withModelStatus(int modelStatus, boolean modelSenderFault) {
        AwsException resolved = new AwsException(code, modelStatus, getMessage(), modelSenderFault);
        resolved.details.putAll(details);
        resolved.responseMembers = responseMembers;
        return resolved;
    }

    /** AWS query's {@code <Type>Sender</Type>} versus {@code Receiver}. */
    public boolean senderFault() {
        return senderFault;
    }

    /** Extra elements of the error body, e.g. S3's {@code BucketName}, {@code Key}, {@code Condition}. */
    public Map<String, String> details() {
        return Collections.unmodifiableMap(details);
    }

    /**
     * Members of the operation's SDK response that AWS answers along with this error (S3's {@code DeleteMarker}
     * and {@code VersionId} on a 404, the {@code ETag} of a 304); the codec writes those its protocol binds to
     * headers. Null when there are none.
     */
    public Object responseMembers() {
        return responseMembers;
    }

    public AwsException withDetail(String name, String value) {
        if (value != null) {
            details.put(name, value);
        }
        return this;
    }

    /** @param sdkResponse an SDK response object holding the members to answer with the error */
    public AwsException withResponseMembers(Object sdkResponse) {
        this.responseMembers = sdkResponse;
        return this;
    }
}
