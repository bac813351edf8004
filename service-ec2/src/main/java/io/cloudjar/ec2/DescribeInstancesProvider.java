package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.api.DescribePaging;
import io.cloudjar.vpc.api.Ec2Filters;
import io.cloudjar.vpc.api.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;

/**
 * DescribeInstances: ids (every unknown one reported), filters on what is rendered, and pages of instances
 * in id order grouped into their reservations. Filters that the stored records decide are applied before
 * rendering, so a filtered call over many instances renders only its candidates.
 */
public final class DescribeInstancesProvider extends ComputeProvider {
    private static final int MIN_RESULTS = 5;
    private static final int MAX_RESULTS = 1000;

    public DescribeInstancesResponse describeInstances(CallContext ctx, DescribeInstancesRequest request) {
        List<Filters.Filter> filters = Ec2Filters.of(request.filters());
        InstanceFilters.FILTERS.validate(filters);
        DescribePaging.checkMaxResults(request.maxResults(), MIN_RESULTS, MAX_RESULTS);
        DescribePaging.rejectIdsWithMaxResults(request.instanceIds(), request.maxResults(), "instancesSet");
        InstanceLookup.checkShapes(request.instanceIds());
        ComputeState state = state(ctx);
        Instant now = store.now();
        List<InstanceRecord> candidates = InstanceLookup.namedOrAll(state, request.instanceIds(), now);
        List<InstanceRecord> likely = candidates.stream()
                .filter(i -> InstanceFilters.mayMatch(i, i.phase().name(now), filters)).toList();
        // When the records decide every filter, the page is cut before rendering: a page of 1,000 of 10,000
        // instances then renders 1,000 (the rendered ones are still checked against the filters below).
        Pages.Page<InstanceRecord> recordPage = InstanceFilters.decidedOnRecord(filters)
                ? DescribePaging.page(likely, InstanceRecord::instanceId, request.maxResults(), request.nextToken()) : null;
        List<InstanceRecord> rendered = recordPage == null ? likely : recordPage.items();
        Scope scope = Scope.of(ctx);
        InstanceViews views = InstanceViews.of(store, scope, rendered, now);
        List<InstanceFilters.View> matching = new ArrayList<>();
        for (InstanceRecord record : rendered) {
            InstanceFilters.View view = new InstanceFilters.View(record, views.instance(record));
            if (InstanceFilters.FILTERS.matches(view, filters)) {
                matching.add(view);
            }
        }
        Pages.Page<InstanceFilters.View> page = recordPage != null ? new Pages.Page<>(matching, recordPage.nextToken())
                : DescribePaging.page(matching, v -> v.record().instanceId(), request.maxResults(), request.nextToken());
        return DescribeInstancesResponse.builder().reservations(InstanceViews.reservations(page.items()))
                .nextToken(page.nextToken()).build();
    }
}
