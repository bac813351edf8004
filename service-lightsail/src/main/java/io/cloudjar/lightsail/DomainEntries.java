package io.cloudjar.lightsail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lightsail.model.DomainEntry;

/**
 * The DNS records of a Lightsail domain: the NS and SOA records a new zone starts with, and the checks a record
 * passes before it is stored (its name inside the zone, a target that fits its type, no CNAME beside other records).
 */
final class DomainEntries {
    static final Set<String> CREATABLE = Set.of("A", "AAAA", "CNAME", "MX", "NS", "SRV", "TXT");
    private static final Pattern MX = Pattern.compile("(\\d{1,5})\\s+(\\S+)");
    private static final Pattern SRV = Pattern.compile("(\\d{1,5})\\s+(\\d{1,5})\\s+(\\d{1,5})\\s+(\\S+)");

    private DomainEntries() {
    }

    /** Four Route 53 name servers (one per TLD, as AWS hands out) and the SOA naming the first. */
    static List<DomainEntry> defaults(String domain) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> servers = List.of(
                "ns-" + random.nextInt(0, 512) + ".awsdns-" + pad(random) + ".com",
                "ns-" + random.nextInt(512, 1024) + ".awsdns-" + pad(random) + ".net",
                "ns-" + random.nextInt(1024, 1536) + ".awsdns-" + pad(random) + ".org",
                "ns-" + random.nextInt(1536, 2048) + ".awsdns-" + pad(random) + ".co.uk");
        List<DomainEntry> entries = new ArrayList<>();
        for (String server : servers) {
            entries.add(entry(domain, "NS", server, false));
        }
        entries.add(entry(domain, "SOA", servers.get(0) + ". awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400", false));
        return entries;
    }

    static DomainEntry entry(String name, String type, String target, boolean alias) {
        return DomainEntry.builder().id(String.valueOf(ThreadLocalRandom.current().nextInt()))
                .name(name).type(type).target(target).isAlias(alias).build();
    }

    /**
     * The record to store for {@code requested} in {@code domain}: name and type normalized, target checked.
     * {@code others} are the zone's other records (for CNAME exclusivity and duplicates).
     */
    static DomainEntry checked(String domain, DomainEntry requested, List<DomainEntry> others, AliasTargets aliases) {
        String type = requested.type() == null ? "" : requested.type().toUpperCase(Locale.ROOT);
        if (!CREATABLE.contains(type)) {
            throw LightsailErrors.invalidInput("The domain entry type %s is not valid. Valid types: A, AAAA, CNAME, MX, NS,"
                    + " SRV, TXT.", requested.type());
        }
        String name = DnsNames.normalize(requested.name());
        if (!DnsNames.isHostName(name, 2, true) || !DnsNames.isWithin(name, domain)) {
            throw LightsailErrors.invalidInput("The domain entry name %s is not valid: it must be %s or a name ending"
                    + " in .%s.", requested.name(), domain, domain);
        }
        boolean alias = Boolean.TRUE.equals(requested.isAlias());
        String target = checkedTarget(type, name, domain, requested.target(), alias, aliases);
        for (DomainEntry other : others) {
            if (!other.name().equals(name)) {
                continue;
            }
            if (type.equals("CNAME") || other.type().equals("CNAME")) {
                throw LightsailErrors.invalidInput("A CNAME record cannot share its name with another record: %s already"
                        + " has a %s record.", name, other.type());
            }
            if (other.type().equals(type) && other.target().equalsIgnoreCase(target)) {
                throw LightsailErrors.invalidInput("The domain entry already exists: %s %s %s.", name, type, target);
            }
        }
        return DomainEntry.builder().id(requested.id()).name(name).type(type).target(target).isAlias(alias).build();
    }

    private static String checkedTarget(String type, String name, String domain, String target, boolean alias,
                                        AliasTargets aliases) {
        String t = target == null ? "" : target.trim();
        if (t.isEmpty()) {
            throw LightsailErrors.invalidInput("The domain entry target must not be empty.");
        }
        if (alias) {
            if (!type.equals("A") && !type.equals("AAAA")) {
                throw LightsailErrors.invalidInput("Only A and AAAA records can be aliases; %s cannot.", type);
            }
            String host = DnsNames.normalize(t);
            if (!aliases.isKnown(host)) {
                throw LightsailErrors.invalidInput("The alias target %s is not the DNS name of a load balancer, container"
                        + " service or distribution.", t);
            }
            return host;
        }
        boolean valid = switch (type) {
            case "A" -> DnsNames.isIpv4(t);
            case "AAAA" -> DnsNames.isIpv6(t);
            case "CNAME" -> !name.equals(domain) && DnsNames.isHostName(t, 2, false);
            case "NS" -> !name.equals(domain) && DnsNames.isHostName(t, 2, false);
            case "MX" -> MX.matcher(t).matches() && priority(MX, t, 1) && DnsNames.isHostName(MX.matcher(t).replaceAll("$2"), 2, false);
            case "SRV" -> SRV.matcher(t).matches() && DnsNames.isHostName(SRV.matcher(t).replaceAll("$4"), 1, false);
            case "TXT" -> t.length() <= 4000;
            default -> false;
        };
        if (!valid) {
            throw LightsailErrors.invalidInput("The target %s is not valid for a %s record%s.", target, type, hint(type));
        }
        return type.equals("CNAME") || type.equals("NS") ? DnsNames.normalize(t) : t;
    }

    private static boolean priority(Pattern pattern, String text, int group) {
        var m = pattern.matcher(text);
        return m.matches() && Integer.parseInt(m.group(group)) <= 65535;
    }

    private static String hint(String type) {
        return switch (type) {
            case "A" -> ": it must be an IPv4 address";
            case "AAAA" -> ": it must be an IPv6 address";
            case "CNAME" -> ": it must be a host name, and the zone apex cannot be a CNAME";
            case "NS" -> ": it must be a name server's host name, for a subdomain (the apex's are Lightsail's)";
            case "MX" -> ": it must be \"<priority> <mail server>\", as \"10 mail.example.com\"";
            case "SRV" -> ": it must be \"<priority> <weight> <port> <host>\"";
            default -> "";
        };
    }

    private static String pad(ThreadLocalRandom random) {
        return String.format("%02d", random.nextInt(0, 64));
    }
}
