package io.cloudjar.rds;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Pages;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.rds.model.DescribeEventsRequest;
import software.amazon.awssdk.services.rds.model.DescribeEventsResponse;

/** DescribeEvents over {@link RdsEvents}: the past hour by default, as AWS. */
public final class EventsProvider implements ServiceProvider {
    private static final Set<String> SOURCE_TYPES = Set.of("db-instance", "db-parameter-group", "db-security-group",
            "db-snapshot", "db-cluster", "db-cluster-snapshot", "custom-engine-version", "db-proxy", "blue-green-deployment");
    private RdsStore store;

    @Override
    public String api() {
        return "rds";
    }

    @Override
    public void init(ServiceContext context) {
        store = RdsStore.of(context);
    }

    public DescribeEventsResponse describeEvents(CallContext ctx, DescribeEventsRequest r) {
        int maxRecords = RdsRequests.maxRecords(r.maxRecords());
        if (r.sourceIdentifier() != null && r.sourceType() == null) {
            throw RdsErrors.invalidCombination("Cannot specify source identifier without source type");
        }
        if (r.sourceType() != null && !SOURCE_TYPES.contains(r.sourceTypeAsString())) {
            throw RdsErrors.invalidValue("Invalid source type: %s", r.sourceTypeAsString());
        }
        Instant now = ctx.receivedAt();
        Instant end = r.endTime() != null ? r.endTime() : now;
        Instant start = r.startTime() != null ? r.startTime()
                : end.minusSeconds(60L * (r.duration() != null ? r.duration() : 60));
        if (end.isAfter(now)) {
            end = now; // events dated in the future have not happened yet
        }
        Instant until = end;
        List<String> categories = r.eventCategories();
        List<RdsEvents.Entry> matching = store.get(ctx.accountId(), ctx.region()).events.stream()
                .filter(e -> !e.date().isBefore(start) && !e.date().isAfter(until))
                .filter(e -> r.sourceType() == null || e.sourceType().equals(r.sourceTypeAsString()))
                .filter(e -> r.sourceIdentifier() == null || e.sourceId().equalsIgnoreCase(r.sourceIdentifier()))
                .filter(e -> categories.isEmpty() || categories.contains(e.category()))
                .sorted(Comparator.comparing(RdsEvents.Entry::key)).toList();
        Pages.Page<RdsEvents.Entry> page = Pages.page(matching, RdsEvents.Entry::key, maxRecords, r.marker());
        return DescribeEventsResponse.builder().events(page.items().stream().map(RdsEvents.Entry::toSdk).toList())
                .marker(page.nextToken()).build();
    }
}
