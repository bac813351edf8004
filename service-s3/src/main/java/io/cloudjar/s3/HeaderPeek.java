package io.cloudjar.s3;

/** Throwaway: a service reading HTTP headers itself. */
final class HeaderPeek {
    static String contentType(io.cloudjar.core.http.Headers headers) {
        return headers.get("Content-Type");
    }
}
