package io.cloudjar.vpc;

import io.cloudjar.vpc.api.Ec2Errors;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The AWS-managed prefix lists of a region: the address ranges of S3 and DynamoDB that gateway endpoints
 * route to and security group rules may name. Fixed data; ids are AWS's real ones in us-east-1 and
 * derived from the name elsewhere, so they are stable across restarts.
 */
final class PrefixLists {
    private static final List<String> SERVICES = List.of("s3", "dynamodb");

    private PrefixLists() {
    }

    /** An AWS-managed prefix list. */
    record PrefixList(String id, String name, List<String> cidrs) {
        String service() {
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }

    static List<PrefixList> of(String region) {
        return SERVICES.stream().map(service -> new PrefixList(id(region, service), "com.amazonaws." + region + "." + service,
                cidrs(service))).toList();
    }

    static Optional<PrefixList> find(String region, String id) {
        return of(region).stream().filter(p -> p.id().equals(id)).findFirst();
    }

    static Optional<PrefixList> forService(String region, String serviceName) {
        return of(region).stream().filter(p -> p.name().equals(serviceName)).findFirst();
    }

    static PrefixList require(NetworkState state, String id) {
        return find(state.region, id).orElseThrow(() -> Ec2Errors.of("InvalidPrefixListID.NotFound", id));
    }

    private static String id(String region, String service) {
        if (region.equals("us-east-1")) {
            return service.equals("s3") ? "pl-63a5400a" : "pl-02cd2c6b";
        }
        return "pl-" + String.format(Locale.ROOT, "%08x", ("com.amazonaws." + region + "." + service).hashCode());
    }

    /** A few of each service's published ranges; enough to look real, not a routing table. */
    private static List<String> cidrs(String service) {
        return service.equals("s3")
                ? List.of("16.182.0.0/16", "3.5.0.0/19", "44.192.134.240/28", "44.192.140.64/28", "52.216.0.0/15", "54.231.0.0/16")
                : List.of("3.218.180.0/22", "3.218.184.0/22", "52.94.0.0/22", "52.119.224.0/20");
    }
}
