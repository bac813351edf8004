package io.cloudjar.lightsail;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.Bundle;
import software.amazon.awssdk.services.lightsail.model.PricingUnit;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * What each resource of a region costs by the month, from Lightsail's published prices: an instance its bundle's price
 * (running or stopped, as Lightsail bills), a managed database its bundle's, a static IP nothing while attached and $0.005 an hour otherwise, disks
 * $0.10 and snapshots $0.05 per GB-month. Months are 730 hours, as Lightsail prorates its plans.
 */
final class Charges {
    static final double HOURS_PER_MONTH = 730;
    static final double UNATTACHED_STATIC_IP_PER_HOUR = 0.005;
    static final double DISK_GB_MONTH = 0.10;
    static final double SNAPSHOT_GB_MONTH = 0.05;

    /**
     * One resource's charge.
     *
     * @param usageType what AWS's bill calls it (the bundle for an instance)
     * @param unit      HRS for hourly plans, GB_MO for storage
     * @param quantity  GB for storage, 1 for a plan
     */
    record Charge(String resourceName, ResourceType resourceType, String usageType, PricingUnit unit, double quantity,
                  double monthly, java.time.Instant since) {
        double hourly() {
            return monthly / HOURS_PER_MONTH;
        }
    }

    private Charges() {
    }

    static List<Charge> of(LightsailState state) {
        List<Charge> out = new ArrayList<>();
        for (InstanceRecord i : state.instances.list()) {
            Bundle bundle = BundleCatalog.find(i.bundleId()).orElseThrow();
            out.add(new Charge(i.name(), ResourceType.INSTANCE, "Instance:" + i.bundleId(), PricingUnit.HRS, 1,
                    bundle.price(), i.meta().createdAt()));
        }
        for (StaticIpRecord ip : state.staticIps.list()) {
            double monthly = ip.attachedTo() == null ? UNATTACHED_STATIC_IP_PER_HOUR * HOURS_PER_MONTH : 0;
            out.add(new Charge(ip.name(), ResourceType.STATIC_IP, ip.attachedTo() == null ? "StaticIP:unattached" : "StaticIP:attached",
                    PricingUnit.HRS, 1, monthly, ip.meta().createdAt()));
        }
        for (DiskRecord d : state.disks.list()) {
            out.add(storage(d.name(), ResourceType.DISK, "Disk", d.sizeInGb(), DISK_GB_MONTH, d.meta().createdAt()));
        }
        for (InstanceSnapshotRecord s : state.instanceSnapshots.list()) {
            out.add(storage(s.name(), ResourceType.INSTANCE_SNAPSHOT, "Snapshot", s.sizeInGb(), SNAPSHOT_GB_MONTH, s.meta().createdAt()));
        }
        for (RelationalDatabaseRecord d : state.databases.list()) {
            out.add(new Charge(d.name(), ResourceType.RELATIONAL_DATABASE, "Database:" + d.bundleId(), PricingUnit.HRS, 1,
                    DatabaseCatalog.bundle(d.bundleId()).orElseThrow().price(), d.meta().createdAt()));
        }
        for (DatabaseSnapshotRecord s : state.databaseSnapshots.list()) {
            out.add(storage(s.name(), ResourceType.RELATIONAL_DATABASE_SNAPSHOT, "Snapshot", s.sizeInGb(), SNAPSHOT_GB_MONTH,
                    s.meta().createdAt()));
        }
        for (DiskSnapshotRecord s : state.diskSnapshots.list()) {
            out.add(storage(s.name(), ResourceType.DISK_SNAPSHOT, "Snapshot", s.sizeInGb(), SNAPSHOT_GB_MONTH, s.meta().createdAt()));
        }
        ServiceCharges.addTo(state, out); // networking and services: load balancers, containers, buckets
        return out;
    }

    private static Charge storage(String name, ResourceType type, String usage, int gb, double perGbMonth, java.time.Instant since) {
        return new Charge(name, type, usage, PricingUnit.GB_MO, gb, Math.round(gb * perGbMonth * 100) / 100.0, since);
    }
}
