package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.api.DescribePaging;
import io.cloudjar.vpc.api.Ec2Filters;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.EbsStatusDetails;
import software.amazon.awssdk.services.ec2.model.EbsStatusSummary;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceStatusDetails;
import software.amazon.awssdk.services.ec2.model.InstanceStatusSummary;

/**
 * DescribeInstanceStatus: running instances (all of them with {@code IncludeAllInstances}) with their
 * status checks, {@code initializing} for the first moments after the instance starts running, then
 * {@code ok}; instances that are not running report {@code not-applicable}.
 */
public final class InstanceStatusProvider extends ComputeProvider {
    private static final Filters<InstanceStatus> FILTERS = new Filters<InstanceStatus>()
            .onValue("availability-zone", InstanceStatus::availabilityZone)
            .on("event.code", s -> List.of())
            .on("event.description", s -> List.of())
            .on("event.instance-event-id", s -> List.of())
            .on("event.not-after", s -> List.of())
            .on("event.not-before", s -> List.of())
            .on("event.not-before-deadline", s -> List.of())
            .onValue("instance-state-code", s -> s.instanceState().code())
            .onValue("instance-state-name", s -> s.instanceState().nameAsString())
            .on("instance-status.reachability", s -> s.instanceStatus().details().stream().map(InstanceStatusDetails::statusAsString).toList())
            .onValue("instance-status.status", s -> s.instanceStatus().statusAsString())
            .on("system-status.reachability", s -> s.systemStatus().details().stream().map(InstanceStatusDetails::statusAsString).toList())
            .onValue("system-status.status", s -> s.systemStatus().statusAsString())
            .onValue("attached-ebs-status.status", s -> s.attachedEbsStatus().statusAsString());

    public DescribeInstanceStatusResponse describeInstanceStatus(CallContext ctx, DescribeInstanceStatusRequest request) {
        List<Filters.Filter> filters = Ec2Filters.of(request.filters());
        FILTERS.validate(filters);
        DescribePaging.checkMaxResults(request.maxResults(), 5, 1000);
        DescribePaging.rejectIdsWithMaxResults(request.instanceIds(), request.maxResults(), "InstanceIds");
        ComputeState state = state(ctx);
        Instant now = store.now();
        List<InstanceRecord> candidates = InstanceLookup.namedOrAll(state, request.instanceIds(), now);
        boolean all = Boolean.TRUE.equals(request.includeAllInstances());
        List<InstanceStatus> statuses = candidates.stream()
                .filter(i -> all || i.phase().name(now).equals("running"))
                .map(i -> status(i, now))
                .filter(s -> FILTERS.matches(s, filters))
                .toList();
        Pages.Page<InstanceStatus> page = DescribePaging.page(statuses, InstanceStatus::instanceId, request.maxResults(),
                request.nextToken());
        return DescribeInstanceStatusResponse.builder().instanceStatuses(page.items()).nextToken(page.nextToken()).build();
    }

    private InstanceStatus status(InstanceRecord i, Instant now) {
        String state = i.phase().name(now);
        Instant since = i.phase().runningSince(now);
        String check = since == null ? "not-applicable"
                : now.isBefore(since.plus(store.timings().statusChecks())) ? "initializing" : "ok";
        String detail = check.equals("ok") ? "passed" : "initializing";
        InstanceStatusSummary summary = InstanceStatusSummary.builder().status(check)
                .details(since == null ? List.of() : List.of(InstanceStatusDetails.builder().name("reachability").status(detail).build()))
                .build();
        return InstanceStatus.builder()
                .availabilityZone(i.launch().availabilityZone())
                .availabilityZoneId(i.launch().zoneId())
                .instanceId(i.instanceId())
                .instanceState(InstanceState.builder().code(InstancePhase.code(state)).name(state).build())
                .instanceStatus(summary)
                .systemStatus(summary)
                .attachedEbsStatus(EbsStatusSummary.builder().status(check)
                        .details(since == null ? List.of() : List.of(EbsStatusDetails.builder().name("reachability").status(detail).build()))
                        .build())
                .events(List.of())
                .build();
    }
}
