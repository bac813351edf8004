package io.cloudjar.lightsail;

import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.ec2.api.SnapshotExports;
import io.cloudjar.vpc.api.InstanceNetworking;

/**
 * The EC2 side Lightsail reaches: service-vpc's networking (the default VPC it peers with) and service-ec2's
 * {@link SnapshotExports} (export to EC2). Looked up when first needed, so the order the modules start in does not
 * matter; a server run without those modules answers OperationFailureException.
 */
final class Ec2Seams {
    private final ServiceContext context;

    Ec2Seams(ServiceContext context) {
        this.context = context;
    }

    InstanceNetworking networking() {
        return context.lookup(InstanceNetworking.class)
                .orElseThrow(() -> LightsailErrors.operationFailure("Amazon VPC is not available in this region."));
    }

    SnapshotExports exports() {
        return context.lookup(SnapshotExports.class)
                .orElseThrow(() -> LightsailErrors.operationFailure("Amazon EC2 is not available in this region."));
    }
}
