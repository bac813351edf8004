package io.cloudjar.lightsail;

import io.cloudjar.core.util.Ids;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.lightsail.model.DomainEntry;

/**
 * The CNAME ({@code name} → {@code value}, both with ACM's trailing dot) that proves control of {@code domainName}
 * for a certificate Lightsail requests from ACM (a load balancer's or a standalone one). A certificate is issued once
 * every one of its records is in a Lightsail DNS zone of the account (zones live in us-east-1), as ACM's DNS
 * validation would see them.
 */
record CnameValidation(String domainName, String name, String value) {
    /** At most nine names beside the domain name (ACM's and Lightsail's limit of ten per certificate). */
    static final int MAX_ALTERNATIVE_NAMES = 9;

    /** The region that holds Lightsail's DNS zones. */
    static final String ZONES_REGION = "us-east-1";

    /** The certificate's names, the domain name first, each checked and normalized; duplicates dropped. */
    static List<String> certificateNames(String domainName, List<String> alternativeNames) {
        Set<String> names = new LinkedHashSet<>();
        names.add(checkedName(domainName));
        if (alternativeNames != null) {
            if (alternativeNames.size() > MAX_ALTERNATIVE_NAMES) {
                throw LightsailErrors.invalidInput("A certificate can have at most %d alternative names.", MAX_ALTERNATIVE_NAMES);
            }
            alternativeNames.forEach(n -> names.add(checkedName(n)));
        }
        return List.copyOf(names);
    }

    /** A fresh validation record per name (a wildcard is validated on its base name, as ACM does). */
    static List<CnameValidation> forNames(List<String> names) {
        List<CnameValidation> out = new ArrayList<>();
        for (String n : names) {
            String base = n.startsWith("*.") ? n.substring(2) : n;
            out.add(new CnameValidation(n, "_" + Ids.hex(32) + "." + base + ".",
                    "_" + Ids.hex(32) + "." + Ids.hex(10) + ".acm-validations.aws."));
        }
        return out;
    }

    /** Every record is a CNAME of some zone in {@code zones} (the account's us-east-1 state). */
    static boolean allPublished(LightsailState zones, List<CnameValidation> validation) {
        return validation.stream().allMatch(v -> v.publishedIn(zones));
    }

    /** A serial number as ACM prints it: colon-separated hex bytes. */
    static String newSerial() {
        return Ids.hex(32).replaceAll("(..)(?!$)", "$1:");
    }

    private boolean publishedIn(LightsailState zones) {
        String n = DnsNames.normalize(name);
        String v = DnsNames.normalize(value);
        return zones.domains.list().stream().flatMap(d -> d.entries().stream())
                .anyMatch((DomainEntry e) -> e.type().equals("CNAME") && e.name().equals(n) && e.target().equals(v));
    }

    private static String checkedName(String name) {
        if (!DnsNames.isHostName(name, 2, true)) {
            throw LightsailErrors.invalidInput("The certificate domain name %s is not valid.", name);
        }
        return DnsNames.normalize(name);
    }
}
