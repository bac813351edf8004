package io.cloudjar.lightsail;

import java.util.List;
import software.amazon.awssdk.services.lightsail.model.PricingUnit;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * The monthly prices of the networking and service resources, for {@link Charges}: a load balancer $18, a container
 * service its power's price per node times its scale (enabled or not, as AWS bills), a bucket or distribution its
 * bundle's price.
 * DNS zones are free.
 */
final class ServiceCharges {
    private ServiceCharges() {
    }

    static void addTo(LightsailState state, List<Charges.Charge> out) {
        for (LoadBalancerRecord lb : state.loadBalancers.list()) {
            out.add(plan(lb.meta(), ResourceType.LOAD_BALANCER, "LoadBalancer", 1, LoadBalancerRecord.MONTHLY_PRICE));
        }
        for (ContainerServiceRecord c : state.containerServices.list()) {
            double perNode = ContainerServicePowers.named(c.power().toString()).orElseThrow().price();
            out.add(plan(c.meta(), ResourceType.CONTAINER_SERVICE, "ContainerService:" + c.power(), c.scale(), perNode * c.scale()));
        }
        for (BucketRecord b : state.buckets.list()) {
            out.add(plan(b.meta(), ResourceType.BUCKET, "Bucket:" + b.bundleId(), 1,
                    BucketBundles.find(b.bundleId()).orElseThrow().price()));
        }
        for (DistributionRecord d : state.distributions.list()) {
            out.add(plan(d.meta(), ResourceType.DISTRIBUTION, "Distribution:" + d.bundleId(), 1,
                    DistributionBundles.find(d.bundleId()).orElseThrow().price()));
        }
    }

    private static Charges.Charge plan(ResourceMeta meta, ResourceType type, String usage, double quantity, double monthly) {
        return new Charges.Charge(meta.name(), type, usage, PricingUnit.HRS, quantity, monthly, meta.createdAt());
    }
}
