package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.vpc.api.DescribePaging;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Ec2Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceCreditSpecificationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceCreditSpecificationsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceCreditSpecification;
import software.amazon.awssdk.services.ec2.model.InstanceMonitoring;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceCreditSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceCreditSpecificationResponse;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.Monitoring;
import software.amazon.awssdk.services.ec2.model.MonitorInstancesRequest;
import software.amazon.awssdk.services.ec2.model.MonitorInstancesResponse;
import software.amazon.awssdk.services.ec2.model.SuccessfulInstanceCreditSpecificationItem;
import software.amazon.awssdk.services.ec2.model.UnmonitorInstancesRequest;
import software.amazon.awssdk.services.ec2.model.UnmonitorInstancesResponse;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulInstanceCreditSpecificationErrorCode;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulInstanceCreditSpecificationItem;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulInstanceCreditSpecificationItemError;

/**
 * The options an instance keeps besides its attributes: metadata service options
 * (ModifyInstanceMetadataOptions), detailed monitoring (Monitor/UnmonitorInstances) and the CPU credit
 * option of burstable types (Describe/ModifyInstanceCreditSpecification[s]).
 */
public final class InstanceOptionsProvider extends ComputeProvider {
    private static final Filters<InstanceCreditSpecification> CREDIT_FILTERS = new Filters<InstanceCreditSpecification>()
            .onValue("instance-id", InstanceCreditSpecification::instanceId);

    public ModifyInstanceMetadataOptionsResponse modifyInstanceMetadataOptions(CallContext ctx,
                                                                               ModifyInstanceMetadataOptionsRequest r) {
        ComputeState state = state(ctx);
        synchronized (state) {
            InstanceRecord instance = InstanceLookup.require(state, r.instanceId(), store.now());
            InstanceSettings.MetadataOptions m = instance.settings().metadata();
            InstanceSettings.MetadataOptions changed = MetadataChecks.check(new InstanceSettings.MetadataOptions(
                    r.httpTokensAsString() != null ? r.httpTokensAsString() : m.httpTokens(),
                    r.httpPutResponseHopLimit() != null ? r.httpPutResponseHopLimit() : m.hopLimit(),
                    r.httpEndpointAsString() != null ? r.httpEndpointAsString() : m.httpEndpoint(),
                    r.httpProtocolIpv6AsString() != null ? r.httpProtocolIpv6AsString() : m.httpProtocolIpv6(),
                    r.instanceMetadataTagsAsString() != null ? r.instanceMetadataTagsAsString() : m.instanceMetadataTags()));
            state.putInstance(instance.withSettings(instance.settings().withMetadata(changed)));
            // The change is "pending" in the answer and "applied" by the next read, as on AWS a moment later.
            return ModifyInstanceMetadataOptionsResponse.builder().instanceId(instance.instanceId())
                    .instanceMetadataOptions(InstanceViews.metadataOptions(changed).toBuilder().state("pending").build()).build();
        }
    }

    public MonitorInstancesResponse monitorInstances(CallContext ctx, MonitorInstancesRequest request) {
        return MonitorInstancesResponse.builder().instanceMonitorings(monitoring(ctx, request.instanceIds(), true)).build();
    }

    public UnmonitorInstancesResponse unmonitorInstances(CallContext ctx, UnmonitorInstancesRequest request) {
        return UnmonitorInstancesResponse.builder().instanceMonitorings(monitoring(ctx, request.instanceIds(), false)).build();
    }

    /** Answers {@code pending} / {@code disabling}; reads show {@code enabled} / {@code disabled}. */
    private List<InstanceMonitoring> monitoring(CallContext ctx, List<String> ids, boolean enabled) {
        ComputeState state = state(ctx);
        synchronized (state) {
            List<InstanceMonitoring> out = new ArrayList<>();
            for (InstanceRecord instance : InstanceLookup.require(state, ids, store.now())) {
                state.putInstance(instance.withSettings(instance.settings().withMonitoring(enabled)));
                out.add(InstanceMonitoring.builder().instanceId(instance.instanceId())
                        .monitoring(Monitoring.builder().state(enabled ? "pending" : "disabling").build()).build());
            }
            return out;
        }
    }

