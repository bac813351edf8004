package io.cloudjar.lightsail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.InstanceHealthReason;
import software.amazon.awssdk.services.lightsail.model.InstanceHealthState;
import software.amazon.awssdk.services.lightsail.model.InstanceHealthSummary;
import software.amazon.awssdk.services.lightsail.model.LoadBalancer;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerAttributeName;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerProtocol;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerState;
import software.amazon.awssdk.services.lightsail.model.LoadBalancerTlsCertificateSummary;

/**
 * A Lightsail load balancer: provisioning until {@code activeAt}, then active; each attached instance is
 * {@code initial} while it registers (the load balancer's first health checks) and healthy after.
 *
 * @param options    the configuration options AWS answers (health check path, session stickiness)
 * @param instances  attached instances in the order attached
 * @param checkDelay how long an attached instance stays {@code initial}
 */
record LoadBalancerRecord(ResourceMeta meta, String dnsName, int instancePort, String ipAddressType,
                          Map<String, String> options, boolean httpsRedirection, String tlsPolicyName, Instant activeAt,
                          List<Attached> instances, Duration checkDelay) implements LightsailResource<LoadBalancerRecord> {

    /** The monthly price of a Lightsail load balancer (USD), for the bill. */
    static final double MONTHLY_PRICE = 18.0;

    record Attached(String instanceName, Instant attachedAt) {
    }

    LoadBalancerRecord {
        options = new LinkedHashMap<>(options);
        instances = List.copyOf(instances);
    }

    static Map<String, String> defaultOptions(String healthCheckPath) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(LoadBalancerAttributeName.HEALTH_CHECK_PATH.toString(), healthCheckPath);
        options.put(LoadBalancerAttributeName.SESSION_STICKINESS_ENABLED.toString(), "false");
        options.put(LoadBalancerAttributeName.SESSION_STICKINESS_LB_COOKIE_DURATION_SECONDS.toString(), "86400");
        return options;
    }

    @Override
    public LoadBalancerRecord withMeta(ResourceMeta newMeta) {
        return new LoadBalancerRecord(newMeta, dnsName, instancePort, ipAddressType, options, httpsRedirection,
                tlsPolicyName, activeAt, instances, checkDelay);
    }

    LoadBalancerRecord withInstances(List<Attached> newInstances) {
        return new LoadBalancerRecord(meta, dnsName, instancePort, ipAddressType, options, httpsRedirection,
                tlsPolicyName, activeAt, newInstances, checkDelay);
    }

    LoadBalancerRecord withOption(String name, String value) {
        Map<String, String> newOptions = new LinkedHashMap<>(options);
        newOptions.put(name, value);
        return new LoadBalancerRecord(meta, dnsName, instancePort, ipAddressType, newOptions, httpsRedirection,
                tlsPolicyName, activeAt, instances, checkDelay);
    }

    LoadBalancerRecord withHttpsRedirection(boolean enabled) {
        return new LoadBalancerRecord(meta, dnsName, instancePort, ipAddressType, options, enabled,
                tlsPolicyName, activeAt, instances, checkDelay);
    }

    LoadBalancerRecord withTlsPolicy(String policy) {
        return new LoadBalancerRecord(meta, dnsName, instancePort, ipAddressType, options, httpsRedirection,
                policy, activeAt, instances, checkDelay);
    }

    LoadBalancerRecord withIpAddressType(String type) {
        return new LoadBalancerRecord(meta, dnsName, instancePort, type, options, httpsRedirection,
                tlsPolicyName, activeAt, instances, checkDelay);
    }

    boolean isAttached(String instanceName) {
        return instances.stream().anyMatch(a -> a.instanceName().equals(instanceName));
    }

    /**
     * @param instanceStates the attached instances' states at {@code now} by name (a deleted instance is left out):
     *                       a running instance is {@code initial} for the first health checks, then healthy; any other
     *                       state is {@code unused} (Instance.InvalidState), as ELB shows stopped targets
     */
    LoadBalancer toSdk(Instant now, List<LoadBalancerTlsCertificateSummary> certificates, Map<String, String> instanceStates) {
        boolean https = certificates.stream().anyMatch(LoadBalancerTlsCertificateSummary::isAttached);
        List<InstanceHealthSummary> health = new ArrayList<>();
        for (Attached a : instances) {
            String instanceState = instanceStates.get(a.instanceName());
            if (instanceState == null) {
                continue;
            }
            InstanceHealthSummary.Builder h = InstanceHealthSummary.builder().instanceName(a.instanceName());
            if (!InstanceRecord.RUNNING.equals(instanceState)) {
                h.instanceHealth(InstanceHealthState.UNUSED).instanceHealthReason(InstanceHealthReason.INSTANCE_INVALID_STATE);
            } else if (now.isBefore(a.attachedAt().plus(checkDelay))) {
                h.instanceHealth(InstanceHealthState.INITIAL).instanceHealthReason(InstanceHealthReason.LB_REGISTRATION_IN_PROGRESS);
            } else {
                h.instanceHealth(InstanceHealthState.HEALTHY);
            }
            health.add(h.build());
        }
        return LoadBalancer.builder()
                .name(meta.name()).arn(meta.arn()).supportCode(meta.supportCode()).createdAt(meta.createdAt())
                .location(meta.location()).resourceType(meta.type()).tags(meta.sdkTags())
                .dnsName(dnsName)
                .state(now.isBefore(activeAt) ? LoadBalancerState.PROVISIONING : LoadBalancerState.ACTIVE)
                .protocol(https ? LoadBalancerProtocol.HTTP_HTTPS : LoadBalancerProtocol.HTTP)
                .publicPorts(https ? List.of(80, 443) : List.of(80))
                .healthCheckPath(options.get(LoadBalancerAttributeName.HEALTH_CHECK_PATH.toString()))
                .instancePort(instancePort)
                .instanceHealthSummary(health)
                .tlsCertificateSummaries(certificates)
                .configurationOptionsWithStrings(options)
                .ipAddressType(ipAddressType)
                .httpsRedirectionEnabled(httpsRedirection)
                .tlsPolicyName(tlsPolicyName)
                .build();
    }
}
