package io.cloudjar.vpc;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Ec2Filters;
import io.cloudjar.vpc.api.TagSpecifications;
import io.cloudjar.vpc.api.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.CreateFlowLogsRequest;
import software.amazon.awssdk.services.ec2.model.CreateFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteFlowLogsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeFlowLogsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItem;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItemError;

/**
 * Flow logs of VPCs, subnets and interfaces, kept as configuration (no traffic flows through Cloudjar).
 * Resources that do not exist are reported per id in {@code Unsuccessful}, as AWS does.
 */
public final class FlowLogProvider extends NetworkProvider {
    static final String DEFAULT_FORMAT = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} "
            + "${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";
    private static final Filters<FlowLog> FILTERS = new Filters<FlowLog>()
            .onValue("deliver-log-status", FlowLog::deliverLogsStatus)
            .onValue("log-destination-type", FlowLog::logDestinationTypeAsString)
            .onValue("flow-log-id", FlowLog::flowLogId)
            .onValue("log-group-name", FlowLog::logGroupName)
            .onValue("resource-id", FlowLog::resourceId)
            .onValue("traffic-type", FlowLog::trafficTypeAsString)
            .withTags(f -> Tags.asMap(f.tags()));
    private static final Describe<FlowLog> DESCRIBE = new Describe<>(FILTERS, FlowLog::flowLogId, "FlowLogIds");

    public CreateFlowLogsResponse createFlowLogs(CallContext ctx, CreateFlowLogsRequest r) {
        String destinationType = Objects.requireNonNullElse(r.logDestinationTypeAsString(), "cloud-watch-logs");
        if (destinationType.equals("cloud-watch-logs") && r.deliverLogsPermissionArn() == null) {
            throw Ec2Errors.of("InvalidParameter#deliverLogsPermission");
        }
        if (destinationType.equals("cloud-watch-logs") && r.logGroupName() == null && r.logDestination() == null) {
            throw Ec2Errors.of("MissingParameter", "logGroupName");
        }
        if (!destinationType.equals("cloud-watch-logs") && r.logDestination() == null) {
            throw Ec2Errors.of("MissingParameter", "logDestination");
        }
        if (r.trafficType() == null && destinationType.equals("cloud-watch-logs") && r.resourceTypeAsString() == null) {
            throw Ec2Errors.of("MissingParameter", "trafficType");
        }
        int interval = r.maxAggregationInterval() == null ? 600 : r.maxAggregationInterval();
        if (interval != 60 && interval != 600) {
            throw Ec2Errors.of("InvalidParameterValue", interval, "MaxAggregationInterval");
        }
        Map<String, String> tags = TagSpecifications.tagsFor(r.tagSpecifications(), "vpc-flow-log");
        NetworkState state = state(ctx);
        List<String> created = new ArrayList<>();
        List<UnsuccessfulItem> failed = new ArrayList<>();
        state.write(() -> {
            for (String resourceId : r.resourceIds()) {
                AwsException missing = missing(state, resourceId);
                boolean duplicate = state.flowLogs.first(f -> f.resourceId.equals(resourceId)
                        && Objects.equals(f.trafficType, r.trafficTypeAsString())
                        && Objects.equals(f.logDestinationType, destinationType)
                        && Objects.equals(f.logGroupName, r.logGroupName()) && Objects.equals(f.logDestination, r.logDestination()))
                        .isPresent();
                if (missing != null || duplicate) {
                    failed.add(UnsuccessfulItem.builder().resourceId(resourceId).error(UnsuccessfulItemError.builder()
                            .code(missing != null ? missing.code() : "FlowLogAlreadyExists")
                            .message(missing != null ? missing.getMessage()
                                    : "Error. There is an existing Flow Log with the same configuration and log destination.")
                            .build()).build());
                    continue;
                }
                FlowLogRecord log = new FlowLogRecord(Ids.ec2("fl"), resourceId, r.trafficTypeAsString(), destinationType,
                        r.logDestination(), r.logGroupName(), r.deliverLogsPermissionArn(),
                        Objects.requireNonNullElse(r.logFormat(), DEFAULT_FORMAT), interval, store.clock.now(), tags);
                created.add(state.flowLogs.add(log).id);
            }
        });
        return CreateFlowLogsResponse.builder().flowLogIds(created).unsuccessful(failed).clientToken(r.clientToken()).build();
    }

    public DescribeFlowLogsResponse describeFlowLogs(CallContext ctx, DescribeFlowLogsRequest r) {
        List<Filters.Filter> filters = Ec2Filters.of(r.filter());
        FILTERS.validate(filters);
        io.cloudjar.vpc.api.DescribePaging.checkMaxResults(r.maxResults(), 1, Describe.MAX_RESULTS);
        NetworkState state = state(ctx);
        List<FlowLog> candidates = state.read(() -> (r.flowLogIds().isEmpty() ? state.flowLogs.all()
                : r.flowLogIds().stream().distinct().flatMap(id -> state.flowLogs.find(id).stream()).toList())
                .stream().map(FlowLogProvider::render).toList());
        Pages.Page<FlowLog> page = DESCRIBE.page(candidates, filters, r.maxResults(), r.nextToken());
        return DescribeFlowLogsResponse.builder().flowLogs(page.items()).nextToken(page.nextToken()).build();
    }

    public DeleteFlowLogsResponse deleteFlowLogs(CallContext ctx, DeleteFlowLogsRequest r) {
        NetworkState state = state(ctx);
        List<UnsuccessfulItem> failed = state.write(() -> {
            List<UnsuccessfulItem> out = new ArrayList<>();
            for (String id : r.flowLogIds()) {
                if (state.flowLogs.remove(id).isEmpty()) {
                    AwsException e = Ec2Errors.of("InvalidFlowLogId.NotFound", id);
                    out.add(UnsuccessfulItem.builder().resourceId(id)
                            .error(UnsuccessfulItemError.builder().code(e.code()).message(e.getMessage()).build()).build());
                }
            }
            return out;
        });
        return DeleteFlowLogsResponse.builder().unsuccessful(failed).build();
    }

    /** The NotFound error for a resource that cannot carry a flow log here, or null when it exists. */
    private static AwsException missing(NetworkState state, String id) {
        if (id.startsWith("vpc-")) {
            return state.vpcs.contains(id) ? null : Ec2Errors.of("InvalidVpcID.NotFound", id);
        }
        if (id.startsWith("subnet-")) {
            return state.subnets.contains(id) ? null : Ec2Errors.of("InvalidSubnetID.NotFound", id);
        }
        if (id.startsWith("eni-")) {
            return state.interfaces.contains(id) ? null : Ec2Errors.of("InvalidNetworkInterfaceID.NotFound", id);
        }
        return Ec2Errors.of("InvalidID", id);
    }

    static FlowLog render(FlowLogRecord f) {
        FlowLog.Builder b = FlowLog.builder()
                .flowLogId(f.id)
                .resourceId(f.resourceId)
                .trafficType(f.trafficType)
                .logDestinationType(f.logDestinationType)
                .logDestination(f.logDestination)
                .logGroupName(f.logGroupName)
                .deliverLogsPermissionArn(f.deliverLogsPermissionArn)
                .deliverLogsStatus("SUCCESS")
                .flowLogStatus("ACTIVE")
                .logFormat(f.logFormat)
                .maxAggregationInterval(f.maxAggregationInterval)
                .creationTime(f.creationTime);
        if (!f.tags.isEmpty()) {
            b.tags(Tags.toSdk(f.tags));
        }
        return b.build();
    }
}
