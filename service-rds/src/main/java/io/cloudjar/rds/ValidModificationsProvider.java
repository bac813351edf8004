package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import java.util.List;
import software.amazon.awssdk.services.rds.model.DescribeValidDbInstanceModificationsRequest;
import software.amazon.awssdk.services.rds.model.DescribeValidDbInstanceModificationsResponse;
import software.amazon.awssdk.services.rds.model.DoubleRange;
import software.amazon.awssdk.services.rds.model.Range;
import software.amazon.awssdk.services.rds.model.ValidDBInstanceModificationsMessage;
import software.amazon.awssdk.services.rds.model.ValidStorageOptions;

/**
 * DescribeValidDBInstanceModifications: the storage an instance may move to, per storage type, from the same rules
 * ModifyDBInstance checks ({@link InstanceClasses}): never smaller than it is now, at most the type's maximum.
 */
public final class ValidModificationsProvider implements ServiceProvider {
    private RdsStore store;

    @Override
    public String api() {
        return "rds";
    }

    @Override
    public void init(ServiceContext context) {
        store = RdsStore.of(context);
    }

    public DescribeValidDbInstanceModificationsResponse describeValidDBInstanceModifications(CallContext ctx,
                                                                                           DescribeValidDbInstanceModificationsRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        InstanceRecord instance = Instances.find(state, r.dbInstanceIdentifier(), ctx.receivedAt());
        int now = instance.settings().allocatedStorage();
        List<ValidStorageOptions> storage = InstanceClasses.STORAGE_TYPES.stream().map(type -> {
            int from = Math.max(now, InstanceClasses.minStorage(type));
            ValidStorageOptions.Builder b = ValidStorageOptions.builder().storageType(type)
                    .storageSize(List.of(Range.builder().from(from).to(InstanceClasses.maxStorage(type)).step(1).build()))
                    .supportsStorageAutoscaling(!type.equals("standard"));
            if (type.startsWith("io")) {
                b.provisionedIops(List.of(Range.builder().from(1000).to(256000).step(1).build()))
                        .iopsToStorageRatio(List.of(DoubleRange.builder().from(0.5).to(type.equals("io2") ? 1000.0 : 50.0).build()));
            } else if (type.equals("gp3")) {
                b.provisionedIops(List.of(Range.builder().from(3000).to(64000).step(1).build()));
            }
            return b.build();
        }).filter(o -> o.storageSize().get(0).from() <= o.storageSize().get(0).to()).toList();
        return DescribeValidDbInstanceModificationsResponse.builder()
                .validDBInstanceModificationsMessage(ValidDBInstanceModificationsMessage.builder()
                        .storage(storage).validProcessorFeatures(List.of()).supportsDedicatedLogVolume(false).build())
                .build();
    }
}
