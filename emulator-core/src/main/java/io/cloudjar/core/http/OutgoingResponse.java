package io.cloudjar.core.http;

/** An HTTP response ready for the transport to write. */
public final class OutgoingResponse {
    private final int status;
    private final Headers headers;
    private final ResponseBody body;

    public OutgoingResponse(int status, Headers headers, ResponseBody body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public static OutgoingResponse of(int status, String contentType, byte[] body) {
        Headers headers = new Headers();
        if (contentType != null) {
            headers.set("Content-Type", contentType);
        }
        return new OutgoingResponse(status, headers, ResponseBody.of(body));
    }

    public int status() {
        return status;
    }

    public Headers headers() {
        return headers;
    }

    public ResponseBody body() {
        return body;
    }
}
