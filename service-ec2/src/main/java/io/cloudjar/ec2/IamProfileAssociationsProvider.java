package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.InstanceProfiles;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.support.Filters;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.DescribePaging;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.Ec2Filters;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AssociateIamInstanceProfileRequest;
import software.amazon.awssdk.services.ec2.model.AssociateIamInstanceProfileResponse;
import software.amazon.awssdk.services.ec2.model.DescribeIamInstanceProfileAssociationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeIamInstanceProfileAssociationsResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateIamInstanceProfileRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateIamInstanceProfileResponse;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfile;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;
import software.amazon.awssdk.services.ec2.model.ReplaceIamInstanceProfileAssociationRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceIamInstanceProfileAssociationResponse;

/**
 * The instance profile of a running or stopped instance: Associate, Describe, Disassociate and Replace
 * IamInstanceProfileAssociation[s]. Changes answer {@code associating} / {@code disassociating} and are in
 * effect at once (the metadata service hands out the new role's credentials).
 */
public final class IamProfileAssociationsProvider extends ComputeProvider {
    private static final Filters<IamInstanceProfileAssociation> FILTERS = new Filters<IamInstanceProfileAssociation>()
            .onValue("instance-id", IamInstanceProfileAssociation::instanceId)
            .onValue("state", IamInstanceProfileAssociation::stateAsString);

    @Override
    public void init(ServiceContext context) {
        super.init(context);
        // the authorization rules' {instanceOfProfileAssociation(AssociationId)}: Disassociate/Replace name only the association
        context.addRuleResolver("instanceOfProfileAssociation", (id, call) -> {
            ComputeState state = store.get(call.account(), call.region());
            synchronized (state) {
                return state.instances(store.now()).stream()
                        .filter(i -> i.profile() != null && i.profile().associationId().equals(id))
                        .map(InstanceRecord::instanceId).findFirst().map(List::of).orElse(List.of());
            }
        });
    }

    public AssociateIamInstanceProfileResponse associateIamInstanceProfile(CallContext ctx,
                                                                           AssociateIamInstanceProfileRequest r) {
        ComputeState state = state(ctx);
        synchronized (state) {
            Instant now = store.now();
            InstanceRecord instance = InstanceLookup.require(state, r.instanceId(), now);
            String current = instance.phase().name(now);
            if (!current.equals("running") && !current.equals("stopped") && !current.equals("pending")) {
                throw Ec2Errors.of("IncorrectInstanceState", instance.instanceId(), current);
            }
            if (instance.profile() != null) {
                throw Ec2Errors.of("IncorrectState#iamProfile", instance.instanceId());
            }
            InstanceRecord after = associate(instance, r.iamInstanceProfile() == null ? null : r.iamInstanceProfile().arn(),
                    r.iamInstanceProfile() == null ? null : r.iamInstanceProfile().name(), ctx, now);
            state.putInstance(after);
            return AssociateIamInstanceProfileResponse.builder().iamInstanceProfileAssociation(view(after, "associating")).build();
        }
    }

    public DescribeIamInstanceProfileAssociationsResponse describeIamInstanceProfileAssociations(
            CallContext ctx, DescribeIamInstanceProfileAssociationsRequest r) {
        List<Filters.Filter> filters = Ec2Filters.of(r.filters());
        FILTERS.validate(filters);
        DescribePaging.checkMaxResults(r.maxResults(), 5, 1000);
        DescribePaging.rejectIdsWithMaxResults(r.associationIds(), r.maxResults(), "AssociationIds");
        Instant now = store.now();
        List<IamInstanceProfileAssociation> all = state(ctx).instances(now).stream()
                .filter(i -> i.profile() != null && !i.phase().name(now).equals("terminated"))
                .map(i -> view(i, i.profile().state())).toList();
        for (String id : r.associationIds()) {
            if (all.stream().noneMatch(a -> a.associationId().equals(id))) {
                throw Ec2Errors.of("InvalidAssociationID.NotFound#iamProfile", id);
            }
        }
        List<IamInstanceProfileAssociation> matching = all.stream()
                .filter(a -> r.associationIds().isEmpty() || r.associationIds().contains(a.associationId()))
                .filter(a -> FILTERS.matches(a, filters)).toList();
        Pages.Page<IamInstanceProfileAssociation> page = DescribePaging.page(matching, IamInstanceProfileAssociation::associationId,
                r.maxResults(), r.nextToken());
        return DescribeIamInstanceProfileAssociationsResponse.builder().iamInstanceProfileAssociations(page.items())
                .nextToken(page.nextToken()).build();
    }

    public DisassociateIamInstanceProfileResponse disassociateIamInstanceProfile(CallContext ctx,
                                                                                 DisassociateIamInstanceProfileRequest r) {
        ComputeState state = state(ctx);
        synchronized (state) {
            InstanceRecord instance = byAssociation(state, r.associationId());
            state.putInstance(instance.withProfile(null));
            return DisassociateIamInstanceProfileResponse.builder().iamInstanceProfileAssociation(view(instance, "disassociating")).build();
        }
    }

    public ReplaceIamInstanceProfileAssociationResponse replaceIamInstanceProfileAssociation(
            CallContext ctx, ReplaceIamInstanceProfileAssociationRequest r) {
        ComputeState state = state(ctx);
        synchronized (state) {
            InstanceRecord instance = byAssociation(state, r.associationId());
            InstanceRecord after = associate(instance, r.iamInstanceProfile() == null ? null : r.iamInstanceProfile().arn(),
                    r.iamInstanceProfile() == null ? null : r.iamInstanceProfile().name(), ctx, store.now());
            state.putInstance(after);
            return ReplaceIamInstanceProfileAssociationResponse.builder().iamInstanceProfileAssociation(view(after, "associating")).build();
        }
    }

    private InstanceRecord associate(InstanceRecord instance, String arn, String name, CallContext ctx, Instant now) {
        InstanceProfiles.Profile profile = IamProfiles.resolve(store, ctx.accountId(), arn, name);
        PassRoles.check(ctx, profile);
        return instance.withProfile(new InstanceRecord.ProfileAssociation(Ids.ec2("iip-assoc"), profile.arn(), profile.id(),
                "associated", now));
    }

    private InstanceRecord byAssociation(ComputeState state, String associationId) {
        Instant now = store.now();
        return state.instances(now).stream()
                .filter(i -> i.profile() != null && i.profile().associationId().equals(associationId))
                .findFirst().orElseThrow(() -> Ec2Errors.of("InvalidAssociationID.NotFound#iamProfile", associationId));
    }

    private static IamInstanceProfileAssociation view(InstanceRecord i, String state) {
        return IamInstanceProfileAssociation.builder().associationId(i.profile().associationId()).instanceId(i.instanceId())
                .iamInstanceProfile(IamInstanceProfile.builder().arn(i.profile().arn()).id(i.profile().id()).build())
                .state(state).timestamp(i.profile().timestamp()).build();
    }
}
