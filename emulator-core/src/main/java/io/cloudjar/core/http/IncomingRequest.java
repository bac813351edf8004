package io.cloudjar.core.http;

import java.net.InetSocketAddress;

/** An HTTP request as the pipeline sees it: transport-neutral, so codecs are tested without a socket. */
public final class IncomingRequest {
    private final String method;
    private final String uri;
    private final String rawPath;
    private final String rawQuery;
    private final QueryParams query;
    private final Headers headers;
    private final RequestBody body;
    private final InetSocketAddress remoteAddress;

    public IncomingRequest(String method, String uri, Headers headers, RequestBody body, InetSocketAddress remoteAddress) {
        this.method = method;
        this.uri = uri;
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        if (path.startsWith("http://") || path.startsWith("https://")) { // absolute-form request target
            int slash = path.indexOf('/', path.indexOf("//") + 2);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        this.rawPath = path.isEmpty() ? "/" : path;
        this.rawQuery = q < 0 ? "" : uri.substring(q + 1);
        this.query = QueryParams.parse(rawQuery);
        this.headers = headers;
        this.body = body;
        this.remoteAddress = remoteAddress;
    }

    public String method() {
        return method;
    }

    public String uri() {
        return uri;
    }

    /** The path exactly as sent, still percent-encoded. */
    public String rawPath() {
        return rawPath;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public QueryParams query() {
        return query;
    }

    public Headers headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public RequestBody body() {
        return body;
    }

    /** The Host header without its port. */
    public String hostName() {
        String host = headers.get("Host");
        if (host == null) {
            return "";
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return (colon < 0 ? host : host.substring(0, colon)).toLowerCase(java.util.Locale.ROOT);
    }

    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
