package io.cloudjar.ec2;

import io.cloudjar.vpc.api.Ec2Errors;
import java.util.Set;

/** The values RunInstances and ModifyInstanceMetadataOptions accept for the metadata service's options. */
final class MetadataChecks {
    private static final Set<String> TOKENS = Set.of("optional", "required");
    private static final Set<String> SWITCH = Set.of("enabled", "disabled");

    private MetadataChecks() {
    }

    static InstanceSettings.MetadataOptions check(InstanceSettings.MetadataOptions o) {
        one("httpTokens", o.httpTokens(), TOKENS);
        one("httpEndpoint", o.httpEndpoint(), SWITCH);
        one("httpProtocolIpv6", o.httpProtocolIpv6(), SWITCH);
        one("instanceMetadataTags", o.instanceMetadataTags(), SWITCH);
        if (o.hopLimit() < 1 || o.hopLimit() > 64) {
            throw Ec2Errors.of("InvalidParameterValue#hopLimit");
        }
        return o;
    }

    private static void one(String parameter, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw Ec2Errors.of("InvalidParameterValue", value, parameter);
        }
    }
}
