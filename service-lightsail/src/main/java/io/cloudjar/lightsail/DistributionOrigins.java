package io.cloudjar.lightsail;

import software.amazon.awssdk.services.lightsail.model.InputOrigin;
import software.amazon.awssdk.services.lightsail.model.Origin;
import software.amazon.awssdk.services.lightsail.model.OriginProtocolPolicyEnum;
import software.amazon.awssdk.services.lightsail.model.RegionName;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * A distribution's origin: an instance, load balancer, container service or bucket of the account in the origin's
 * region (distributions themselves live in us-east-1 and pull from any Lightsail region), found by name, with the
 * public address the distribution pulls from. CloudFront waits 30 seconds for an origin unless told otherwise (1 to 60).
 */
final class DistributionOrigins {
    static final int DEFAULT_RESPONSE_TIMEOUT = 30;

    /** The origin and its public DNS name (or address). */
    record Resolved(Origin origin, String publicDns) {
    }

    private DistributionOrigins() {
    }

    static Resolved resolve(LightsailStore store, LightsailScope scope, InputOrigin input) {
        if (input == null || input.name() == null) {
            throw LightsailErrors.invalidInput("The origin needs the name of a Lightsail instance, load balancer, container"
                    + " service or bucket.");
        }
        if (input.regionName() == RegionName.UNKNOWN_TO_SDK_VERSION
                || input.regionName() != null && !RegionsProvider.LIGHTSAIL_REGIONS.contains(input.regionNameAsString())) {
            throw LightsailErrors.invalidInput("The origin region %s is not a Lightsail region.", input.regionNameAsString());
        }
        if (input.protocolPolicy() == OriginProtocolPolicyEnum.UNKNOWN_TO_SDK_VERSION) {
            throw LightsailErrors.invalidInput("The origin protocol policy %s is not valid: use http-only or https-only.",
                    input.protocolPolicyAsString());
        }
        int timeout = input.responseTimeout() == null ? DEFAULT_RESPONSE_TIMEOUT : input.responseTimeout();
        if (timeout < 1 || timeout > 60) {
            throw LightsailErrors.invalidInput("The origin response timeout must be 1 to 60 seconds: %d", timeout);
        }
        String region = input.regionName() == null ? scope.region() : input.regionNameAsString();
        LightsailState origins = store.get(scope.account(), region);
        String name = input.name();
        ResourceType type;
        String publicDns;
        if (origins.instances.contains(name)) {
            InstanceRecord instance = origins.instances.get(name);
            String staticIp = origins.staticIpOf(instance);
            type = ResourceType.INSTANCE;
            publicDns = staticIp != null ? staticIp : instance.publicIp() != null ? instance.publicIp()
                    : instance.ipv6Addresses().stream().findFirst().orElse(null);
        } else if (origins.loadBalancers.contains(name)) {
            type = ResourceType.LOAD_BALANCER;
            publicDns = origins.loadBalancers.get(name).dnsName();
        } else if (origins.containerServices.contains(name)) {
            type = ResourceType.CONTAINER_SERVICE;
            publicDns = origins.containerServices.get(name).domainName();
        } else if (origins.buckets.contains(name)) {
            type = ResourceType.BUCKET;
            publicDns = name + ".s3." + region + ".amazonaws.com";
        } else {
            throw LightsailErrors.notFound("The origin resource does not exist: %s (in %s). Use a Lightsail instance, load"
                    + " balancer, container service or bucket.", name, region);
        }
        // the protocol policy is answered as given (none when not given), as Lightsail does
        return new Resolved(Origin.builder().name(name).resourceType(type).regionName(region).protocolPolicy(input.protocolPolicy())
                .responseTimeout(timeout).build(), publicDns);
    }
}
