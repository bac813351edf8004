package io.cloudjar.core.routing;

import io.cloudjar.core.config.EmulatorConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host names Cloudjar answers to, and which of them are this machine's own. A web page can make a browser
 * send requests to {@code localhost:4566}; with DNS rebinding (a name the attacker controls, re-pointed at
 * 127.0.0.1) it can also read the answers, but the browser then sends the attacker's name as Host, so only names
 * the attacker cannot point here are served:
 * <ul>
 * <li>{@code localhost}, {@code *.localhost} (S3 virtual hosts), {@code *.localstack.cloud}, AWS's own names
 * ({@code *.amazonaws.com}, {@code *.amazonaws.com.cn}: S3 virtual hosts, {@code ec2.us-west-2.amazonaws.com});</li>
 * <li>any IP literal (no DNS is involved, so nothing can rebind it; it covers every address of a container);</li>
 * <li>no Host at all (HTTP/1.0; browsers always send one);</li>
 * <li>the name of {@code --host}, {@code LOCALSTACK_HOST}, and {@code CLOUDJAR_ALLOWED_HOSTS} (comma-separated
 * names, {@code *.suffix} for a domain, {@code *} for any host), for container names and the like.</li>
 * </ul>
 * Web pages are judged by the narrower set of local names ({@link #isLocal}): AWS's names are left out, since
 * anyone can serve a page from an S3 bucket there.
 */
public final class ServedHosts {
    public static final String ALLOWED_HOSTS = "CLOUDJAR_ALLOWED_HOSTS";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+(%25[0-9a-z._~-]+)?]");

    private final Set<String> names = new HashSet<>();
    private final List<String> suffixes = new ArrayList<>();
    private final boolean any;

    private ServedHosts(Set<String> configured, boolean any) {
        for (String name : configured) {
            if (name.startsWith("*.")) {
                suffixes.add(name.substring(1));
            } else {
                names.add(name);
            }
        }
        this.any = any;
    }

    public static ServedHosts of(EmulatorConfig config) {
        Set<String> configured = new HashSet<>();
        boolean any = false;
        String bound = name(config.host());
        if (!bound.isEmpty() && !bound.equals("0.0.0.0") && !bound.equals("[::]")) {
            configured.add(bound);
        }
        String localstackHost = config.env("LOCALSTACK_HOST", "");
        if (!localstackHost.isBlank()) {
            configured.add(name(localstackHost.trim()));
        }
        for (String entry : config.env(ALLOWED_HOSTS, "").split(",")) {
            String name = name(entry.trim());
            if (name.equals("*")) {
                any = true;
            } else if (!name.isEmpty()) {
                configured.add(name);
            }
        }
        return new ServedHosts(configured, any);
    }

    /** Whether a Host header's name (without its port, as {@code IncomingRequest.hostName()} gives it) is served. */
    public boolean serves(String host) {
        String h = canonical(host);
        return any || h.isEmpty() || isLocal(h) || IPV4.matcher(h).matches() || IPV6.matcher(h).matches()
                || h.endsWith(".localstack.cloud") || h.endsWith(".amazonaws.com") || h.endsWith(".amazonaws.com.cn");
    }

    /** Whether a host is this machine's own: a page served from it is not a foreign site. */
    public boolean isLocal(String host) {
        String h = canonical(host);
        return h.equals("localhost") || h.endsWith(".localhost") || isLoopback(h)
                || h.equals("localhost.localstack.cloud") || h.endsWith(".localhost.localstack.cloud")
                || names.contains(h) || suffixes.stream().anyMatch(h::endsWith);
    }

    private static boolean isLoopback(String h) {
        return (h.startsWith("127.") && IPV4.matcher(h).matches()) || h.equals("[::1]") || h.equals("[0:0:0:0:0:0:0:1]")
                || h.startsWith("[::ffff:127.");
    }

    /** Lower case, without the trailing dot of a fully qualified name. */
    private static String canonical(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** The name of {@code host[:port]}, {@code [v6][:port]} or a bare IPv6 address (bracketed). */
    private static String name(String hostAndPort) {
        String h = hostAndPort.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        if (h.indexOf(':') != h.lastIndexOf(':')) {
            return "[" + h + "]"; // a bare IPv6 address, as --host may give it
        }
        int colon = h.indexOf(':');
        return canonical(colon < 0 ? h : h.substring(0, colon));
    }
}
