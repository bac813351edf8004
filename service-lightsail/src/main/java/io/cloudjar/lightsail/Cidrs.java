package io.cloudjar.lightsail;

import java.util.regex.Pattern;

/** The CIDR blocks a firewall rule may name, checked so a typo answers InvalidInputException rather than being kept. */
final class Cidrs {
    private static final Pattern V4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)(/(3[0-2]|[12]?\\d))?");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*(/(12[0-8]|1[01]\\d|\\d?\\d))?");

    private Cidrs() {
    }

    static void check(String cidr, boolean ipv6) {
        if (cidr == null || !(ipv6 ? V6 : V4).matcher(cidr).matches()) {
            throw LightsailErrors.invalidInput("The CIDR %s is not a valid %s CIDR block.", cidr, ipv6 ? "IPv6" : "IPv4");
        }
    }
}
