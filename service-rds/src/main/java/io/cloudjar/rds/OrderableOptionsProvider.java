package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Pages;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.rds.model.AvailabilityZone;
import software.amazon.awssdk.services.rds.model.DescribeOrderableDbInstanceOptionsRequest;
import software.amazon.awssdk.services.rds.model.DescribeOrderableDbInstanceOptionsResponse;
import software.amazon.awssdk.services.rds.model.OrderableDBInstanceOption;

/** DescribeOrderableDBInstanceOptions: every offered class for every available version of an engine, per storage type. */
public final class OrderableOptionsProvider implements ServiceProvider {
    @Override
    public String api() {
        return "rds";
    }

    public DescribeOrderableDbInstanceOptionsResponse describeOrderableDBInstanceOptions(
            CallContext ctx, DescribeOrderableDbInstanceOptionsRequest r) {
        int maxRecords = r.maxRecords() == null ? 100 : r.maxRecords();
        if (maxRecords < 20 || maxRecords > 1000) {
            throw RdsErrors.invalidValue("Invalid value %d for MaxRecords. Must be between 20 and 1000", maxRecords);
        }
        if (r.engine() == null || r.engine().isBlank()) {
            throw RdsErrors.invalidValue("The parameter Engine must be provided and must not be blank.");
        }
        List<AvailabilityZone> zones = List.of("a", "b", "c", "d", "f").stream()
                .map(z -> AvailabilityZone.builder().name(ctx.region() + z).build()).toList();
        List<OrderableDBInstanceOption> all = new ArrayList<>();
        for (EngineVersion v : EngineCatalog.all()) {
            if (!v.available() || !v.engine().equalsIgnoreCase(r.engine()) || !v.matchesVersion(r.engineVersion())) {
                continue;
            }
            boolean aurora = Aurora.is(v.engine());
            for (String instanceClass : InstanceClasses.of(v.engine())) {
                if (r.dbInstanceClass() != null && !r.dbInstanceClass().equals(instanceClass)) {
                    continue;
                }
                for (String storageType : aurora ? InstanceClasses.AURORA_STORAGE_TYPES : InstanceClasses.STORAGE_TYPES) {
                    if (r.licenseModel() != null && !r.licenseModel().equals(InstanceRules.licenseModel(v.engine()))) {
                        continue;
                    }
                    all.add(OrderableDBInstanceOption.builder().engine(v.engine()).engineVersion(v.version())
                            .dbInstanceClass(instanceClass).licenseModel(InstanceRules.licenseModel(v.engine()))
                            .availabilityZones(zones).multiAZCapable(true).readReplicaCapable(!aurora).vpc(true)
                            .supportsStorageEncryption(true).storageType(storageType)
                            .supportsIops(storageType.startsWith("io") || storageType.equals("gp3"))
                            .supportedEngineModes(aurora ? v.engineModes() : null)
                            .supportsClusters(aurora)
                            .supportsEnhancedMonitoring(true).supportsIAMDatabaseAuthentication(true)
                            .supportsPerformanceInsights(true)
                            // Aurora's storage grows by itself: AWS lists no storage sizes for it
                            .minStorageSize(aurora ? null : InstanceClasses.minStorage(storageType))
                            .maxStorageSize(aurora ? null : InstanceClasses.maxStorage(storageType))
                            .supportedNetworkTypes("IPV4").supportsStorageAutoscaling(!aurora)
                            .availabilityZoneGroup(null).build());
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        Pages.Page<Integer> page = Pages.page(order, i -> String.format("%08d", i), maxRecords, r.marker());
        return DescribeOrderableDbInstanceOptionsResponse.builder()
                .orderableDBInstanceOptions(page.items().stream().map(all::get).toList())
                .marker(page.nextToken()).build();
    }
}
