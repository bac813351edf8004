package io.cloudjar.vpc;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.api.Ec2Errors;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfaceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfaceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyNetworkInterfaceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyNetworkInterfaceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

/** The description, security groups, source/destination check and attachment flag of an interface. */
public final class NetworkInterfaceAttributeProvider extends NetworkProvider {

    public DescribeNetworkInterfaceAttributeResponse describeNetworkInterfaceAttribute(CallContext ctx,
                                                                                       DescribeNetworkInterfaceAttributeRequest r) {
        NetworkState state = state(ctx);
        String attribute = Objects.requireNonNullElse(r.attributeAsString(), "");
        return state.read(() -> {
            NetworkInterface eni = NetworkInterfaceViews.render(state, state.interfaces.get(r.networkInterfaceId()));
            DescribeNetworkInterfaceAttributeResponse.Builder b = DescribeNetworkInterfaceAttributeResponse.builder()
                    .networkInterfaceId(eni.networkInterfaceId());
            switch (attribute) {
                case "description" -> b.description(AttributeValue.builder().value(eni.description()).build());
                case "groupSet" -> b.groups(eni.groups());
                case "sourceDestCheck" -> b.sourceDestCheck(AttributeBooleanValue.builder().value(eni.sourceDestCheck()).build());
                case "attachment" -> b.attachment(eni.attachment());
                default -> throw Ec2Errors.of("InvalidParameterValue#attribute", attribute);
            }
            return b.build();
        });
    }

    public ModifyNetworkInterfaceAttributeResponse modifyNetworkInterfaceAttribute(CallContext ctx,
                                                                                   ModifyNetworkInterfaceAttributeRequest r) {
        NetworkState state = state(ctx);
        state.write(() -> {
            NetworkInterfaceRecord eni = state.interfaces.get(r.networkInterfaceId());
            if (eni.requesterManaged()) {
                throw Ec2Errors.of("AuthFailure");
            }
            if (r.description() != null) {
                eni.description = Objects.requireNonNullElse(r.description().value(), "");
            }
            if (r.sourceDestCheck() != null && r.sourceDestCheck().value() != null) {
                eni.sourceDestCheck = r.sourceDestCheck().value();
            }
            if (!r.groups().isEmpty()) {
                var groups = Interfaces.groups(state, eni.vpcId, r.groups(), true);
                eni.groupIds.clear();
                eni.groupIds.addAll(groups);
            }
            if (r.attachment() != null) {
                NetworkInterfaceRecord.Attachment a = eni.attachment;
                if (a == null || !a.attachmentId().equals(r.attachment().attachmentId())) {
                    throw Ec2Errors.of("InvalidAttachmentID.NotFound", r.attachment().attachmentId());
                }
                eni.attachment = new NetworkInterfaceRecord.Attachment(a.attachmentId(), a.instanceId(), a.instanceOwnerId(),
                        a.deviceIndex(), a.attachTime(), Boolean.TRUE.equals(r.attachment().deleteOnTermination()));
            }
        });
        return ModifyNetworkInterfaceAttributeResponse.builder().build();
    }
}
