package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceLogEvent;
import software.amazon.awssdk.services.lightsail.model.GetContainerLogRequest;
import software.amazon.awssdk.services.lightsail.model.GetContainerLogResponse;

/** GetContainerLog: a container's log lines ({@link ContainerLogs}) within the time range, filtered, a page at a time. */
public final class ContainerLogProvider extends LightsailProvider {
    private static final int PAGE_SIZE = 1000;

    public GetContainerLogResponse getContainerLog(CallContext ctx, GetContainerLogRequest request) {
        ContainerServiceRecord service = state(ctx).containerServices.get(request.serviceName());
        if (!ContainerLogs.everRan(service, request.containerName())) {
            throw LightsailErrors.notFound("The container %s is in no deployment of the container service %s.",
                    request.containerName(), service.name());
        }
        Instant start = request.startTime();
        Instant end = request.endTime();
        if (start != null && end != null && start.isAfter(end)) {
            throw LightsailErrors.invalidInput("The start time %s is after the end time %s.", start, end);
        }
        List<ContainerServiceLogEvent> events = ContainerLogs.of(service, request.containerName(), ctx.receivedAt()).stream()
                .filter(e -> (start == null || !e.createdAt().isBefore(start)) && (end == null || !e.createdAt().isAfter(end)))
                .filter(e -> ContainerLogs.matches(e.message(), request.filterPattern()))
                .toList();
        Pages<ContainerServiceLogEvent> page = Pages.of(events, request.pageToken(), PAGE_SIZE);
        return GetContainerLogResponse.builder().logEvents(page.items()).nextPageToken(page.nextPageToken()).build();
    }
}
