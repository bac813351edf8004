package io.cloudjar.core.spi;

import io.cloudjar.core.http.ResponseBody;

/**
 * What an operation with a streaming result (S3 GetObject) returns: the SDK response, whose members
 * become headers, and the body, sent from a file region or a stream without buffering it.
 */
public record StreamingOutput<R>(R response, ResponseBody body, int status) {
    /** A complete body with the operation's usual status. */
    public StreamingOutput(R response, ResponseBody body) {
        this(response, body, 0);
    }
}
