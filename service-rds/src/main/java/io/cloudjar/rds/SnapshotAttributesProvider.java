package io.cloudjar.rds;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttribute;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttributesResult;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotAttributesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotAttributesResponse;
import software.amazon.awssdk.services.rds.model.ModifyDbSnapshotAttributeRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbSnapshotAttributeResponse;

/**
 * Sharing manual snapshots: the {@code restore} attribute lists the accounts (or {@code all}) allowed to copy or
 * restore a snapshot. Recorded and answered as AWS does; this server holds one partition's accounts, so a shared
 * snapshot is not (yet) visible from the other account's DescribeDBSnapshots.
 */
public final class SnapshotAttributesProvider implements ServiceProvider {
    private static final String RESTORE = "restore";
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    /** AWS's quota of accounts a manual snapshot can be shared with. */
    private static final int MAX_SHARES = 20;
    private RdsStore store;

    @Override
    public String api() {
        return "rds";
    }

    @Override
    public void init(ServiceContext context) {
        store = RdsStore.of(context);
    }

    public ModifyDbSnapshotAttributeResponse modifyDBSnapshotAttribute(CallContext ctx, ModifyDbSnapshotAttributeRequest r) {
        if (r.attributeName() == null || r.attributeName().isBlank()) {
            throw RdsErrors.invalidValue("The parameter AttributeName must be provided and must not be blank.");
        }
        if (!RESTORE.equals(r.attributeName())) {
            throw RdsErrors.invalidValue("Invalid attribute name: %s. The only supported attribute is restore.", r.attributeName());
        }
        List<String> add = r.hasValuesToAdd() ? r.valuesToAdd() : List.of();
        List<String> remove = r.hasValuesToRemove() ? r.valuesToRemove() : List.of();
        for (String value : add) {
            if (value == null || !(value.equals("all") || ACCOUNT.matcher(value).matches())) {
                throw RdsErrors.invalidValue("Invalid value %s for the restore attribute: an AWS account ID or all.", value);
            }
        }
        RdsState state = store.get(ctx.accountId(), ctx.region());
        Set<String> shares;
        synchronized (state.lock) {
            SnapshotRecord snapshot = SnapshotsProvider.find(state, r.dbSnapshotIdentifier());
            if (!"manual".equals(snapshot.type())) {
                throw AwsErrors.modeled("InvalidDBSnapshotState", "Only manual snapshots can be shared; %s is %s.",
                        snapshot.id(), snapshot.type());
            }
            shares = new TreeSet<>(state.snapshotShares.getOrDefault(snapshot.id(), Set.of()));
            shares.addAll(add);
            remove.forEach(shares::remove);
            if (shares.stream().filter(v -> !v.equals("all")).count() > MAX_SHARES) {
                throw AwsErrors.modeled("SharedSnapshotQuotaExceeded",
                        "You have exceeded the maximum number of accounts (%d) a snapshot can be shared with.", MAX_SHARES);
            }
            state.snapshotShares.put(snapshot.id(), Set.copyOf(shares));
        }
        return ModifyDbSnapshotAttributeResponse.builder()
                .dbSnapshotAttributesResult(result(r.dbSnapshotIdentifier().toLowerCase(java.util.Locale.ROOT), shares)).build();
    }

    public DescribeDbSnapshotAttributesResponse describeDBSnapshotAttributes(CallContext ctx, DescribeDbSnapshotAttributesRequest r) {
        RdsState state = store.get(ctx.accountId(), ctx.region());
        SnapshotRecord snapshot = SnapshotsProvider.find(state, r.dbSnapshotIdentifier());
        return DescribeDbSnapshotAttributesResponse.builder()
                .dbSnapshotAttributesResult(result(snapshot.id(), state.snapshotShares.getOrDefault(snapshot.id(), Set.of()))).build();
    }

    private static DBSnapshotAttributesResult result(String id, Set<String> shares) {
        return DBSnapshotAttributesResult.builder().dbSnapshotIdentifier(id)
                .dbSnapshotAttributes(DBSnapshotAttribute.builder().attributeName(RESTORE)
                        .attributeValues(new TreeSet<>(shares)).build()).build();
    }
}
