package io.cloudjar.core.auth;

import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.util.PercentCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SigV4's canonical request, rebuilt from the request as received: method, URI, sorted query, the signed
 * headers (values trimmed, inner runs of spaces folded to one, repeated headers joined with commas), their
 * names, and the payload hash.
 */
final class CanonicalRequest {
    private CanonicalRequest() {
    }

    static String of(IncomingRequest request, SigV4Credential credential, String payloadHash) {
        StringBuilder sb = new StringBuilder();
        sb.append(request.method()).append('\n');
        sb.append(uri(request.rawPath(), "s3".equals(credential.service()))).append('\n');
        sb.append(query(request.rawQuery())).append('\n');
        for (String name : credential.signedHeaders()) {
            List<String> values = request.headers().getAll(name);
            List<String> folded = new ArrayList<>(values.size());
            values.forEach(v -> folded.add(v.trim().replaceAll(" +", " ")));
            sb.append(name.toLowerCase(Locale.ROOT)).append(':').append(String.join(",", folded)).append('\n');
        }
        sb.append('\n').append(String.join(";", credential.signedHeaders())).append('\n');
        sb.append(payloadHash);
        return sb.toString();
    }

    /**
     * S3 signs each path segment encoded once (its keys are not normalised); every other service encodes the
     * path as sent once more, so {@code %2F} in a path is signed as {@code %252F}.
     */
    static String uri(String rawPath, boolean s3) {
        String[] segments = rawPath.split("/", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            String segment = s3 ? PercentCodec.decode(segments[i], false) : segments[i];
            sb.append(PercentCodec.encode(segment, false));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    /** Every parameter but the signature itself, name and value encoded as SigV4 encodes, sorted by name then value. */
    static String query(String rawQuery) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PercentCodec.decode(eq < 0 ? pair : pair.substring(0, eq), false);
            if (name.equals("X-Amz-Signature")) {
                continue;
            }
            String value = eq < 0 ? "" : PercentCodec.decode(pair.substring(eq + 1), false);
            pairs.add(new String[] {PercentCodec.encode(name, false), PercentCodec.encode(value, false)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }
}
