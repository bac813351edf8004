package io.cloudjar.lightsail;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.ec2.api.SnapshotExports;
import io.cloudjar.vpc.api.IngressRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.lightsail.model.CreateCloudFormationStackRequest;
import software.amazon.awssdk.services.lightsail.model.CreateCloudFormationStackResponse;
import software.amazon.awssdk.services.lightsail.model.GetCloudFormationStackRecordsRequest;
import software.amazon.awssdk.services.lightsail.model.GetCloudFormationStackRecordsResponse;
import software.amazon.awssdk.services.lightsail.model.InstanceEntry;
import software.amazon.awssdk.services.lightsail.model.PortInfoSourceType;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * CreateCloudFormationStack and GetCloudFormationStackRecords: an EC2 instance launched (by service-ec2, through
 * {@link SnapshotExports}) from the AMI an instance snapshot was exported to, with the instance type, zone, launch
 * script and ports asked; DescribeInstances shows it. The ports: DEFAULT the blueprint's, INSTANCE the source
 * instance's firewall, CLOSED none (a security group of its own either way), NONE the VPC's default security group.
 * The record stays Started for as long as a Lightsail instance takes to start.
 */
public final class CloudFormationStacksProvider extends Ec2LinkedProvider {
    private static final int PAGE_SIZE = 100;

    public CreateCloudFormationStackResponse createCloudFormationStack(CallContext ctx, CreateCloudFormationStackRequest request) {
        LightsailState state = state(ctx);
        LightsailScope scope = LightsailScope.of(ctx);
        if (request.instances().size() != 1) {
            throw LightsailErrors.invalidInput("Exactly one instance entry is required; %d were given.", request.instances().size());
        }
        InstanceEntry entry = request.instances().get(0);
        for (String member : new String[] {entry.sourceName(), entry.instanceType(), entry.availabilityZone()}) {
            if (member == null || member.isBlank()) {
                throw LightsailErrors.invalidInput("The instance entry needs sourceName, instanceType, portInfoSource and"
                        + " availabilityZone.");
            }
        }
        if (entry.portInfoSource() == null || entry.portInfoSource() == PortInfoSourceType.UNKNOWN_TO_SDK_VERSION) {
            throw LightsailErrors.invalidInput("The port info source is not valid: %s", entry.portInfoSourceAsString());
        }
        ExportSnapshotRecord export = state.exportSnapshotRecords.get(entry.sourceName());
        if (!export.ofInstance()) {
            throw LightsailErrors.invalidInput("The export snapshot record %s is of a disk snapshot: an EC2 instance is"
                    + " created from an exported instance snapshot.", export.name());
        }
        if (!export.succeeded(scope.now())) {
            throw LightsailErrors.invalidInput("The export snapshot record %s is not in the Succeeded state.", export.name());
        }
        String stackId = UUID.randomUUID().toString();
        String stackName = "Lightsail-Stack-" + stackId;
        SnapshotExports exports = seams.exports();
        String instanceId;
        try {
            instanceId = exports.launchInstance(SnapshotExportProvider.ec2Scope(scope), new SnapshotExports.Launch(
                    export.destinationId(), entry.instanceType(), entry.availabilityZone(), entry.userData(),
                    stackName + "-SecurityGroup", ingress(export, entry.portInfoSource())));
        } catch (AwsException e) {
            throw LightsailErrors.invalidInput("%s", e.getMessage()); // EC2's refusal (instance type, zone) in Lightsail's terms
        }
        String name = "CloudFormationStackRecord-" + stackId;
        CloudFormationStackRecord stack = new CloudFormationStackRecord(
                ResourceMeta.create(scope, ResourceType.CLOUD_FORMATION_STACK_RECORD, name, "all", name, Map.of()),
                export.name(), export.meta().arn(),
                "arn:" + scope.partition() + ":cloudformation:" + scope.region() + ":" + scope.account() + ":stack/"
                        + stackName + "/" + UUID.randomUUID(),
                instanceId, scope.now().plus(store.timings().pending()));
        synchronized (state.lock) {
            state.cloudFormationStackRecords.put(stack);
            return CreateCloudFormationStackResponse.builder().operations(state.operations.record(scope, stack.meta(),
                    "CreateCloudFormationStack", export.name(), stack.completesAt())).build();
        }
    }

    public GetCloudFormationStackRecordsResponse getCloudFormationStackRecords(CallContext ctx,
                                                                               GetCloudFormationStackRecordsRequest request) {
        Instant now = ctx.receivedAt();
        Pages<CloudFormationStackRecord> page = Pages.of(state(ctx).cloudFormationStackRecords.list(), request.pageToken(),
                PAGE_SIZE);
        return GetCloudFormationStackRecordsResponse.builder()
                .cloudFormationStackRecords(page.items().stream().map(r -> r.toSdk(now)).toList())
                .nextPageToken(page.nextPageToken()).build();
    }

    /** The inbound rules of the new instance's security group; null for the VPC's default group. */
    private static List<IngressRule> ingress(ExportSnapshotRecord export, PortInfoSourceType source) {
        return switch (source) {
            case NONE -> null;
            case CLOSED -> List.of();
            case DEFAULT -> BlueprintCatalog.find(export.source().fromBlueprintId()).map(BlueprintCatalog.Entry::ports)
                    .orElse(List.of()).stream()
                    .map(p -> new IngressRule("tcp", p, p, PortRule.ANYWHERE_V4, PortRule.ANYWHERE_V6)).toList();
            default -> export.source().ports().stream().map(p -> new IngressRule(p.protocol().equals("all") ? "-1" : p.protocol(),
                    p.fromPort(), p.toPort(), p.cidrs(), p.ipv6Cidrs())).toList();
        };
    }
}
