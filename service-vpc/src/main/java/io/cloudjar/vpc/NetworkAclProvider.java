package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.vpc.api.Ec2Errors;
import io.cloudjar.vpc.api.TagSpecifications;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclAssociationRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclAssociationResponse;

/**
 * Network ACLs and their subnet associations: every subnet is associated with exactly one ACL of its VPC
 * (the default one until replaced), and an ACL cannot be deleted while it guards a subnet.
 */
public final class NetworkAclProvider extends NetworkProvider {
    private static final Describe<NetworkAcl> DESCRIBE =
            new Describe<>(NetworkAclViews.FILTERS, NetworkAcl::networkAclId, "NetworkAclIds");

    public CreateNetworkAclResponse createNetworkAcl(CallContext ctx, CreateNetworkAclRequest request) {
        Map<String, String> tags = TagSpecifications.tagsFor(request.tagSpecifications(), "network-acl");
        NetworkState state = state(ctx);
        NetworkAcl acl = state.write(() -> {
            NetworkAclRecord record = VpcCompanions.newAcl(state.vpc(request.vpcId()), false);
            record.tags.putAll(tags);
            return NetworkAclViews.render(state.networkAcls.add(record));
        });
        return CreateNetworkAclResponse.builder().networkAcl(acl).clientToken(request.clientToken()).build();
    }

    public DescribeNetworkAclsResponse describeNetworkAcls(CallContext ctx, DescribeNetworkAclsRequest request) {
        NetworkState state = state(ctx);
        Pages.Page<NetworkAcl> page = DESCRIBE.run(state, state.networkAcls, NetworkAclViews::render, request.filters(),
                request.networkAclIds(), request.maxResults(), request.nextToken());
        return DescribeNetworkAclsResponse.builder().networkAcls(page.items()).nextToken(page.nextToken()).build();
    }

    public DeleteNetworkAclResponse deleteNetworkAcl(CallContext ctx, DeleteNetworkAclRequest request) {
        NetworkState state = state(ctx);
        state.write(() -> {
            NetworkAclRecord acl = state.networkAcls.get(request.networkAclId());
            if (acl.isDefault) {
                throw Ec2Errors.of("InvalidParameterValue#deleteDefaultAcl", acl.id);
            }
            if (!acl.associations.isEmpty()) {
                throw Ec2Errors.of("DependencyViolation", "networkAcl", acl.id);
            }
            state.networkAcls.remove(acl.id);
        });
        return DeleteNetworkAclResponse.builder().build();
    }

    /** Moves a subnet's association to another ACL of the same VPC, under a new association id. */
    public ReplaceNetworkAclAssociationResponse replaceNetworkAclAssociation(CallContext ctx,
                                                                             ReplaceNetworkAclAssociationRequest request) {
        NetworkState state = state(ctx);
        String newId = state.write(() -> {
            NetworkAclRecord from = state.networkAcls.first(a -> a.associations.stream()
                            .anyMatch(x -> x.associationId().equals(request.associationId())))
                    .orElseThrow(() -> Ec2Errors.of("InvalidAssociationID.NotFound", request.associationId()));
            NetworkAclRecord to = state.networkAcls.get(request.networkAclId());
            if (!from.vpcId.equals(to.vpcId)) {
                throw Ec2Errors.of("InvalidParameterValue#aclNetwork", to.id, request.associationId());
            }
            NetworkAclRecord.Association old = from.associations.stream()
                    .filter(x -> x.associationId().equals(request.associationId())).findFirst().orElseThrow();
            from.associations.remove(old);
            NetworkAclRecord.Association moved = new NetworkAclRecord.Association(Ids.ec2("aclassoc"), old.subnetId());
            to.associations.add(moved);
            return moved.associationId();
        });
        return ReplaceNetworkAclAssociationResponse.builder().newAssociationId(newId).build();
    }
}
