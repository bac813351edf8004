package io.cloudjar.ec2;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.vpc.api.Ec2Errors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeImageAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImageAttributeResponse;
import software.amazon.awssdk.services.ec2.model.LaunchPermission;
import software.amazon.awssdk.services.ec2.model.ModifyImageAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyImageAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ResetImageAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ResetImageAttributeResponse;

/**
 * Describe/Modify/ResetImageAttribute: launch permissions (sharing with accounts, making public) and the
 * description are the owner's to change; the other attributes are read-only views of the image.
 */
public final class ImageAttributesProvider extends ComputeProvider {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    public DescribeImageAttributeResponse describeImageAttribute(CallContext ctx, DescribeImageAttributeRequest request) {
        String attribute = request.attributeAsString();
        ImageRecord image = attribute.equals("launchPermission") ? ImageAccess.owned(store, ctx, request.imageId())
                : ImageAccess.visible(store, ctx, request.imageId());
        DescribeImageAttributeResponse.Builder b = DescribeImageAttributeResponse.builder().imageId(image.imageId());
        switch (attribute) {
            case "description" -> b.description(value(image.description()));
            case "launchPermission" -> b.launchPermissions(permissions(image));
            case "blockDeviceMapping" -> b.blockDeviceMappings(ImageViews.mappings(image));
            case "productCodes" -> b.productCodes(List.of());
            case "kernel" -> b.kernelId(value(null));
            case "ramdisk" -> b.ramdiskId(value(null));
            case "sriovNetSupport" -> b.sriovNetSupport(value("simple"));
            case "bootMode" -> b.bootMode(value(image.bootMode()));
            case "imdsSupport" -> b.imdsSupport(value(image.imdsSupport()));
            case "deregistrationProtection" -> b.deregistrationProtection(value("disabled"));
            case "tpmSupport" -> b.tpmSupport(value(null));
            case "uefiData" -> b.uefiData(value(null));
            case "lastLaunchedTime" -> b.lastLaunchedTime(value(null));
            default -> throw Ec2Errors.of("InvalidRequest", attribute);
        }
        return b.build();
    }

    public ModifyImageAttributeResponse modifyImageAttribute(CallContext ctx, ModifyImageAttributeRequest request) {
        ImageRecord image = ImageAccess.owned(store, ctx, request.imageId());
        String attribute = request.attribute();
        boolean permissions = request.launchPermission() != null || "launchPermission".equals(attribute)
                || !request.userIds().isEmpty() || !request.userGroups().isEmpty();
        boolean description = request.description() != null || "description".equals(attribute);
        if (attribute != null && !attribute.equals("launchPermission") && !attribute.equals("description")) {
            throw Ec2Errors.of("InvalidRequest", attribute);
        }
        if (!permissions && !description) {
            throw Ec2Errors.of("MissingParameter", "Attribute");
        }
        ImageRecord changed = image;
        if (description) {
            String text = request.description() != null ? request.description().value() : request.value();
            changed = changed.withDescription(text == null ? "" : text);
        }
        if (permissions) {
            changed = withPermissions(changed, request);
        }
        store.images(ctx.region()).replace(changed);
        return ModifyImageAttributeResponse.builder().build();
    }

    public ResetImageAttributeResponse resetImageAttribute(CallContext ctx, ResetImageAttributeRequest request) {
        ImageRecord image = ImageAccess.owned(store, ctx, request.imageId());
        store.images(ctx.region()).replace(image.withPermissions(false, Set.of()));
        return ResetImageAttributeResponse.builder().build();
    }

    /** Adds then removes, from either the structured {@code LaunchPermission} or the flat parameters. */
    private static ImageRecord withPermissions(ImageRecord image, ModifyImageAttributeRequest request) {
        List<LaunchPermission> add = new ArrayList<>();
        List<LaunchPermission> remove = new ArrayList<>();
        if (request.launchPermission() != null) {
            add.addAll(request.launchPermission().add());
            remove.addAll(request.launchPermission().remove());
        }
        List<LaunchPermission> flat = new ArrayList<>();
        request.userIds().forEach(u -> flat.add(LaunchPermission.builder().userId(u).build()));
        request.userGroups().forEach(g -> flat.add(LaunchPermission.builder().group(g).build()));
        if (!flat.isEmpty()) {
            if (request.operationTypeAsString() == null) {
                throw Ec2Errors.of("MissingParameter", "OperationType");
            }
            (request.operationTypeAsString().equals("remove") ? remove : add).addAll(flat);
        }
        boolean isPublic = image.isPublic();
        Set<String> users = new LinkedHashSet<>(image.launchUserIds());
        for (LaunchPermission p : add) {
            if (p.groupAsString() != null) {
                isPublic = isPublic || checkGroup(p.groupAsString());
            } else {
                users.add(checkUser(p.userId()));
            }
        }
        for (LaunchPermission p : remove) {
            if (p.groupAsString() != null) {
                isPublic = isPublic && !checkGroup(p.groupAsString());
            } else {
                users.remove(checkUser(p.userId()));
            }
        }
        return image.withPermissions(isPublic, users);
    }

    private static boolean checkGroup(String group) {
        if (!group.equals("all")) {
            throw Ec2Errors.of("InvalidParameterValue#launchPermissionGroup", group);
        }
        return true;
    }

    private static String checkUser(String userId) {
        if (userId == null || !ACCOUNT_ID.matcher(userId).matches()) {
            throw Ec2Errors.of("InvalidAMIAttributeItemValue", userId);
        }
        return userId;
    }

    private static List<LaunchPermission> permissions(ImageRecord image) {
        List<LaunchPermission> list = new ArrayList<>();
        if (image.isPublic()) {
            list.add(LaunchPermission.builder().group("all").build());
        }
        image.launchUserIds().stream().sorted().forEach(u -> list.add(LaunchPermission.builder().userId(u).build()));
        return list;
    }

    private static AttributeValue value(String value) {
        return AttributeValue.builder().value(value).build();
    }
}
