package io.cloudjar.core.routing;

import io.cloudjar.core.http.IncomingRequest;
import java.util.Locale;

/**
 * Whether a request was sent by a web page of another site, which a browser says in two headers no page can
 * forge: {@code Origin} (on every POST and every cross-origin fetch) and, where it leaves Origin out (a GET from an
 * image or a link), {@code Sec-Fetch-Site}. A page of this machine ({@link ServedHosts#isLocal}, or the very host
 * the request was sent to) is not foreign; {@code Origin: null} (sandboxed frames, files) is. Clients other than
 * browsers send neither header.
 */
public final class CrossSite {
    private CrossSite() {
    }

    public static boolean isForeign(IncomingRequest request, ServedHosts hosts) {
        String origin = request.header("Origin");
        if (origin != null) {
            String host = hostOf(origin.trim());
            return host == null || !(hosts.isLocal(host) || host.equals(request.hostName().toLowerCase(Locale.ROOT)));
        }
        return "cross-site".equalsIgnoreCase(request.header("Sec-Fetch-Site"));
    }

    /** The host of {@code scheme://host[:port]}, or null when the origin is opaque ({@code null}) or malformed. */
    public static String hostOf(String origin) {
        int scheme = origin.indexOf("://");
        if (scheme <= 0) {
            return null;
        }
        String authority = origin.substring(scheme + 3);
        int slash = authority.indexOf('/');
        if (slash >= 0) {
            authority = authority.substring(0, slash);
        }
        String host;
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            host = end < 0 ? null : authority.substring(0, end + 1);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
        }
        return host == null || host.isEmpty() || authority.contains("@") ? null : host.toLowerCase(Locale.ROOT);
    }
}
