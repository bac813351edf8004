package io.cloudjar.lightsail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The DNS name and address checks Lightsail's domain, certificate and load balancer calls share. */
final class DnsNames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private DnsNames() {
    }

    /** Lower case, without the trailing dot DNS allows. */
    static String normalize(String name) {
        String lower = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** A host name of at least {@code minLabels} labels; the first may be {@code *} when {@code wildcard}. */
    static boolean isHostName(String name, int minLabels, boolean wildcard) {
        String n = normalize(name);
        if (n.isEmpty() || n.length() > 253) {
            return false;
        }
        String[] labels = n.split("\\.", -1);
        if (labels.length < minLabels) {
            return false;
        }
        for (int i = 0; i < labels.length; i++) {
            boolean star = wildcard && i == 0 && labels[i].equals("*");
            if (!star && !LABEL.matcher(labels[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    /** {@code name} is {@code domain} itself or a name inside it. */
    static boolean isWithin(String name, String domain) {
        String n = normalize(name);
        String d = normalize(domain);
        return n.equals(d) || n.endsWith("." + d);
    }

    static boolean isIpv4(String text) {
        return text != null && IPV4.matcher(text).matches();
    }

    static boolean isIpv6(String text) {
        if (text == null || !text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
            return false;
        }
        try {
            // a literal (checked above) is parsed, never looked up
            return InetAddress.getByName(text).getAddress().length == 16;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
