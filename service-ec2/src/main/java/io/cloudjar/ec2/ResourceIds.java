package io.cloudjar.ec2;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.regions.RegionCatalog;
import io.cloudjar.vpc.api.Ec2Errors;
import java.util.Collection;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Shape checks of EC2 ids (8 or 17 hex digits after the prefix) and availability zone look-ups. */
final class ResourceIds {
    private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{8}|[0-9a-f]{17}");

    private ResourceIds() {
    }

    static boolean wellFormed(String id, String prefix) {
        return id != null && id.startsWith(prefix + "-") && HEX_ID.matcher(id.substring(prefix.length() + 1)).matches();
    }

    /** Rejects the first badly shaped id with {@code malformed}, as EC2 does before any look-up. */
    static void checkAll(Collection<String> ids, String prefix, Function<String, AwsException> malformed) {
        for (String id : ids) {
            if (!wellFormed(id, prefix)) {
                throw malformed.apply(id);
            }
        }
    }

    /** The zone of the caller's region named by name or id; unknown zones are {@code InvalidZone.NotFound}. */
    static RegionCatalog.Zone zone(String region, String zoneName, String zoneId) {
        if (zoneName == null && zoneId == null) {
            throw Ec2Errors.of("MissingParameter", "AvailabilityZone");
        }
        return RegionCatalog.getOrDefault(region).zones().stream()
                .filter(z -> zoneName != null ? z.name().equals(zoneName) : z.zoneId().equals(zoneId))
                .findFirst()
                .orElseThrow(() -> Ec2Errors.of("InvalidZone.NotFound", zoneName != null ? zoneName : zoneId));
    }
}