    public DescribeInstanceCreditSpecificationsResponse describeInstanceCreditSpecifications(
            CallContext ctx, DescribeInstanceCreditSpecificationsRequest request) {
        List<Filters.Filter> filters = Ec2Filters.of(request.filters());
        CREDIT_FILTERS.validate(filters);
        DescribePaging.checkMaxResults(request.maxResults(), 5, 1000);
        DescribePaging.rejectIdsWithMaxResults(request.instanceIds(), request.maxResults(), "InstanceIds");
        ComputeState state = state(ctx);
        Instant now = store.now();
        List<InstanceRecord> candidates = InstanceLookup.namedOrAll(state, request.instanceIds(), now);
        List<InstanceCreditSpecification> specs = candidates.stream()
                .filter(i -> i.settings().cpuCredits() != null && !i.phase().name(now).equals("terminated"))
                .map(i -> InstanceCreditSpecification.builder().instanceId(i.instanceId()).cpuCredits(i.settings().cpuCredits()).build())
                .filter(s -> CREDIT_FILTERS.matches(s, filters))
                .toList();
        Pages.Page<InstanceCreditSpecification> page = DescribePaging.page(specs, InstanceCreditSpecification::instanceId,
                request.maxResults(), request.nextToken());
        return DescribeInstanceCreditSpecificationsResponse.builder().instanceCreditSpecifications(page.items())
                .nextToken(page.nextToken()).build();
    }

    /** Each instance succeeds or fails on its own, as EC2 reports it. */
    public ModifyInstanceCreditSpecificationResponse modifyInstanceCreditSpecification(
            CallContext ctx, ModifyInstanceCreditSpecificationRequest request) {
        ComputeState state = state(ctx);
        List<SuccessfulInstanceCreditSpecificationItem> ok = new ArrayList<>();
        List<UnsuccessfulInstanceCreditSpecificationItem> failed = new ArrayList<>();
        synchronized (state) {
            Instant now = store.now();
            for (var spec : request.instanceCreditSpecifications()) {
                var instance = spec.instanceId() == null ? java.util.Optional.<InstanceRecord>empty() : state.instance(spec.instanceId(), now);
                String credits = spec.cpuCredits();
                if (instance.isEmpty()) {
                    failed.add(failure(spec.instanceId(), UnsuccessfulInstanceCreditSpecificationErrorCode.INVALID_INSTANCE_ID_NOT_FOUND,
                            "The instance ID '" + spec.instanceId() + "' does not exist"));
                } else if (instance.get().settings().cpuCredits() == null) {
                    failed.add(failure(spec.instanceId(), UnsuccessfulInstanceCreditSpecificationErrorCode.INCORRECT_INSTANCE_STATE,
                            "The instance type " + instance.get().instanceType() + " does not support this operation."));
                } else if (!"standard".equals(credits) && !"unlimited".equals(credits)) {
                    throw Ec2Errors.of("InvalidParameterValue#cpuCredits", credits);
                } else {
                    state.putInstance(instance.get().withSettings(instance.get().settings().withCpuCredits(credits)));
                    ok.add(SuccessfulInstanceCreditSpecificationItem.builder().instanceId(spec.instanceId()).build());
                }
            }
        }
        return ModifyInstanceCreditSpecificationResponse.builder().successfulInstanceCreditSpecifications(ok)
                .unsuccessfulInstanceCreditSpecifications(failed).build();
    }

    private static UnsuccessfulInstanceCreditSpecificationItem failure(String id, UnsuccessfulInstanceCreditSpecificationErrorCode code,
                                                                        String message) {
        return UnsuccessfulInstanceCreditSpecificationItem.builder().instanceId(id)
                .error(UnsuccessfulInstanceCreditSpecificationItemError.builder().code(code).message(message).build()).build();
    }
}
