package io.cloudjar.lightsail;

import java.util.List;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerTlsPolicy;

/** The TLS security policies a Lightsail load balancer can use, as GetLoadBalancerTlsPolicies lists them. */
final class LoadBalancerTlsPolicies {
    static final String DEFAULT = "TLS-2016-08";
    private static final List<String> FORWARD_SECRET = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
            "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA384");
    private static final List<String> LEGACY = List.of("ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA",
            "ECDHE-RSA-AES256-SHA", "ECDHE-ECDSA-AES256-SHA", "AES128-GCM-SHA256", "AES128-SHA256", "AES128-SHA",
            "AES256-GCM-SHA384", "AES256-SHA256", "AES256-SHA");

    static final List<LoadBalancerTlsPolicy> ALL = List.of(
            LoadBalancerTlsPolicy.builder().name(DEFAULT).isDefault(true)
                    .description("The default TLS policy: TLS 1.0, 1.1 and 1.2 with the widest range of ciphers.")
                    .protocols("TLSv1", "TLSv1.1", "TLSv1.2")
                    .ciphers(concat(FORWARD_SECRET, LEGACY)).build(),
            LoadBalancerTlsPolicy.builder().name("TLS-FS-Res-1-2-2019-08").isDefault(false)
                    .description("TLS 1.2 only, with forward secrecy ciphers.")
                    .protocols("TLSv1.2")
                    .ciphers(FORWARD_SECRET).build());

    private LoadBalancerTlsPolicies() {
    }

    static void check(String name) {
        if (ALL.stream().noneMatch(p -> p.name().equals(name))) {
            throw LightsailErrors.invalidInput("The TLS policy %s is not valid. Use GetLoadBalancerTlsPolicies to list them.", name);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
